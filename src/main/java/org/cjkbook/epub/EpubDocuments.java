package org.cjkbook.epub;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.text.CharClasses;
import org.cjkbook.xhtml.BookMarkup;
import org.cjkbook.xhtml.Markup;
import org.cjkbook.xhtml.PageStart;

/**
 * The EPUB's XHTML documents: cover page, title page, navigation, one document per
 * chapter and the colophon. Adjacent punctuation is compressed by spans, and where the
 * print edition was built alongside, its page starts become page breaks and a page list.
 */
final class EpubDocuments extends BookMarkup {

    /** The classes of a part of a title, and of a phrase of one, in epub.css. */
    static final String TITLE_PART = "title-part";
    static final String TITLE_PHRASE = "title-phrase";
    /** After the spaces between a title's parts. */
    private static final Pattern PART_BREAK = Pattern.compile("(?<=[ \\u3000])(?=[\\p{L}\\p{N}])");
    /** After the mark that ends a phrase, where a letter follows. */
    private static final Pattern PHRASE_BREAK = Pattern.compile("(?<=[，、；：])(?=[\\p{L}\\p{N}])");

    /** The class of Latin text within emphasis, in epub.css. */
    static final String LATIN_CLASS = "latin";

    private final Function<String, String> imageHref;
    private final boolean vertical;
    /** Page starts of the print edition by text block. */
    private final Map<Integer, List<PageStart>> pageStarts = new HashMap<>();
    /** Page labels, in page order, with the file that marks each: the page list. */
    private final Map<String, String> pageFiles = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
    private String currentFile;

    private EpubDocuments(Book book, FontSet fonts, boolean vertical, Function<String, String> imageHref,
                          List<PageStart> starts) {
        super(book, fonts);
        this.vertical = vertical;
        this.imageHref = imageHref;
        for (PageStart start : starts) {
            pageStarts.computeIfAbsent(start.block(), b -> new ArrayList<>()).add(start);
        }
        pageStarts.values().forEach(list -> list.sort(Comparator.comparingInt(PageStart::offset)));
    }

    /**
     * The documents, linking {@code stylesheets}, in vertical lines when {@code vertical}.
     * {@code imageHref} maps an image's file, as the model holds it, to its path inside the
     * EPUB; {@code coverHref} is the cover image's path; {@code pageStarts} are where the
     * print edition's pages begin, or empty.
     */
    static EpubMarkup of(Book book, FontSet fonts, List<String> stylesheets, boolean vertical,
                         Function<String, String> imageHref, String coverHref, List<PageStart> pageStarts) {
        return new EpubDocuments(book, fonts, vertical, imageHref, pageStarts).write(stylesheets, coverHref);
    }

    /** The file name of a chapter's document. */
    static String chapterFile(Chapter chapter) {
        return chapter.id() + ".xhtml";
    }

    private EpubMarkup write(List<String> stylesheets, String coverHref) {
        EpubMarkup.Document cover = document("cover.xhtml", labels.cover(), stylesheets, "cover", m -> cover(m, coverHref));
        EpubMarkup.Document titlePage = document("titlepage.xhtml", metadata.title(), stylesheets, "frontmatter",
                this::titlePage);
        // The navigation document comes second in reading order but is written last, when
        // the page list knows where each page break landed; its own blocks are numbered in
        // reading order all the same.
        int navigationBlocks = blockCount();
        blockCount(navigationBlocks + contentsBlocks());
        List<EpubMarkup.Document> chapters = new ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            chapters.add(document(chapterFile(chapter), tocLabel(chapter), stylesheets, "bodymatter",
                    m -> chapter(m, chapter)));
        }
        EpubMarkup.Document colophon = hasColophon()
                ? document("colophon.xhtml", labels.colophon(), stylesheets, "backmatter", this::colophon)
                : null;
        int afterColophon = blockCount();
        blockCount(navigationBlocks);
        EpubMarkup.Document navigation = document("nav.xhtml", labels.contents(), stylesheets, "frontmatter", this::navigation);
        blockCount(afterColophon);
        return new EpubMarkup(cover, titlePage, navigation, chapters, colophon, coverage());
    }

    private EpubMarkup.Document document(String name, String title, List<String> stylesheets, String matter,
                                        Consumer<Markup> body) {
        currentFile = name;
        Markup m = vertical ? newMarkup().forVerticalText() : newMarkup();
        head(m, title, stylesheets);
        m.close("head").newline();
        m.open("body", "epub:type", matter).newline();
        body.accept(m);
        m.close("body").newline().close("html").newline();
        return new EpubMarkup.Document(name, title, m.xml());
    }

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

    /** The table of contents, then the page list and landmarks, which reading systems show in their own way. */
    private void navigation(Markup m) {
        contents(m);
        if (!pageFiles.isEmpty()) {
            m.open("nav", "epub:type", "page-list", "aria-label", labels.pages(), "hidden", "hidden").newline();
            m.open("ol").newline();
            pageFiles.forEach((label, file) -> m.open("li").open("a", "href", file + "#page-" + label)
                    .hiddenText(label).close("a").close("li").newline());
            m.close("ol").newline().close("nav").newline();
        }
        m.open("nav", "epub:type", "landmarks", "aria-label", labels.landmarks(), "hidden", "hidden").newline();
        m.open("ol").newline();
        landmark(m, "cover", "cover.xhtml", labels.cover());
        landmark(m, "titlepage", "titlepage.xhtml", labels.titlePage());
        landmark(m, "toc", "nav.xhtml#toc", labels.contents());
        landmark(m, "bodymatter", chapterHref(book.chapters().get(0)), labels.start());
        m.close("ol").newline().close("nav").newline();
    }

    private static void landmark(Markup m, String type, String href, String label) {
        m.open("li").open("a", "epub:type", type, "href", href).hiddenText(label).close("a").close("li").newline();
    }

    /** A plain title keeps its parts whole; one with markup is written as it is. */
    @Override
    protected void chapterTitle(Markup m, Chapter chapter, String headingId) {
        if (chapter.title().size() != 1 || !(chapter.title().get(0) instanceof Inline.Text text)) {
            super.chapterTitle(m, chapter, headingId);
            return;
        }
        openBlock(m, Face.HEADING, "h2", "id", headingId);
        titleText(m, text.text());
        closeBlock(m, "h2");
    }

    /**
     * A title of parts separated by spaces (第一回　甄士隐梦幻识通灵　贾雨村风尘怀闺秀, 永葆初心本色
     * 践行使命担当) breaks between its parts, and one without spaces between its phrases
     * (对准目标、从严从实，勇于自我革命): each is a span the stylesheet keeps whole where the
     * line allows, with the space or mark that ends it, so that none of them starts a line.
     */
    @Override
    protected void titleText(Markup m, String title) {
        String[] parts = PART_BREAK.split(title);
        String type = TITLE_PART;
        if (parts.length < 2) {
            parts = PHRASE_BREAK.split(title);
            type = TITLE_PHRASE;
        }
        if (parts.length < 2) {
            m.squeezedText(title);
            return;
        }
        for (String part : parts) {
            m.open("span", "class", type).squeezedText(part).close("span");
        }
    }

    @Override
    protected String chapterHref(Chapter chapter) {
        return chapterFile(chapter);
    }

    @Override
    protected String placeHref(Chapter chapter, String id) {
        return chapterFile(chapter) + "#" + id;
    }

    @Override
    protected String imageHref(String file) {
        return imageHref.apply(file);
    }

    /** A text block, with the print edition's page breaks that fall in it. */
    @Override
    protected void openTextBlock(Markup m, Face face, String tag, int number, String... attributes) {
        m.openFaced(face, tag, attributes);
        List<PageStart> starts = pageStarts.getOrDefault(number, List.of());
        starts.forEach(start -> pageFiles.put(start.label(), currentFile));
        m.startBlock(starts);
    }

    /**
     * Emphasis dots go under Han characters only (clreq): within emphasis, a Latin word or
     * number is marked for the stylesheet to set in italic, without dots.
     */
    @Override
    protected void prose(Markup m, String text, boolean besideElements) {
        if (!inEmphasis()) {
            m.squeezedText(text);
            return;
        }
        Matcher latin = CharClasses.LATIN_RUN.matcher(text);
        int start = 0;
        while (latin.find()) {
            m.squeezedText(text.substring(start, latin.start()));
            m.open("span", "class", LATIN_CLASS).text(latin.group()).close("span");
            start = latin.end();
        }
        m.squeezedText(text.substring(start));
    }
}
