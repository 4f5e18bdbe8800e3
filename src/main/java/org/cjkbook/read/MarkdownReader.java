package org.cjkbook.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cjkbook.model.Book;
import org.cjkbook.model.Metadata;
import org.cjkbook.text.Script;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown article or book (CommonMark with GFM tables and footnotes) into a
 * {@link Book}.
 *
 * <ul>
 * <li><b>Front matter.</b> A YAML block at the very top, between a line {@code ---} and a
 * line {@code ---} or {@code ...}, holds settings, by cjkbook's names or Pandoc's (see
 * {@link Settings}). The line after the opening {@code ---} must not be blank; otherwise
 * the {@code ---} is a thematic break, as in pandoc.
 * <li><b>Chapters.</b> Level-1 headings start chapters; without any, the shallowest heading
 * level at the top of the document does. Text before the first of them becomes an
 * opening chapter without a title. Deeper headings become headings of level 2 and below.
 * Chapters are numbered {@code chapter-1}, {@code chapter-2}, … in order.
 * <li><b>Title.</b> The front matter's {@code title}; else the sole chapter heading, when it
 * opens the document; else the file name without its extension.
 * <li><b>Line breaks.</b> A line break inside a paragraph between two East Asian wide
 * characters disappears; any other becomes one space.
 * <li><b>Verse.</b> Pandoc's line blocks (lines beginning {@code | }) become verse, each
 * line kept, its leading spaces as no-break spaces, a bare {@code |} between stanzas.
 * <li><b>Footnotes.</b> Each reference carries its note's content; a note referred to twice
 * appears twice. A reference without a definition stays as written; a definition
 * without a reference is left out.
 * <li><b>Images.</b> An image in a paragraph's text stays in its line. A Markdown image
 * alone in its paragraph is a figure captioned by its text alternative (Pandoc's
 * {@code implicit_figures}); images in a paragraph without text, in an HTML block, a
 * heading or a table cell are image blocks after it. They must be local files, relative
 * to the Markdown file's folder.
 * <li><b>Ids.</b> A heading's Pandoc attributes ({@code {#id}}, {@code {.unnumbered}},
 * {@code {-}}) are taken off its text, and its id is the one they give or, without one,
 * one made from its text as Pandoc makes it: {@code ## 第二章 所有权} is
 * {@code 第二章-所有权}, a second {@code ## 小结} {@code 小结-1}. An id given twice is an
 * error. Chapter titles have ids as other headings do.
 * <li><b>Links.</b> Web, mail and in-book ({@code #id}) links stay links; any other scheme,
 * such as {@code javascript:} or {@code data:}, leaves the link's text only. A link to an
 * id no heading has is an error; with the title {@code "page"} it cites the page it leads to.
 * <li><b>Nesting.</b> Quotations and lists nested deeper than eight levels are set at the
 * eighth, their text kept, with a warning.
 * <li><b>HTML.</b> Tags are dropped and their text is kept; comments and the content of
 * {@code script}, {@code style}, {@code template} and {@code noscript} are dropped.
 * </ul>
 *
 * <p>A document with no content gives a book with no chapters, titled by its front
 * matter or its file name; whether that is an error is the caller's decision.
 *
 * <p>A reader holds no state between documents and may be shared between threads.
 */
public final class MarkdownReader {

    /** A parser for {@code body}, whose line blocks look at the line after a line for a table's delimiter row. */
    private static Parser parser(String body) {
        return Parser.builder()
                .extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
                .customBlockParserFactory(new LineBlocks.Factory(body))
                // Inline spans too, so that an error about an image names its own line.
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
    }

    /**
     * Reads a Markdown document.
     *
     * @param file where the text comes from: named in error messages, and the folder that
     *     image paths are relative to
     * @param text the whole file, already decoded
     * @throws org.cjkbook.BookException for invalid front matter, a missing or remote image,
     *     a table row whose extra cells would be lost, an id given twice or a link to one
     *     that no heading has; the message names file and line
     */
    public Book read(Path file, String text) {
        Path parent = file.toAbsolutePath().getParent();
        Path folder = parent == null ? Path.of("").toAbsolutePath() : parent;
        BookFolder book = BookFolder.of(folder);
        List<String> warnings = new java.util.ArrayList<>();
        Identifiers identifiers = new Identifiers();
        Parsed parsed = read(file, text, book, warnings, identifiers);
        identifiers.check();
        Metadata.Builder metadata = parsed.book().metadata().toBuilder();
        Settings.of(file, List.of(Settings.layer(file, parsed.frontMatter(), folder, book, warnings)))
                .applyMetadata(metadata);
        return new Book(metadata.build(), parsed.book().chapters());
    }

    /** A Markdown document as read: the book its text makes, and its front matter's keys, not yet applied. */
    record Parsed(Book book, Map<String, Object> frontMatter) {
    }

    /**
     * As {@link #read(Path, String)}, with images allowed anywhere inside {@code folder}
     * and the front matter left to the caller, who weighs it against the book's other
     * settings; what the person should know about how the text was read is added to
     * {@code warnings}, and ids are added to the book's {@code identifiers}, whose links
     * the caller checks once the book's sources are all read.
     */
    Parsed read(Path file, String text, BookFolder folder, List<String> warnings, Identifiers identifiers) {
        String whole = text.startsWith("\ufeff") ? text.substring(1) : text;
        FrontMatter split = FrontMatter.split(whole);
        Map<String, Object> frontMatter = split.yaml() == null ? Map.of()
                : YamlDocuments.parseYaml(split.yaml(), file, FrontMatter.YAML_FIRST_LINE);
        Document document = (Document) parser(split.body()).parse(split.body());
        MarkdownConverter.Content content =
                new MarkdownConverter(file, folder, identifiers, split.body(), split.bodyLineOffset()).convert(document);
        warnings.addAll(content.warnings());
        Metadata.Builder metadata = Metadata.builder().language(Script.detect(split.body()))
                .title(content.headingTitle() != null ? content.headingTitle() : BookLoader.baseName(file));
        return new Parsed(new Book(metadata.build(), content.chapters()), frontMatter);
    }
}
