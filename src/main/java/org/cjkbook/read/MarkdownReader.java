package org.cjkbook.read;

import java.nio.file.Path;
import java.util.List;

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
 * line {@code ---} or {@code ...}, holds metadata keys (see {@link Settings}). The line
 * after the opening {@code ---} must not be blank; otherwise the {@code ---} is a
 * thematic break, as in pandoc.
 * <li><b>Chapters.</b> Level-1 headings start chapters; without any, the shallowest heading
 * level at the top of the document does. Text before the first of them becomes an
 * opening chapter without a title. Deeper headings become headings of level 2 and below.
 * Chapters are numbered {@code chapter-1}, {@code chapter-2}, … in order.
 * <li><b>Title.</b> The front matter's {@code title}; else the sole chapter heading, when it
 * opens the document; else the file name without its extension.
 * <li><b>Line breaks.</b> A line break inside a paragraph between two East Asian wide
 * characters disappears; any other becomes one space.
 * <li><b>Footnotes.</b> Each reference carries its note's content; a note referred to twice
 * appears twice. A reference without a definition stays as written; a definition
 * without a reference is left out.
 * <li><b>Images.</b> An image in a paragraph's text stays in its line. A Markdown image
 * alone in its paragraph is a figure captioned by its text alternative (Pandoc's
 * {@code implicit_figures}); images in a paragraph without text, in an HTML block, a
 * heading or a table cell are image blocks after it. They must be local files, relative
 * to the Markdown file's folder.
 * <li><b>Links.</b> Web, mail and in-book ({@code #…}) links stay links; any other scheme,
 * such as {@code javascript:} or {@code data:}, leaves the link's text only.
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

    private final Parser parser;

    public MarkdownReader() {
        parser = Parser.builder()
                .extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
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
     *     or a table row whose extra cells would be lost; the message names file and line
     */
    public Book read(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        return read(file, text, BookFolder.of(folder == null ? Path.of("").toAbsolutePath() : folder),
                new java.util.ArrayList<>());
    }

    /**
     * As {@link #read(Path, String)}, with images allowed anywhere inside {@code folder};
     * what the person should know about how the text was read is added to {@code warnings}.
     */
    public Book read(Path file, String text, BookFolder folder, List<String> warnings) {
        String whole = text.startsWith("\ufeff") ? text.substring(1) : text;
        FrontMatter split = FrontMatter.split(whole);
        Metadata.Builder metadata = Metadata.builder().language(Script.detect(split.body()));
        if (split.yaml() != null) {
            Settings.applyMetadata(YamlDocuments.parseYaml(split.yaml(), file, FrontMatter.YAML_FIRST_LINE),
                    metadata, file);
        }
        Document document = (Document) parser.parse(split.body());
        MarkdownConverter.Content content =
                new MarkdownConverter(file, folder, split.body(), split.bodyLineOffset()).convert(document);
        warnings.addAll(content.warnings());
        if (metadata.title() == null || metadata.title().isBlank()) {
            metadata.title(content.headingTitle() != null ? content.headingTitle() : BookLoader.baseName(file));
        }
        return new Book(metadata.build(), content.chapters());
    }
}
