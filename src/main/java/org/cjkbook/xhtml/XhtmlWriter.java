package org.cjkbook.xhtml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.model.Role;
import org.cjkbook.text.LineComposer;
import org.cjkbook.text.LineMarks;

/**
 * The one place where markup is made: a book as semantic XHTML, either as the documents
 * of an EPUB (one per chapter, with title page, navigation and colophon) or as a single
 * document for print, with the running heads and bookmarks a paged renderer needs.
 */
public final class XhtmlWriter {

    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String OPS_NS = "http://www.idpf.org/2007/ops";
    /** Characters that the print stylesheet generates: folios and leaders. */
    private static final String GENERATED_BY_PRINT = "0123456789.";

    /** One XHTML document of an EPUB. */
    public record Document(String name, String title, String xml) {
    }

    /**
     * The EPUB's documents in reading order, the characters each face must draw, and the
     * characters set in a face other than their own because theirs lacks them.
     */
    public record Epub(Document cover, Document titlePage, Document navigation, List<Document> chapters,
                       Document colophon, Map<Face, SortedSet<Integer>> characters, Map<Integer, Face> fallbacks) {
        public List<Document> readingOrder() {
            List<Document> all = new ArrayList<>();
            all.add(cover);
            all.add(titlePage);
            all.add(navigation);
            all.addAll(chapters);
            if (colophon != null) {
                all.add(colophon);
            }
            return all;
        }
    }

    /** The print document, the characters each face must draw, and those set in another face. */
    public record Print(String xml, Map<Face, SortedSet<Integer>> characters, Map<Integer, Face> fallbacks) {
    }

    private final Book book;
    private final Metadata metadata;
    private final Labels labels;
    private final boolean print;
    private final Function<String, String> imageHref;
    /** Sets the lines of body paragraphs for print; null leaves breaking to the renderer. */
    private final LineComposer composer;
    /** How the renderer measures text, for the composer. */
    private final Measures measures;
    private final Map<Face, SortedSet<Integer>> characters = Markup.newCharacterMap();
    /** The fonts, for characters one face lacks and another has; null to set all in their own face. */
    private final FontSet fonts;
    private final Map<Integer, Face> fallbacks = new TreeMap<>();
    /** Page starts of the print edition by text block, for the EPUB's page breaks. */
    private final Map<Integer, List<PageStart>> pageStarts;
    /** Page labels, in page order, with the file that marks each: the EPUB's page list. */
    private final Map<String, String> pageFiles =
            new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
    private int blocks;
    private String currentFile;
    /**
     * How many body em the quotations and lists around the text take from the measure;
     * {@link #UNCOMPOSED} in notes, which are set smaller and left to the renderer.
     */
    private int inset;
    private static final int UNCOMPOSED = -1;

    private XhtmlWriter(Book book, boolean print, Function<String, String> imageHref, List<PageStart> starts,
                        LineComposer composer, Measures measures, FontSet fonts) {
        this.book = book;
        this.fonts = fonts;
        this.composer = composer;
        this.measures = measures;
        this.metadata = book.metadata();
        this.labels = Labels.of(metadata.language());
        this.print = print;
        this.imageHref = imageHref;
        this.pageStarts = new HashMap<>();
        for (PageStart start : starts) {
            pageStarts.computeIfAbsent(start.block(), b -> new ArrayList<>()).add(start);
        }
        pageStarts.values().forEach(list -> list.sort(Comparator.comparingInt(PageStart::offset)));
    }

    /**
     * The EPUB documents. {@code imageHref} maps an image's file (as the model holds it)
     * to its path inside the EPUB, relative to the documents; {@code coverHref} is the
     * cover image's path. {@code pageStarts} are where the print edition's pages begin
     * (empty without one): they become page breaks and a page list. A character its face
     * lacks is set in a face of {@code fonts} that has it.
     */
    public static Epub epub(Book book, String stylesheet, Function<String, String> imageHref, String coverHref,
                            List<PageStart> pageStarts, FontSet fonts) {
        XhtmlWriter writer = new XhtmlWriter(book, false, imageHref, pageStarts, null, null, fonts);
        return writer.epubDocuments(stylesheet, coverHref);
    }

    /**
     * The print document; {@code imageHref} maps an image's file to a URL the renderer can
     * load. Its text blocks carry their numbers in {@value #BLOCK_ATTRIBUTE}. Paragraphs
     * of the text, of quotations and of lists are set line by line by {@code composer},
     * which {@code measures} tells how the renderer measures text, as {@value #COMPOSED_CLASS}
     * paragraphs whose lines are separated by line feeds; a null composer leaves line
     * breaking to the renderer. A character its face lacks is set in a face of
     * {@code fonts} that has it.
     */
    public static Print print(Book book, List<String> stylesheets, Function<String, String> imageHref,
                              LineComposer composer, Measures measures, FontSet fonts) {
        XhtmlWriter writer = new XhtmlWriter(book, true, imageHref, List.of(), composer, measures, fonts);
        return new Print(writer.printDocument(stylesheets), writer.characters, writer.fallbacks);
    }

    /** The attribute that numbers the print document's text blocks. */
    public static final String BLOCK_ATTRIBUTE = "data-block";
    /** How the renderer measures text of a face at a size in points: the same metrics for the same pair. */
    public interface Measures {
        LineComposer.Metrics of(Face face, float points);
    }

    /** The body text size print.css sets, in points. */
    public static final float BODY_POINTS = 10.5f;

    /** The class of a paragraph whose lines the composer set. */
    public static final String COMPOSED_CLASS = "set";

    /** The file name of a chapter's EPUB document. */
    public static String chapterFile(Chapter chapter) {
        return chapter.id() + ".xhtml";
    }

    // --- EPUB ---------------------------------------------------------------------------

    private Epub epubDocuments(String stylesheet, String coverHref) {
        Document cover = document("cover.xhtml", labels.cover(), stylesheet, "cover", m -> cover(m, coverHref));
        Document titlePage = document("titlepage.xhtml", metadata.title(), stylesheet, "frontmatter",
                m -> titlePage(m));
        // The navigation document comes second in reading order but is written last, when
        // the page list knows where each page break landed; its own blocks are numbered in
        // reading order all the same.
        int navigationBlocks = blocks;
        blocks += navigationBlockCount();
        List<Document> chapters = new ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            chapters.add(document(chapterFile(chapter), tocLabel(chapter), stylesheet, "bodymatter",
                    m -> chapter(m, chapter)));
        }
        Document colophon = hasColophon()
                ? document("colophon.xhtml", labels.colophon(), stylesheet, "backmatter", m -> colophon(m))
                : null;
        int afterColophon = blocks;
        blocks = navigationBlocks;
        Document navigation = document("nav.xhtml", labels.contents(), stylesheet, "frontmatter",
                m -> navigation(m));
        blocks = afterColophon;
        return new Epub(cover, titlePage, navigation, chapters, colophon, characters, fallbacks);
    }

    private Document document(String name, String title, String stylesheet, String matter,
                              Consumer<Markup> body) {
        currentFile = name;
        Markup m = new Markup(characters, fonts, fallbacks);
        head(m, title, List.of(stylesheet));
        m.close("head").newline();
        m.open("body", "epub:type", matter).newline();
        body.accept(m);
        m.close("body").newline().close("html").newline();
        return new Document(name, title, m.xml());
    }

    private void head(Markup m, String title, List<String> stylesheets) {
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

    private void navigation(Markup m) {
        m.open("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "aria-labelledby", "toc-title").newline();
        textBlock(m, Face.HEADING, "h2", labels.contents(), "id", "toc-title");
        m.open("ol").newline();
        for (Chapter chapter : book.chapters()) {
            openBlock(m, null, "li");
            m.element("a", tocLabel(chapter), "href", chapterHref(chapter));
            closeBlock(m, "li");
        }
        m.close("ol").newline().close("nav").newline();
        if (!print && !pageFiles.isEmpty()) {
            m.open("nav", "epub:type", "page-list", "aria-label", labels.pages(), "hidden", "hidden").newline();
            m.open("ol").newline();
            pageFiles.forEach((label, file) -> m.open("li").open("a", "href", file + "#page-" + label)
                    .hiddenText(label).close("a").close("li").newline());
            m.close("ol").newline().close("nav").newline();
        }
        if (!print) {
            m.open("nav", "epub:type", "landmarks", "aria-label", labels.landmarks(), "hidden", "hidden").newline();
            m.open("ol").newline();
            landmark(m, "cover", "cover.xhtml", labels.cover());
            landmark(m, "titlepage", "titlepage.xhtml", labels.titlePage());
            landmark(m, "toc", "nav.xhtml#toc", labels.contents());
            landmark(m, "bodymatter", chapterHref(book.chapters().get(0)), labels.start());
            m.close("ol").newline().close("nav").newline();
        }
    }

    /** The text blocks of the table of contents: its heading and one per chapter. */
    private int navigationBlockCount() {
        return 1 + book.chapters().size();
    }

    private static void landmark(Markup m, String type, String href, String label) {
        m.open("li").open("a", "epub:type", type, "href", href).hiddenText(label).close("a").close("li").newline();
    }

    private String chapterHref(Chapter chapter) {
        return print ? "#" + chapter.id() : chapterFile(chapter);
    }

    /** What the table of contents calls a chapter; an untitled opening goes by the book's title. */
    private String tocLabel(Chapter chapter) {
        return chapter.hasTitle() ? chapter.titleText() : metadata.title();
    }

    // --- print --------------------------------------------------------------------------

    private String printDocument(List<String> stylesheets) {
        Markup m = new Markup(characters, fonts, fallbacks).forFlyingSaucer();
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
        // Flying Saucer makes PDF bookmarks from this head element.
        m.open("bookmarks").newline();
        for (Chapter chapter : book.chapters()) {
            m.empty("bookmark", "name", tocLabel(chapter), "href", "#" + chapter.id()).newline();
        }
        m.close("bookmarks").newline();
        m.close("head").newline();
        m.open("body").newline();
        titlePage(m);
        m.open("section", "class", "contents").newline();
        navigation(m);
        m.close("section").newline();
        for (Chapter chapter : book.chapters()) {
            chapter(m, chapter);
        }
        if (hasColophon()) {
            colophon(m);
        }
        m.close("body").newline().close("html").newline();
        return m.xml();
    }

    // --- shared parts -------------------------------------------------------------------

    /** The cover page: the image alone, described by the words it shows. */
    private void cover(Markup m, String coverHref) {
        List<String> shown = new ArrayList<>();
        for (String part : new String[] {metadata.column(), metadata.kicker(), metadata.title(), metadata.subtitle()}) {
            if (part != null) {
                shown.add(part);
            }
        }
        if (!metadata.creators().isEmpty()) {
            shown.add(names(metadata.creators()));
        }
        m.open("section", "epub:type", "cover", "class", "cover", "aria-label", labels.cover()).newline();
        m.empty("img", "src", coverHref, "role", "doc-cover", "alt", labels.cover() + "：" + String.join("，", shown))
                .newline();
        m.close("section").newline();
    }

    private void titlePage(Markup m) {
        m.open("section", "epub:type", "titlepage", "class", "titlepage", "aria-label", labels.titlePage()).newline();
        if (metadata.kicker() != null) {
            textBlock(m, null, "p", metadata.kicker(), "class", "kicker");
        }
        textBlock(m, Face.BOLD, "h1", metadata.title(), "class", "title", "epub:type", "fulltitle");
        if (metadata.subtitle() != null) {
            textBlock(m, null, "p", "——" + metadata.subtitle(), "class", "subtitle", "epub:type", "subtitle",
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

    private void chapter(Markup m, Chapter chapter) {
        String headingId = chapter.id() + "-title";
        String titleClass = chapter.hasTitle() ? "chapter" : "chapter untitled";
        m.open("section", "epub:type", "chapter", "role", "doc-chapter", "id", chapter.id(), "class", titleClass,
                "aria-labelledby", chapter.hasTitle() ? headingId : null,
                "aria-label", chapter.hasTitle() ? null : metadata.title()).newline();
        if (print) {
            runningHeads(m, tocLabel(chapter), metadata.title(), true);
        }
        String[] parts = print && composer != null ? titleParts(chapter.title()) : null;
        if (parts != null) {
            // Broken only between its parts, later lines hung under the text after the
            // label, as novels set a 回目: 第一回　甄士隐梦幻识通灵 / 　　　　贾雨村风尘怀闺秀.
            LineComposer.Metrics metrics = measures.of(Face.HEADING, TITLE_POINTS);
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
        } else if (chapter.hasTitle()) {
            openBlock(m, Face.HEADING, "h2", "id", headingId);
            inlines(m, chapter.title(), null);
            closeBlock(m, "h2");
        }
        Notes notes = new Notes(chapter.id());
        blocks(m, chapter.blocks(), notes);
        notes.write(m);
        if (print) {
            runningHeads(m, "", "", false);
        }
        m.close("section").newline();
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
     * Running heads and folio for the pages of a chapter, and empty ones at its end: the
     * print stylesheet shows on each page the values set before it began, so a chapter's
     * opening page and the blank page that may follow its end carry neither.
     */
    private static void runningHeads(Markup m, String recto, String verso, boolean folio) {
        m.facedElement(Face.HEADING, "div", recto, "class", "running-recto");
        m.facedElement(Face.HEADING, "div", verso, "class", "running-verso");
        m.element("div", "", "class", folio ? "running-folio" : "running-folio none").newline();
    }

    private boolean hasColophon() {
        return !metadata.creators().isEmpty() || !metadata.contributors().isEmpty()
                || metadata.source() != null || metadata.publisher() != null || metadata.rights() != null;
    }

    private void colophon(Markup m) {
        m.open("section", "epub:type", "colophon", "role", "doc-colophon", "class", "colophon", "id", "colophon",
                "aria-label", labels.colophon()).newline();
        m.open("dl").newline();
        entry(m, labels.bookTitle(), (metadata.kicker() == null ? "" : metadata.kicker() + "——") + metadata.title());
        if (!metadata.creators().isEmpty()) {
            entry(m, Role.AUTHOR.label(), names(metadata.creators()));
        }
        Map<Role, List<Contributor>> byRole = new LinkedHashMap<>();
        for (Contributor contributor : metadata.contributors()) {
            byRole.computeIfAbsent(contributor.role(), r -> new ArrayList<>()).add(contributor);
        }
        byRole.forEach((role, people) -> entry(m, role.label(), names(people)));
        if (metadata.source() != null) {
            entry(m, labels.source(), metadata.source());
        }
        if (metadata.publisher() != null) {
            entry(m, labels.publisher(), metadata.publisher());
        }
        if (metadata.date() != null) {
            entry(m, labels.date(), metadata.date());
        }
        m.close("dl").newline();
        if (metadata.rights() != null) {
            textBlock(m, null, "p", metadata.rights(), "class", "rights");
        }
        m.close("section").newline();
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

    /** Names as a credit line sets them: separated by an ideographic space. */
    private static String names(List<Contributor> people) {
        return String.join("\u3000", people.stream().map(Contributor::name).toList());
    }

    // --- text blocks --------------------------------------------------------------------

    /**
     * Opens an element whose content is text: numbered in reading order, the same in both
     * editions, so that a page of the print edition can be found again in the EPUB. The
     * face is the one its text is set in, or null to keep the surrounding one.
     */
    private void openBlock(Markup m, Face face, String tag, String... attributes) {
        int number = ++blocks;
        if (print) {
            String[] numbered = Arrays.copyOf(attributes, attributes.length + 2);
            numbered[attributes.length] = BLOCK_ATTRIBUTE;
            numbered[attributes.length + 1] = Integer.toString(number);
            m.openFaced(face == null ? m.face() : face, tag, numbered);
            return;
        }
        m.openFaced(face == null ? m.face() : face, tag, attributes);
        List<PageStart> starts = pageStarts.getOrDefault(number, List.of());
        starts.forEach(start -> pageFiles.put(start.label(), currentFile));
        m.startBlock(starts);
    }

    private void closeBlock(Markup m, String tag) {
        m.endBlock();
        m.closeFaced(tag).newline();
    }

    private void textBlock(Markup m, Face face, String tag, String text, String... attributes) {
        openBlock(m, face, tag, attributes);
        m.text(text);
        closeBlock(m, tag);
    }

    /** An element around a composed run, and the face its text is set in. */
    private record Wrapper(Face face, String tag, String... attributes) {
    }

    /** The elements around a composed run, outermost first: none for plain text. */
    private record Look(List<Wrapper> wrappers) {
        Look with(Wrapper wrapper) {
            List<Wrapper> inner = new ArrayList<>(wrappers);
            inner.add(wrapper);
            return new Look(inner);
        }
    }

    /** Sizes print.css sets for inline code and note references, in points. */
    private static final float CODE_POINTS = 9f;
    private static final float NOTE_POINTS = 7f;
    /** The size print.css sets chapter titles in, in points. */
    private static final float TITLE_POINTS = 15f;

    /**
     * A paragraph's content as segments the composer can set, each with the elements it
     * is written in. A character its face lacks is a segment of its own, in the face that
     * will draw it; a line break is a line feed.
     */
    private void segments(Markup m, List<Inline> inlines, Look look, Face face, Notes notes,
                          List<LineComposer.Segment> out) {
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                faced(m, t.text(), face, body(face), look, out);
            } else if (inline instanceof Inline.Emphasis e) {
                // Print sets emphasis in the heading face, as the stylesheet does.
                segments(m, e.content(), look.with(new Wrapper(Face.HEADING, "em")), Face.HEADING, notes, out);
            } else if (inline instanceof Inline.Strong s) {
                Face bold = face == Face.BODY ? Face.BOLD : face;
                segments(m, s.content(), look.with(new Wrapper(bold, "strong")), bold, notes, out);
            } else if (inline instanceof Inline.Link l) {
                Look link = leadsOut(l) ? look.with(new Wrapper(face, "a", "href", l.href())) : look;
                segments(m, l.content(), link, face, notes, out);
            } else if (inline instanceof Inline.Code c) {
                faced(m, c.text(), face, measures.of(face, CODE_POINTS), look.with(new Wrapper(face, "code")), out);
            } else if (inline instanceof Inline.LineBreak) {
                out.add(new LineComposer.Segment("\n", body(face), look));
            } else if (inline instanceof Inline.Note n) {
                String number = notes.add(n);
                Look reference = look.with(new Wrapper(face, "sup"))
                        .with(new Wrapper(face, "a", notes.referenceAttributes(number)));
                out.add(new LineComposer.Segment(number, measures.of(face, NOTE_POINTS), reference, true));
            }
        }
    }

    private LineComposer.Metrics body(Face face) {
        return measures.of(face, BODY_POINTS);
    }

    /** Text in {@code face}, a character it lacks split off into the face that has it. */
    private void faced(Markup m, String text, Face face, LineComposer.Metrics metrics, Look look,
                       List<LineComposer.Segment> out) {
        int start = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            Face other = m.fallback(face, text.codePointAt(i));
            if (other != null) {
                if (i > start) {
                    out.add(new LineComposer.Segment(text.substring(start, i), metrics, look));
                }
                start = i + Character.charCount(text.codePointAt(i));
                out.add(new LineComposer.Segment(text.substring(i, start), body(other),
                        look.with(new Wrapper(other, "span", "class", Markup.fallbackClass(other)))));
            }
        }
        if (start < text.length()) {
            out.add(new LineComposer.Segment(text.substring(start), metrics, look));
        }
    }

    /**
     * A paragraph in the lines the composer set, each ending in a line feed the print
     * stylesheet keeps; the spaces it adjusts are marks in the text ({@link LineMarks}).
     * Flying Saucer paints an element's own text before the elements inside it, so when a
     * paragraph has elements, its plain text is in spans too: all of it is painted, and
     * read back, in order.
     */
    private void composed(Markup m, LineComposer composer, List<Inline> content, Notes notes) {
        List<LineComposer.Segment> segments = new ArrayList<>();
        segments(m, content, new Look(List.of()), Face.BODY, notes, segments);
        boolean wrapped = segments.stream().anyMatch(s -> !((Look) s.tag()).wrappers().isEmpty());
        openBlock(m, null, "p", "class", COMPOSED_CLASS);
        List<LineComposer.Line> lines = composer.compose(segments, inset == 0 ? 2 * composer.em() : 0);
        for (int n = 0; n < lines.size(); n++) {
            if (n > 0) {
                m.raw("\n");
            }
            for (LineComposer.Piece piece : lines.get(n).pieces()) {
                if (piece instanceof LineComposer.Run run) {
                    run(m, "", run.text(), (Look) run.tag(), wrapped);
                } else if (piece instanceof LineComposer.Dash dash) {
                    run(m, LineMarks.join(), dash.text(), (Look) dash.tag(), wrapped);
                } else if (piece instanceof LineComposer.Space space) {
                    m.raw(LineMarks.space(space.width()));
                }
            }
        }
        closeBlock(m, "p");
    }

    private static void run(Markup m, String marks, String text, Look look, boolean wrapped) {
        List<Wrapper> wrappers = look.wrappers().isEmpty() && wrapped
                ? List.of(new Wrapper(m.face(), "span")) : look.wrappers();
        for (Wrapper w : wrappers) {
            m.openFaced(w.face(), w.tag(), w.attributes());
        }
        m.raw(marks).text(text);
        for (int i = wrappers.size() - 1; i >= 0; i--) {
            m.closeFaced(wrappers.get(i).tag());
        }
    }

    // --- blocks and inlines -------------------------------------------------------------

    private void blocks(Markup m, List<Block> blocks, Notes notes) {
        for (Block block : blocks) {
            block(m, block, notes);
        }
    }

    private void block(Markup m, Block block, Notes notes) {
        if (block instanceof Block.Paragraph p) {
            if (print && composer != null && inset != UNCOMPOSED) {
                composed(m, inset == 0 ? composer : composer.inset(inset), p.content(), notes);
                return;
            }
            openBlock(m, null, "p");
            inlines(m, p.content(), notes);
            closeBlock(m, "p");
        } else if (block instanceof Block.Heading h) {
            String tag = "h" + Math.min(6, h.level() + 1);
            openBlock(m, Face.HEADING, tag);
            inlines(m, h.content(), notes);
            closeBlock(m, tag);
        } else if (block instanceof Block.Quote q) {
            m.open("blockquote").newline();
            // print.css gives a quotation two em on either side.
            inside(4, () -> blocks(m, q.blocks(), notes));
            m.close("blockquote").newline();
        } else if (block instanceof Block.ListBlock l) {
            String tag = l.ordered() ? "ol" : "ul";
            m.open(tag, "start", l.ordered() && l.start() != 1 ? Integer.toString(l.start()) : null).newline();
            // print.css indents a list by two em.
            inside(2, () -> {
                for (int i = 0; i < l.items().size(); i++) {
                    m.open("li");
                    if (print && l.ordered()) {
                        // Flying Saucer paints list numbers before the page's text, so print
                        // writes them as text, hung in the margin by the stylesheet.
                        m.element("span", (l.start() + i) + ".", "class", "item-number");
                    }
                    blocks(m, l.items().get(i), notes);
                    m.close("li").newline();
                }
            });
            m.close(tag).newline();
        } else if (block instanceof Block.CodeBlock c) {
            openBlock(m, null, "pre");
            m.open("code", "class", c.language() == null ? null : "language-" + c.language())
                    .text(c.text()).close("code");
            closeBlock(m, "pre");
        } else if (block instanceof Block.Image i) {
            m.open("figure").empty("img", "src", imageHref.apply(i.file()), "alt", i.alt(),
                    "role", i.decorative() ? "presentation" : null);
            if (i.caption() != null) {
                textBlock(m, null, "figcaption", i.caption());
            }
            m.close("figure").newline();
        } else if (block instanceof Block.Table t) {
            table(m, t, notes);
        } else if (block instanceof Block.Break) {
            m.empty("hr").newline();
        }
    }

    /**
     * Writes blocks that stand {@code ems} body em further in; where too little measure
     * is left for setting lines well, their paragraphs are left to the renderer.
     */
    private void inside(int ems, Runnable blocks) {
        int outer = inset;
        boolean room = composer != null && composer.measure() - (outer + ems) * composer.em() >= 8 * composer.em();
        inset = outer == UNCOMPOSED || !room ? UNCOMPOSED : outer + ems;
        blocks.run();
        inset = outer;
    }

    private void table(Markup m, Block.Table table, Notes notes) {
        m.open("table").newline();
        if (!table.header().isEmpty()) {
            m.open("thead").open("tr");
            cells(m, "th", table.header(), table.alignments(), notes);
            m.close("tr").close("thead").newline();
        }
        m.open("tbody").newline();
        for (List<List<Inline>> row : table.rows()) {
            m.open("tr");
            cells(m, "td", row, table.alignments(), notes);
            m.close("tr").newline();
        }
        m.close("tbody").newline().close("table").newline();
    }

    private void cells(Markup m, String tag, List<List<Inline>> cells, List<Block.Alignment> alignments,
                       Notes notes) {
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

    private void inlines(Markup m, List<Inline> inlines, Notes notes) {
        // Flying Saucer paints an element's own text before the elements inside it: beside
        // elements, text goes in spans so that all of it paints, and reads back, in order.
        boolean spans = print && !inlines.stream().allMatch(Inline.Text.class::isInstance);
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                if (spans) {
                    m.open("span").text(t.text()).close("span");
                } else if (print) {
                    // The PDF's line breaker measures text runs; spans would cut them.
                    m.text(t.text());
                } else {
                    m.squeezedText(t.text());
                }
            } else if (inline instanceof Inline.Emphasis e) {
                // Print shows emphasis in the heading face; the EPUB with emphasis dots.
                m.openFaced(print ? Face.HEADING : Face.BODY, "em");
                inlines(m, e.content(), notes);
                m.closeFaced("em");
            } else if (inline instanceof Inline.Strong s) {
                // Strong text is bolder in its own family: bold serif in the body, the
                // heading face (already bold) in headings.
                m.openFaced(m.face() == Face.BODY ? Face.BOLD : m.face(), "strong");
                inlines(m, s.content(), notes);
                m.closeFaced("strong");
            } else if (inline instanceof Inline.Link l && leadsOut(l)) {
                m.open("a", "href", l.href());
                inlines(m, l.content(), notes);
                m.close("a");
            } else if (inline instanceof Inline.Link l) {
                inlines(m, l.content(), notes);
            } else if (inline instanceof Inline.Code c) {
                m.element("code", c.text());
            } else if (inline instanceof Inline.LineBreak) {
                m.empty("br");
            } else if (inline instanceof Inline.Note n && notes != null) {
                notes.reference(m, n);
            }
        }
    }

    /**
     * True for a link with a scheme (https:, mailto:). A relative link points to a file or
     * place of the source's own site that the book does not hold, so its text stands
     * without it.
     */
    private static boolean leadsOut(Inline.Link link) {
        try {
            return new java.net.URI(link.href()).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A chapter's notes: numbered in order of reference, written after the chapter's text. */
    private final class Notes {
        private final String chapterId;
        private final List<Inline.Note> notes = new ArrayList<>();

        Notes(String chapterId) {
            this.chapterId = chapterId;
        }

        /** Numbers a note in order of reference. */
        String add(Inline.Note note) {
            notes.add(note);
            return Integer.toString(notes.size());
        }

        String[] referenceAttributes(String number) {
            return new String[] {"epub:type", "noteref", "role", "doc-noteref",
                "id", chapterId + "-ref-" + number, "href", "#" + chapterId + "-note-" + number};
        }

        void reference(Markup m, Inline.Note note) {
            String number = add(note);
            m.open("sup").element("a", number, referenceAttributes(number)).close("sup");
        }

        void write(Markup m) {
            if (notes.isEmpty()) {
                return;
            }
            m.open("section", "class", "notes", "aria-label", labels.notes()).newline();
            int outer = inset;
            inset = UNCOMPOSED;
            // Notes may hold notes of their own; those are numbered on after the chapter's.
            for (int i = 0; i < notes.size(); i++) {
                String number = Integer.toString(i + 1);
                m.open("aside", "epub:type", "footnote", "role", "doc-footnote",
                        "id", chapterId + "-note-" + number, "class", "footnote").newline();
                openBlock(m, null, "p", "class", "note-number");
                m.element("a", number, "role", "doc-backlink", "href", "#" + chapterId + "-ref-" + number);
                closeBlock(m, "p");
                blocks(m, notes.get(i).content(), this);
                m.close("aside").newline();
            }
            inset = outer;
            m.close("section").newline();
        }
    }
}
