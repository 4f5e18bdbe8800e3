package org.cjkbook.xhtml;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.model.Role;
import org.cjkbook.model.Walk;

/**
 * The markup both editions share: a book's title page, contents, chapters with their
 * blocks and notes, and colophon, as semantic XHTML. Each edition extends it with its
 * own documents and the few choices that differ between screen and print, made in the
 * methods it overrides.
 *
 * <p>Text blocks (paragraphs, headings, list items, cells, entries) are numbered in the
 * same reading order in both editions, so that a page of the print edition can be found
 * again in the EPUB.
 */
public abstract class BookMarkup {

    public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    public static final String OPS_NS = "http://www.idpf.org/2007/ops";
    /** The classes, in both stylesheets, of a poem, of each of its lines, and of a stanza's first line after a break. */
    public static final String VERSE_CLASS = "verse", LINE_CLASS = "line", STANZA_CLASS = "stanza-start";

    protected final Book book;
    protected final Metadata metadata;
    protected final Labels labels;
    private final FontSet fonts;
    private final Map<Face, BitSet> characters = Markup.newCharacterMap();
    private final Map<Integer, Face> fallbacks = new TreeMap<>();
    /** An identifier written as an ISBN: {@code urn:isbn:}, {@code isbn:} or the bare number. */
    private static final java.util.regex.Pattern ISBN =
            java.util.regex.Pattern.compile("(?i)(?:urn:isbn:|isbn:?\\s*)?(\\d[-\\d ]+[\\dX])");
    private int blocks;
    /** How many emphasis elements the text written now stands in. */
    private int emphasisDepth;
    /** The chapter that holds each id links into the book lead to: a chapter title's or a heading's. */
    private final Map<String, Chapter> chapterOfId = new HashMap<>();
    /** Where the links into the book lead in this edition. */
    private final Inlines.Places places = new Inlines.Places() {
        @Override
        public String href(String id) {
            Chapter chapter = chapterOfId.get(id);
            return chapter == null ? null : placeHref(chapter, XmlIds.of(id));
        }

        @Override
        public String pageCitation(String id, Face face) {
            return chapterOfId.containsKey(id) ? BookMarkup.this.pageCitation(XmlIds.of(id), face) : null;
        }
    };
    /**
     * The ids written so far: a note referred to twice repeats its headings, but an id
     * names one element.
     */
    private final Set<String> idsWritten = new HashSet<>();

    /** A character its face lacks is set in a face of {@code fonts} that has it; null fonts set all in their own. */
    protected BookMarkup(Book book, FontSet fonts) {
        this.book = book;
        this.metadata = book.metadata();
        this.labels = Labels.of(metadata.language());
        this.fonts = fonts;
        for (Chapter chapter : book.chapters()) {
            if (chapter.hasTitle() && chapter.titleId() != null) {
                chapterOfId.put(chapter.titleId(), chapter);
            }
            new Walk() {
                @Override
                public void heading(Block.Heading heading) {
                    if (heading.id() != null) {
                        chapterOfId.putIfAbsent(heading.id(), chapter);
                    }
                    super.heading(heading);
                }

                @Override
                public void image(Block.Image image) {
                    if (image.id() != null) {
                        chapterOfId.putIfAbsent(image.id(), chapter);
                    }
                }
            }.blocks(chapter.blocks());
        }
    }

    /** What the markup written so far needs of the fonts. */
    public final Coverage coverage() {
        Map<Face, SortedSet<Integer>> drawn = new EnumMap<>(Face.class);
        characters.forEach((face, marks) -> drawn.put(face,
                marks.stream().boxed().collect(Collectors.toCollection(TreeSet::new))));
        return new Coverage(drawn, new TreeMap<>(fallbacks));
    }

    /** New markup that counts its characters for this book's subsets. */
    protected final Markup newMarkup() {
        return new Markup(characters, fonts, fallbacks);
    }

    // --- what each edition decides ------------------------------------------------------

    /**
     * Opens the element of text block {@code number}, whose text is set in {@code face};
     * the edition adds what it needs to find the block again.
     */
    protected abstract void openTextBlock(Markup m, Face face, String tag, int number, String... attributes);

    /** Writes running text; {@code besideElements} when elements sit beside it in its parent. */
    protected abstract void prose(Markup m, String text, boolean besideElements);

    /** True while the text being written is emphasized, for an edition that marks parts of it. */
    protected final boolean inEmphasis() {
        return emphasisDepth > 0;
    }

    /** Where a chapter's table-of-contents entry leads. */
    protected abstract String chapterHref(Chapter chapter);

    /** Where a link leads to the element of {@code id}, an XHTML id, in {@code chapter}. */
    protected abstract String placeHref(Chapter chapter, String id);

    /**
     * What a link to the element of {@code id}, an XHTML id, adds after its text to cite
     * the page it is on, set in {@code face}; null for nothing, as where there are no pages.
     */
    protected String pageCitation(String id, Face face) {
        return null;
    }

    /** What a contents entry prints after the chapter's title: nothing, where there are no pages. */
    protected void contentsPage(Markup m, Chapter chapter) {
    }

    /** A paragraph of text; an edition that sets its lines itself overrides this. */
    protected void paragraph(Markup m, List<Inline> content, Notes notes) {
        openBlock(m, null, "p");
        inlines(m, content, notes);
        closeBlock(m, "p");
    }

    /** A line of verse, in an element of class {@code lineClass}; an edition that sets its lines itself overrides this. */
    protected void verseLine(Markup m, List<Inline> line, String lineClass, Notes notes) {
        openBlock(m, null, "p", "class", lineClass);
        inlines(m, line, notes);
        closeBlock(m, "p");
    }

    /** Writes the blocks of {@code container}, a quotation, a list or a poem, which the stylesheets set further in. */
    protected void indented(Block container, Runnable blocks) {
        blocks.run();
    }

    /** Writes the bodies of a chapter's notes. */
    protected void inNotes(Runnable notes) {
        notes.run();
    }

    /** What goes before the first block of a list item. */
    protected void listItemStart(Markup m, Block.ListBlock list, int index) {
    }

    /** What goes first in a chapter's section, before its title. */
    protected void chapterStart(Markup m, Chapter chapter) {
    }

    /** What goes last in a chapter's section. */
    protected void chapterEnd(Markup m, Chapter chapter) {
    }

    /** A chapter's title, as the heading its section is labelled by. */
    protected void chapterTitle(Markup m, Chapter chapter, String headingId) {
        openBlock(m, Face.HEADING, "h2", "id", headingId);
        inlines(m, chapter.title(), null);
        closeBlock(m, "h2");
    }

    /** The text of a title or heading; an edition that keeps a title's parts whole overrides this. */
    protected void titleText(Markup m, String title) {
        m.text(title);
    }

    // --- the parts of a book ------------------------------------------------------------

    /** The head of a document, left open for the edition to add to. */
    protected final void head(Markup m, String title, List<String> stylesheets) {
        String lang = metadata.language();
        m.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
        m.open("html", "xmlns", XHTML_NS, "xmlns:epub", OPS_NS, "lang", lang, "xml:lang", lang).newline();
        m.open("head").newline();
        m.empty("meta", "charset", "utf-8").newline();
        m.open("title").hiddenText(title).close("title").newline();
        for (String stylesheet : stylesheets) {
            m.empty("link", "rel", "stylesheet", "type", "text/css", "href", stylesheet).newline();
        }
    }

    protected final void titlePage(Markup m) {
        m.open("section", "epub:type", "titlepage", "class", "titlepage", "aria-label", labels.titlePage()).newline();
        if (metadata.kicker() != null) {
            titleBlock(m, null, "p", metadata.kicker(), "class", "kicker");
        }
        titleBlock(m, Face.BOLD, "h1", metadata.title(), "class", "title", "epub:type", "fulltitle");
        if (metadata.subtitle() != null) {
            titleBlock(m, null, "p", "——" + metadata.subtitle(), "class", "subtitle", "epub:type", "subtitle",
                    "role", "doc-subtitle");
        }
        if (metadata.column() != null) {
            textBlock(m, Face.HEADING, "p", metadata.column(), "class", "column");
        }
        if (!metadata.creators().isEmpty()) {
            textBlock(m, null, "p", names(metadata.creators()), "class", "creators");
        }
        m.close("section").newline();
    }

    /** The table of contents: a heading and one entry per chapter, as many text blocks as {@link #contentsBlocks}. */
    protected final void contents(Markup m) {
        m.open("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "aria-labelledby", "toc-title").newline();
        textBlock(m, Face.HEADING, "h2", labels.contents(), "id", "toc-title");
        m.open("ol").newline();
        for (Chapter chapter : book.chapters()) {
            openBlock(m, null, "li");
            m.open("a", "href", chapterHref(chapter)).text(tocLabel(chapter));
            contentsPage(m, chapter);
            m.close("a");
            closeBlock(m, "li");
        }
        m.close("ol").newline().close("nav").newline();
    }

    /** The text blocks of the table of contents. */
    protected final int contentsBlocks() {
        return 1 + book.chapters().size();
    }

    /** What the table of contents calls a chapter; an untitled opening goes by the book's title. */
    protected final String tocLabel(Chapter chapter) {
        return chapter.hasTitle() ? chapter.titleText() : metadata.title();
    }

    protected final void chapter(Markup m, Chapter chapter) {
        String headingId = chapter.titleId() == null ? null : idOnce(chapter.titleId());
        if (headingId == null) {
            headingId = chapter.id() + "-title";
        }
        String titleClass = chapter.hasTitle() ? "chapter" : "chapter untitled";
        m.open("section", "epub:type", "chapter", "role", "doc-chapter", "id", chapter.id(), "class", titleClass,
                "aria-labelledby", chapter.hasTitle() ? headingId : null,
                "aria-label", chapter.hasTitle() ? null : metadata.title()).newline();
        chapterStart(m, chapter);
        if (chapter.hasTitle()) {
            chapterTitle(m, chapter, headingId);
        }
        Notes notes = new Notes(chapter.id());
        blocks(m, chapter.blocks(), notes);
        writeNotes(m, notes);
        chapterEnd(m, chapter);
        m.close("section").newline();
    }

    protected final boolean hasColophon() {
        return !metadata.creators().isEmpty() || !metadata.contributors().isEmpty()
                || metadata.source() != null || metadata.publisher() != null || metadata.rights() != null
                || metadata.identifier() != null;
    }

    protected final void colophon(Markup m) {
        m.open("section", "epub:type", "colophon", "role", "doc-colophon", "class", "colophon", "id", "colophon",
                "aria-label", labels.colophon()).newline();
        m.open("dl").newline();
        entry(m, labels.bookTitle(), (metadata.kicker() == null ? "" : metadata.kicker() + "——") + metadata.title());
        if (!metadata.creators().isEmpty()) {
            entry(m, labels.role(Role.AUTHOR), names(metadata.creators()));
        }
        Map<Role, List<Contributor>> byRole = new LinkedHashMap<>();
        for (Contributor contributor : metadata.contributors()) {
            byRole.computeIfAbsent(contributor.role(), r -> new ArrayList<>()).add(contributor);
        }
        byRole.forEach((role, people) -> entry(m, labels.role(role), names(people)));
        if (metadata.source() != null) {
            entry(m, labels.source(), metadata.source());
        }
        if (metadata.publisher() != null) {
            entry(m, labels.publisher(), metadata.publisher());
        }
        if (metadata.date() != null) {
            entry(m, labels.date(), writtenDate(metadata.date()));
        }
        String isbn = isbn(book.identifier());
        if (isbn != null) {
            entry(m, labels.isbn(), "ISBN " + isbn);
        } else {
            entry(m, labels.identifier(), book.identifier());
        }
        if (fonts != null) {
            entry(m, labels.fonts(), fontsUsed());
        }
        m.close("dl").newline();
        if (metadata.rights() != null) {
            textBlock(m, null, "p", metadata.rights(), "class", "rights");
        }
        m.close("section").newline();
    }

    /**
     * The families of the faces the book's text has used so far, and of the colophon's own
     * two, in the order of the faces: the fonts' licences ask that they be credited.
     */
    private String fontsUsed() {
        java.util.Set<String> families = new java.util.LinkedHashSet<>();
        for (Face face : Face.values()) {
            if (face == Face.BODY || face == Face.HEADING || !characters.get(face).isEmpty()
                    || fallbacks.containsValue(face)) {
                families.add(fonts.familyName(face));
            }
        }
        return String.join("、", families);
    }

    private void entry(Markup m, String term, String value) {
        m.open("div");
        openBlock(m, Face.HEADING, "dt");
        // The colon is text, not generated: copied, read aloud and printed alike.
        m.text(term + "：");
        m.closeFaced("dt");
        m.endBlock();
        textBlock(m, null, "dd", value);
        m.close("div").newline();
    }

    /** The ISBN an identifier states, as written, or null when it is another kind of identifier. */
    static String isbn(String identifier) {
        java.util.regex.Matcher isbn = ISBN.matcher(identifier.strip());
        if (!isbn.matches()) {
            return null;
        }
        int digits = isbn.group(1).replaceAll("[- ]", "").length();
        return digits == 10 || digits == 13 ? isbn.group(1) : null;
    }

    /** A date as Chinese books print it: {@code 2026-11-27} as 2026年11月27日; another form as it is. */
    static String writtenDate(String date) {
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?")
                .matcher(date);
        if (!parts.matches()) {
            return date;
        }
        StringBuilder written = new StringBuilder(parts.group(1)).append('年');
        for (int i = 2; i <= 3 && parts.group(i) != null; i++) {
            written.append(Integer.parseInt(parts.group(i))).append(i == 2 ? '月' : '日');
        }
        return written.toString();
    }

    /** Names as a credit line sets them: separated by an ideographic space. */
    protected static String names(List<Contributor> people) {
        return String.join("\u3000", people.stream().map(Contributor::name).toList());
    }

    // --- blocks, inlines and notes ------------------------------------------------------

    protected final void blocks(Markup m, List<Block> blocks, Notes notes) {
        BlockWriter writer = new BlockWriter(m, notes);
        for (Block block : blocks) {
            block.accept(writer);
        }
    }

    protected final void inlines(Markup m, List<Inline> inlines, Notes notes) {
        Inlines.write(inlines, m.face(), notes, places, new MarkupSink(m));
    }

    /** Where the links into the book lead in this edition. */
    protected final Inlines.Places places() {
        return places;
    }

    /** The XHTML id of a source's {@code id}, or null when an element already has it. */
    private String idOnce(String id) {
        String written = XmlIds.of(id);
        return idsWritten.add(written) ? written : null;
    }

    /** Writes each block as its element; the edition decides paragraphs, indents and list labels. */
    private final class BlockWriter implements Block.Visitor {
        private final Markup m;
        private final Notes notes;

        BlockWriter(Markup m, Notes notes) {
            this.m = m;
            this.notes = notes;
        }

        @Override
        public void paragraph(Block.Paragraph paragraph) {
            BookMarkup.this.paragraph(m, paragraph.content(), notes);
        }

        @Override
        public void heading(Block.Heading heading) {
            String tag = "h" + Math.min(6, heading.level() + 1);
            openBlock(m, Face.HEADING, tag, "id", heading.id() == null ? null : idOnce(heading.id()));
            inlines(m, heading.content(), notes);
            closeBlock(m, tag);
        }

        @Override
        public void quote(Block.Quote quote) {
            m.open("blockquote").newline();
            indented(quote, () -> blocks(m, quote.blocks(), notes));
            m.close("blockquote").newline();
        }

        @Override
        public void list(Block.ListBlock list) {
            String tag = list.ordered() ? "ol" : "ul";
            m.open(tag, "start", list.ordered() && list.start() != 1 ? Integer.toString(list.start()) : null)
                    .newline();
            indented(list, () -> {
                for (int i = 0; i < list.items().size(); i++) {
                    m.open("li");
                    listItemStart(m, list, i);
                    blocks(m, list.items().get(i), notes);
                    m.close("li").newline();
                }
            });
            m.close(tag).newline();
        }

        @Override
        public void codeBlock(Block.CodeBlock code) {
            openBlock(m, Face.MONO, "pre");
            m.open("code", "class", code.language() == null ? null : "language-" + code.language())
                    .text(code.text()).close("code");
            closeBlock(m, "pre");
        }

        @Override
        public void image(Block.Image image) {
            m.open("figure", "id", image.id() == null ? null : idOnce(image.id()));
            img(m, image.file(), image.alt(), image.decorative(), null);
            if (image.caption() != null) {
                // A caption that repeats the text alternative is read once, as Pandoc's figures are.
                textBlock(m, null, "figcaption", image.caption(),
                        "aria-hidden", image.caption().equals(image.alt()) ? "true" : null);
            }
            m.close("figure").newline();
        }

        @Override
        public void table(Block.Table table) {
            m.open("table").newline();
            if (!table.header().isEmpty()) {
                m.open("thead").open("tr");
                cells("th", table.header(), table.alignments());
                m.close("tr").close("thead").newline();
            }
            m.open("tbody").newline();
            for (List<List<Inline>> row : table.rows()) {
                m.open("tr");
                cells("td", row, table.alignments());
                m.close("tr").newline();
            }
            m.close("tbody").newline().close("table").newline();
        }

        private void cells(String tag, List<List<Inline>> cells, List<Block.Alignment> alignments) {
            for (int i = 0; i < cells.size(); i++) {
                Block.Alignment alignment = i < alignments.size() ? alignments.get(i) : Block.Alignment.NONE;
                String align = alignment == Block.Alignment.NONE ? null
                        : "align-" + alignment.name().toLowerCase(Locale.ROOT);
                openBlock(m, tag.equals("th") ? Face.HEADING : null, tag, "class", align);
                inlines(m, cells.get(i), notes);
                m.closeFaced(tag);
                m.endBlock();
            }
        }

        @Override
        public void thematicBreak(Block.Break rule) {
            m.empty("hr").newline();
        }

        /**
         * A poem, a text block per line, so that every reading system and the print keep its
         * lines; the space between stanzas is the stylesheets', not an empty element.
         */
        @Override
        public void verse(Block.Verse verse) {
            m.open("div", "class", VERSE_CLASS).newline();
            indented(verse, () -> {
                boolean written = false;
                boolean stanzaBreak = false;
                for (List<Inline> line : verse.lines()) {
                    if (line.isEmpty()) {
                        stanzaBreak = written;
                        continue;
                    }
                    verseLine(m, line, stanzaBreak ? LINE_CLASS + " " + STANZA_CLASS : LINE_CLASS, notes);
                    written = true;
                    stanzaBreak = false;
                }
            });
            m.close("div").newline();
        }
    }

    /** Where an image's file, as the model holds it, is found from the document. */
    protected abstract String imageHref(String file);

    /**
     * The size an edition gives an image inside a line, as a {@code style} attribute; null
     * leaves it to the stylesheet.
     */
    protected String inlineImageStyle(Inline.Image image) {
        return null;
    }

    /** An image element: decoration is marked so that assistive technology passes over it. */
    protected final void img(Markup m, String file, String alt, boolean decorative, String style) {
        m.empty("img", "src", imageHref(file), "alt", alt, "role", decorative ? "presentation" : null,
                "style", style);
    }

    private void writeNotes(Markup m, Notes notes) {
        if (notes.size() == 0) {
            return;
        }
        m.open("section", "class", "notes", "aria-label", labels.notes()).newline();
        inNotes(() -> {
            // Notes may hold notes of their own; those are numbered on after the chapter's.
            for (int i = 0; i < notes.size(); i++) {
                String number = Integer.toString(i + 1);
                String chapterId = notes.chapterId();
                m.open("aside", "epub:type", "footnote", "role", "doc-footnote",
                        "id", chapterId + "-note-" + number, "class", "footnote").newline();
                openBlock(m, null, "p", "class", "note-number");
                m.element("a", number, "role", "doc-backlink", "href", "#" + chapterId + "-ref-" + number);
                closeBlock(m, "p");
                blocks(m, notes.get(i).content(), notes);
                m.close("aside").newline();
            }
        });
        m.close("section").newline();
    }

    /** Inlines as markup; running text is written as the edition chooses. */
    private final class MarkupSink implements Inlines.Sink {
        private final Markup m;

        MarkupSink(Markup m) {
            this.m = m;
        }

        @Override
        public void open(Face face, String tag, String... attributes) {
            emphasisDepth += tag.equals("em") ? 1 : 0;
            m.openFaced(face, tag, attributes);
        }

        @Override
        public void close(String tag) {
            emphasisDepth -= tag.equals("em") ? 1 : 0;
            m.closeFaced(tag);
        }

        @Override
        public void text(String text, Face face, Inlines.Role role, boolean besideElements) {
            if (role == Inlines.Role.PROSE) {
                prose(m, text, besideElements);
            } else {
                m.text(text);
            }
        }

        @Override
        public void lineBreak(Face face) {
            m.empty("br");
        }

        @Override
        public void image(Inline.Image image, Face face) {
            img(m, image.file(), image.alt(), image.decorative(), inlineImageStyle(image));
        }
    }

    // --- text blocks --------------------------------------------------------------------

    /**
     * Opens an element whose content is text, numbered in reading order. The face is the
     * one its text is set in, or null to keep the surrounding one.
     */
    protected final void openBlock(Markup m, Face face, String tag, String... attributes) {
        openTextBlock(m, face == null ? m.face() : face, tag, ++blocks, attributes);
    }

    protected final void closeBlock(Markup m, String tag) {
        m.endBlock();
        m.closeFaced(tag).newline();
    }

    protected final void textBlock(Markup m, Face face, String tag, String text, String... attributes) {
        openBlock(m, face, tag, attributes);
        m.text(text);
        closeBlock(m, tag);
    }

    private void titleBlock(Markup m, Face face, String tag, String text, String... attributes) {
        openBlock(m, face, tag, attributes);
        titleText(m, text);
        closeBlock(m, tag);
    }

    /** The number of the last text block opened. */
    protected final int blockCount() {
        return blocks;
    }

    /** Numbers the next text block after {@code count}: for blocks written out of reading order. */
    protected final void blockCount(int count) {
        blocks = count;
    }
}
