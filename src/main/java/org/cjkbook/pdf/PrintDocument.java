package org.cjkbook.pdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.text.LineComposer;
import org.cjkbook.text.LineMarks;
import org.cjkbook.xhtml.BookMarkup;
import org.cjkbook.xhtml.Inlines;
import org.cjkbook.xhtml.Markup;
import org.cjkbook.xhtml.Notes;

/**
 * The print document: the book as XHTML for Flying Saucer, with the running heads and
 * bookmarks a paged renderer needs, written whole or in parts (each chapter, then the
 * front matter) from the model when a part is laid out. Paragraphs of the text, of
 * quotations and of lists are set line by line by the {@link LineComposer}; their lines
 * end in line feeds and carry their adjustments as {@link LineMarks}.
 */
final class PrintDocument extends BookMarkup {

    /** How the renderer measures text of a face at a size in points: the same metrics for the same pair. */
    interface Measures {
        LineComposer.Metrics of(Face face, float points);
    }

    /** The attribute that numbers the text blocks, for finding where pages begin. */
    static final String BLOCK_ATTRIBUTE = "data-block";
    /** The class of a paragraph whose lines the composer set. */
    static final String COMPOSED_CLASS = "set";
    /** The class of the body of an article, which the print stylesheet sets without front matter. */
    static final String ARTICLE_CLASS = "article";
    private static final String DIGITS = "0123456789";
    /** Characters that the print stylesheet generates: folios and leaders. */
    private static final String GENERATED_BY_PRINT = DIGITS + ".";
    /** The inset of notes, which are set smaller and left to the renderer. */
    private static final int UNCOMPOSED = -1;
    /**
     * The most lines of a composed paragraph given to Flying Saucer as one text, some
     * eighteen A5 pages; a longer one has each run in an element of its own. The novel's
     * longest paragraph, 2,905 characters, takes about 105.
     */
    private static final int LINES_IN_ONE_TEXT = 500;
    /** What a cited page prints before a layout has found it: two digits, as most books' pages have. */
    private static final String UNKNOWN_PAGE = "00";
    /** The body em in Flying Saucer's dots: 280 for 10.5 pt. */
    private static final int BODY_EM = Math.round(PageGeometry.BODY_POINTS * RendererMetrics.DOTS_PER_POINT);

    /** Sets the lines of paragraphs; null leaves breaking to the renderer. */
    private final LineComposer composer;
    /**
     * Whether paragraphs are set in lines: not when the document is written only for what it
     * draws, which the lines do not change, and which setting them would take most of the time of.
     */
    private final boolean settingLines;
    private final Measures measures;
    private final List<String> stylesheets;
    private final boolean article;
    /**
     * How many body em the quotations and lists around the text take from the measure;
     * {@link #UNCOMPOSED} where paragraphs are left to the renderer.
     */
    private int inset;
    /** Whether the innermost block around the text is a list, whose paragraphs start flush. */
    private boolean listed;
    /**
     * The page of each place that links cite, by XHTML id, and of each chapter the contents
     * list, by its id, as a layout found it.
     */
    private final Map<String, String> pages;
    /** The page printed for each place a link cites and each chapter the contents list. */
    private final Map<String, String> printed = new HashMap<>();
    /** Whether a link in the text cites the page of the place it leads to. */
    private boolean citesPages;
    /** The ids that links lead to from another part than their own: from the front matter or another chapter. */
    private final Set<String> crossLinked = new HashSet<>();
    /** The chapter being written; null outside chapters. */
    private Chapter writing;
    /** Whether chapters have been written as parts of their own, numbered after the front matter. */
    private boolean inParts;
    /** Images' widths over their heights, by file: each file is read once. */
    private final Map<String, Double> aspects = new HashMap<>();

    private PrintDocument(Book book, FontSet fonts, List<String> stylesheets, LineComposer composer,
            Measures measures, Map<String, String> pages, boolean settingLines) {
        super(book, fonts);
        this.composer = composer;
        this.settingLines = settingLines;
        this.measures = measures;
        this.stylesheets = stylesheets;
        this.article = book.layout() == Book.Layout.ARTICLE;
        this.pages = pages;
    }

    /**
     * The print document, linking {@code stylesheets}. With a null {@code composer}, Flying
     * Saucer breaks the lines itself; {@code measures} tell the composer how it measures text.
     * Each part is written once here, its lines not set, and kept only for what it needs of
     * the fonts and where its links lead; the layout writes them again, set.
     */
    static PrintMarkup of(Book book, FontSet fonts, List<String> stylesheets, LineComposer composer,
            Measures measures) {
        Function<Map<String, String>, PrintDocument> documents =
                pages -> new PrintDocument(book, fonts, stylesheets, composer, measures, pages, true);
        PrintDocument document = new PrintDocument(book, fonts, stylesheets, composer, measures, Map.of(), false);
        for (Chapter chapter : book.chapters()) {
            document.chapterPart(chapter);
        }
        document.frontMatter();
        return new PrintMarkup(documents, document.coverage(), document.citesPages, document.crossLinked);
    }

    /** The page printed for each place a link cites and each chapter the contents list, by id. */
    Map<String, String> printed() {
        return printed;
    }

    /** The whole document as one: an article, or a book laid out in one go. */
    String whole() {
        Markup m = open(book.chapters(), true);
        titlePage(m);
        // Written in both editions' reading order, so that their text blocks are numbered alike.
        Markup contents = newMarkup().forFlyingSaucer();
        if (article) {
            blockCount(blockCount() + contentsBlocks());
        } else {
            contentsSection(contents);
        }
        Markup chapters = newMarkup().forFlyingSaucer();
        for (Chapter chapter : book.chapters()) {
            chapter(chapters, chapter);
        }
        Markup colophon = colophonSection();
        // A Chinese book prints its colophon on the title page's back; an article, at its end.
        if (article) {
            m.raw(chapters.xml()).raw(colophon.xml());
        } else {
            m.raw(colophon.xml()).raw(contents.xml()).raw(chapters.xml());
        }
        return close(m);
    }

    /**
     * A chapter alone, as a document of its own. A book's chapters are written in order,
     * then its front matter; their text blocks are numbered as in the whole document.
     */
    String chapterPart(Chapter chapter) {
        if (!inParts) {
            inParts = true;
            titlePage(newMarkup());
            blockCount(blockCount() + contentsBlocks());
        }
        Markup m = open(List.of(chapter), true);
        chapter(m, chapter);
        return close(m);
    }

    /**
     * The front matter alone, as a document of its own: title page, colophon and
     * contents, written after the chapters, whose pages the contents list.
     */
    String frontMatter() {
        Markup m = open(List.of(), false);
        int written = blockCount();
        blockCount(0);
        titlePage(m);
        Markup contents = newMarkup().forFlyingSaucer();
        if (!article) {
            contentsSection(contents);
        }
        blockCount(written);
        m.raw(colophonSection().xml()).raw(contents.xml());
        return close(m);
    }

    /**
     * A document's head and the body's opening; Flying Saucer outlines the PDF by the
     * bookmarks of the head, a part's own chapters, when there are {@code bookmarks}.
     */
    private Markup open(List<Chapter> chapters, boolean bookmarks) {
        Markup m = newMarkup().forFlyingSaucer();
        m.record(GENERATED_BY_PRINT, Face.BODY);
        m.record(GENERATED_BY_PRINT, Face.HEADING);
        head(m, metadata.title(), stylesheets);
        // Flying Saucer fills the PDF's document information from these.
        if (!metadata.creators().isEmpty()) {
            m.empty("meta", "name", "author", "content", names(metadata.creators())).newline();
        }
        if (metadata.description() != null) {
            m.empty("meta", "name", "subject", "content", metadata.description()).newline();
        }
        if (!metadata.subjects().isEmpty()) {
            m.empty("meta", "name", "keywords", "content", String.join(", ", metadata.subjects())).newline();
        }
        if (bookmarks) {
            m.open("bookmarks").newline();
            for (Chapter chapter : chapters) {
                m.empty("bookmark", "name", tocLabel(chapter), "href", "#" + chapter.id()).newline();
            }
            m.close("bookmarks").newline();
        }
        m.close("head").newline();
        m.open("body", "class", article ? ARTICLE_CLASS : null).newline();
        return m;
    }

    private static String close(Markup m) {
        m.close("body").newline().close("html").newline();
        return m.xml();
    }

    private void contentsSection(Markup m) {
        m.open("section", "class", "contents").newline();
        contents(m);
        m.close("section").newline();
    }

    private Markup colophonSection() {
        Markup colophon = newMarkup().forFlyingSaucer();
        if (hasColophon()) {
            colophon(colophon);
        }
        return colophon;
    }

    @Override
    protected void openTextBlock(Markup m, Face face, String tag, int number, String... attributes) {
        String[] numbered = Arrays.copyOf(attributes, attributes.length + 2);
        numbered[attributes.length] = BLOCK_ATTRIBUTE;
        numbered[attributes.length + 1] = Integer.toString(number);
        m.openFaced(face, tag, numbered);
    }

    /**
     * Flying Saucer paints an element's own text before the elements inside it: beside
     * elements, text goes in spans so that all of it paints, and reads back, in order.
     * Alone, it stays one run, which the line breaker measures whole.
     */
    @Override
    protected void prose(Markup m, String text, boolean besideElements) {
        if (besideElements) {
            m.open("span").text(text).close("span");
        } else {
            m.text(text);
        }
    }

    @Override
    protected String chapterHref(Chapter chapter) {
        crossLinked.add(chapter.id());
        return "#" + chapter.id();
    }

    @Override
    protected String placeHref(Chapter chapter, String id) {
        if (chapter != writing) {
            crossLinked.add(id);
        }
        return "#" + id;
    }

    /** The page the chapter begins on, as its folio prints it, after a leader the print stylesheet draws. */
    @Override
    protected void contentsPage(Markup m, Chapter chapter) {
        String page = pages.getOrDefault(chapter.id(), UNKNOWN_PAGE);
        printed.put(chapter.id(), page);
        m.element("span", page, "class", "page");
    }

    /**
     * The page, as its folio prints it, in the words of the book's script: （第12页）. The
     * face is ready to draw every digit, as the page may change once it is known.
     */
    @Override
    protected String pageCitation(String id, Face face) {
        newMarkup().record(DIGITS, face);
        String page = pages.getOrDefault(id, UNKNOWN_PAGE);
        printed.put(id, page);
        citesPages = true;
        return labels.pageCitation().formatted(page);
    }

    @Override
    protected String imageHref(String file) {
        return java.nio.file.Path.of(file).toUri().toString();
    }

    /** An image in a paragraph the renderer sets: notes, and paragraphs nested too deep. */
    @Override
    protected String inlineImageStyle(Inline.Image image) {
        return imageStyle(image, imageWidth(image, composer == null ? Integer.MAX_VALUE : composer.measure()));
    }

    /**
     * The width of an image in a line, in Flying Saucer's dots: as high as the body text,
     * an em, unless that would make it wider than {@code measure}.
     */
    private int imageWidth(Inline.Image image, int measure) {
        return (int) Math.min(measure, Math.round(BODY_EM * aspect(image)));
    }

    /**
     * The size of an image in a line {@code width} dots wide, in em of the text around it,
     * so that the smaller notes set it smaller; a quarter of a dot over, so that Flying
     * Saucer, which cuts lengths down to whole dots, gives it the width composed.
     */
    private String imageStyle(Inline.Image image, int width) {
        double height = Math.min(BODY_EM, width / aspect(image));
        return String.format(Locale.ROOT, "width:%.5fem;height:%.5fem", (width + 0.25) / BODY_EM,
                (height + 0.25) / BODY_EM);
    }

    private double aspect(Inline.Image image) {
        return aspects.computeIfAbsent(image.file(), file -> PrintUserAgent.aspect(java.nio.file.Path.of(file)));
    }

    @Override
    protected void paragraph(Markup m, List<Inline> content, Notes notes) {
        if (composer == null || inset == UNCOMPOSED || !settingLines) {
            super.paragraph(m, content, notes);
        } else {
            // A quotation's paragraphs are indented like the text's, so that one can be told from the next.
            int indent = listed ? 0 : PageGeometry.INDENT_EMS * composer.em();
            composed(m, inset == 0 ? composer : composer.inset(inset), content, notes, indent, COMPOSED_CLASS);
        }
    }

    /**
     * A line of verse keeps its characters' natural spacing; one too long for the measure
     * breaks, its later lines hung further in (the poem's inset counts the hang).
     */
    @Override
    protected void verseLine(Markup m, List<Inline> line, String lineClass, Notes notes) {
        if (composer == null || inset == UNCOMPOSED || !settingLines) {
            super.verseLine(m, line, lineClass, notes);
        } else {
            composed(m, composer.inset(inset).ragged(), line, notes, -PageGeometry.VERSE_HANG_EMS * composer.em(),
                    lineClass + " " + COMPOSED_CLASS);
        }
    }

    /** Where too little measure is left for setting lines well, paragraphs are left to the renderer. */
    @Override
    protected void indented(Block container, Runnable blocks) {
        // What the page stylesheet takes from the measure: a quotation on both sides, a list on
        // the left, a poem on the left and by the hang of its lines after their first.
        int ems = container instanceof Block.ListBlock ? PageGeometry.LIST_EMS
                : container instanceof Block.Verse ? PageGeometry.VERSE_EMS + PageGeometry.VERSE_HANG_EMS
                : 2 * PageGeometry.QUOTE_EMS;
        int outer = inset;
        boolean outerListed = listed;
        boolean room = composer != null && composer.measure() - (outer + ems) * composer.em() >= 8 * composer.em();
        inset = outer == UNCOMPOSED || !room ? UNCOMPOSED : outer + ems;
        listed = container instanceof Block.ListBlock;
        blocks.run();
        inset = outer;
        listed = outerListed;
    }

    @Override
    protected void inNotes(Runnable notes) {
        int outer = inset;
        inset = UNCOMPOSED;
        notes.run();
        inset = outer;
    }

    /**
     * Flying Saucer paints list numbers before the page's text, so print writes them as
     * text, hung in the margin by the stylesheet.
     */
    @Override
    protected void listItemStart(Markup m, Block.ListBlock list, int index) {
        if (list.ordered()) {
            m.element("span", (list.start() + index) + ".", "class", "item-number");
        }
    }

    @Override
    protected void chapterStart(Markup m, Chapter chapter) {
        writing = chapter;
        runningHeads(m, tocLabel(chapter), metadata.title(), true);
    }

    @Override
    protected void chapterEnd(Markup m, Chapter chapter) {
        writing = null;
        if (!article) {
            runningHeads(m, "", "", false);
        }
    }

    /**
     * Running heads and folio for the pages of a chapter, and empty ones at its end: the
     * print stylesheet shows on each page the values set before it began, so a chapter's
     * opening page and the blank page that may follow its end carry neither.
     */
    private static void runningHeads(Markup m, String recto, String verso, boolean folio) {
        m.facedElement(Face.HEADING, "div", recto, "class", "running-recto");
        m.facedElement(Face.HEADING, "div", verso, "class", "running-verso");
        for (String side : List.of("recto", "verso")) {
            m.element("div", "", "class", "running-folio " + side + (folio ? "" : " none"));
        }
        m.newline();
    }

    /**
     * A title in parts (第一回　甄士隐梦幻识通灵　贾雨村风尘怀闺秀) breaks only between its
     * parts, later lines hung under the text after the label, as novels set a 回目.
     */
    @Override
    protected void chapterTitle(Markup m, Chapter chapter, String headingId) {
        String[] parts = composer == null || article ? null : titleParts(chapter.title());
        if (parts == null) {
            super.chapterTitle(m, chapter, headingId);
            return;
        }
        LineComposer.Metrics metrics = measures.of(Face.HEADING, PageGeometry.TITLE_POINTS);
        int hang = parts[0].codePointCount(0, parts[0].length()) + 1;
        openBlock(m, Face.HEADING, "h2", "id", headingId,
                "style", "padding-left:" + hang + "em;text-indent:-" + hang + "em");
        int used = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = i + 1 < parts.length ? parts[i] + "\u3000" : parts[i];
            // A space ending a line may reach into the margin.
            if (i > 0 && used + metrics.width(parts[i]) > composer.measure()) {
                m.empty("br");
                used = hang * metrics.width("\u3000");
            }
            m.text(part);
            used += metrics.width(part);
        }
        closeBlock(m, "h2");
    }

    /** A plain title's parts between ideographic spaces, the first a short label; null for another title. */
    private static String[] titleParts(List<Inline> title) {
        if (title.size() != 1 || !(title.get(0) instanceof Inline.Text t) || !t.text().contains("\u3000")) {
            return null;
        }
        String[] parts = t.text().split("\u3000", -1);
        return parts[0].isEmpty() || parts[0].length() > 8 ? null : parts;
    }

    /**
     * A paragraph in the lines the composer set, its first indented by {@code indent} and
     * its element of {@code classes}, each line ending in a line feed the print
     * stylesheet keeps; the spaces it adjusts are marks in the text ({@link LineMarks}).
     * Flying Saucer paints an element's own text before the elements inside it, so when a
     * paragraph has elements, its plain text is in spans too: all of it is painted, and
     * read back, in order.
     */
    private void composed(Markup m, LineComposer composer, List<Inline> content, Notes notes, int indent,
                          String classes) {
        ComposerSegments segments = new ComposerSegments(m, measures, image -> imageWidth(image, composer.measure()));
        Inlines.write(content, Face.BODY, notes, places(), segments);
        List<LineComposer.Line> lines = composer.compose(segments.segments(), indent);
        // Flying Saucer copies what is left of a text for each line it sets: a paragraph of
        // many pages as one text took time growing with the square of its length.
        boolean wrapped = segments.wrapped() || lines.size() > LINES_IN_ONE_TEXT;
        openBlock(m, null, "p", "class", classes);
        for (int n = 0; n < lines.size(); n++) {
            if (n > 0) {
                m.raw("\n");
            }
            for (LineComposer.Piece piece : lines.get(n).pieces()) {
                if (piece instanceof LineComposer.Run run) {
                    run(m, "", run.text(), (ComposerSegments.Look) run.tag(), wrapped, composer.measure());
                } else if (piece instanceof LineComposer.Dash dash) {
                    run(m, LineMarks.join(), dash.text(), (ComposerSegments.Look) dash.tag(), wrapped,
                            composer.measure());
                } else if (piece instanceof LineComposer.Space space) {
                    m.raw(LineMarks.space(space.width()));
                }
            }
        }
        closeBlock(m, "p");
    }

    /** A run of a composed line; an image's run is the image, as wide as it was composed within {@code measure}. */
    private void run(Markup m, String marks, String text, ComposerSegments.Look look, boolean wrapped, int measure) {
        List<ComposerSegments.Wrapper> wrappers = look.wrappers().isEmpty() && wrapped
                ? List.of(new ComposerSegments.Wrapper(m.face(), "span")) : look.wrappers();
        for (ComposerSegments.Wrapper w : wrappers) {
            m.openFaced(w.face(), w.tag(), w.attributes());
        }
        if (look.image() != null) {
            Inline.Image image = look.image();
            img(m, image.file(), image.alt(), image.decorative(), imageStyle(image, imageWidth(image, measure)));
        } else {
            m.raw(marks).text(text);
        }
        for (int i = wrappers.size() - 1; i >= 0; i--) {
            m.closeFaced(wrappers.get(i).tag());
        }
    }
}
