package org.cjkbook.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.cjkbook.Beside;
import org.cjkbook.BookException;
import org.cjkbook.OutputFile;
import org.cjkbook.SafeXml;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.text.LineComposer;
import org.cjkbook.xhtml.Markup;
import org.cjkbook.xhtml.PageStart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.context.StyleReference;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.render.BlockBox;
import org.xml.sax.SAXException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfPageLabels;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The print edition: the book's print XHTML laid out by Flying Saucer with
 * {@code print.css} and written by OpenPDF, with the book's fonts embedded as subsets.
 */
public final class PdfEdition {

    private final Map<Face, byte[]> fontPrograms;
    private final PageGeometry page;
    private final Instant date;
    private final boolean archival;
    private final boolean byChapter;

    /**
     * {@code fontPrograms} are TrueType fonts, one per face the print markup sets text in,
     * that draw at least the characters it sets in that face; {@code page} is the one the markup
     * was made for; {@code date} is the PDF's creation and modification date. An
     * {@code archival} PDF is a PDF/A-1 one.
     */
    public PdfEdition(Map<Face, byte[]> fontPrograms, PageGeometry page, Instant date, boolean archival) {
        this(fontPrograms, page, date, archival, true);
    }

    /**
     * As above; a book is laid out a chapter at a time where it can be ({@code byChapter}),
     * else whole, as an article is.
     */
    PdfEdition(Map<Face, byte[]> fontPrograms, PageGeometry page, Instant date, boolean archival, boolean byChapter) {
        this.fontPrograms = Map.copyOf(fontPrograms);
        this.page = page;
        this.date = date;
        this.archival = archival;
        this.byChapter = byChapter;
    }

    /**
     * The print document for pages of {@code page}. Paragraphs are composed line by line
     * with the metrics of {@code fonts}, the fonts the PDF embeds; with {@code compose}
     * false, Flying Saucer breaks the lines itself.
     */
    public static PrintMarkup markup(Book book, PageGeometry page, FontSet fonts, boolean compose) {
        List<String> stylesheets = List.of("print.css", stylesheetName(page));
        if (!compose) {
            return PrintDocument.of(book, fonts, stylesheets, null, null);
        }
        // By face and size; asked for from the thread that writes chapters ahead too.
        Map<Long, RendererMetrics> metrics = new java.util.concurrent.ConcurrentHashMap<>();
        PrintDocument.Measures measures = (face, points) -> metrics.computeIfAbsent(
                (long) face.ordinal() << 32 | (Float.floatToIntBits(points) & 0xFFFFFFFFL),
                key -> new RendererMetrics(fonts.advances(face), points));
        LineComposer composer = new LineComposer(measures.of(Face.BODY, PageGeometry.BODY_POINTS),
                Markup.squeeze(fonts), BODY_EM,
                measure(page));
        return PrintDocument.of(book, fonts, stylesheets, composer, measures);
    }

    /** The name the print document links its page stylesheet by; the user agent makes it from the geometry. */
    static String stylesheetName(PageGeometry page) {
        return "page-" + page.label() + ".css";
    }

    /** The body em, in Flying Saucer's dots. */
    private static final int BODY_EM = Math.round(PageGeometry.BODY_POINTS * RendererMetrics.DOTS_PER_POINT);

    /** The text block's width, in Flying Saucer's dots. */
    private static int measure(PageGeometry page) {
        return page.measureEms() * BODY_EM;
    }

    /** What was printed: the number of pages, and where each page's text begins. */
    public record Printed(int pages, List<PageStart> pageStarts, OutputFile.Written file) {
    }

    /** Lays out and writes the PDF. */
    public Printed write(Book book, PrintMarkup markup, Path target) {
        Path fontFolder = null;
        try {
            fontFolder = Files.createTempDirectory("cjkbook-fonts");
            return render(book, markup, target, fontFolder);
        } catch (IOException e) {
            throw new BookException("cannot make a temporary folder for the PDF's fonts: " + e.getMessage(), e);
        } finally {
            deleteFolder(fontFolder);
        }
    }

    private Printed render(Book book, PrintMarkup print, Path target, Path fontFolder) throws IOException {
        ITextRenderer renderer = newRenderer();
        for (Face face : Face.values()) {
            if (!fontPrograms.containsKey(face)) {
                continue;
            }
            // Flying Saucer reads a font's weight and decorations from a file; the PDF
            // embeds the font object made here.
            Path file = fontFolder.resolve(face.name().toLowerCase(java.util.Locale.ROOT) + ".ttf");
            Files.write(file, fontPrograms.get(face));
            BaseFont font = baseFont(face, fontPrograms.get(face));
            renderer.getFontResolver().addFont(font, file.toString(), face.family());
            if (face == Face.BODY) {
                // Where no family a style names is found, Flying Saucer sets text in "Serif".
                renderer.getFontResolver().addFont(font, file.toString(), FALLBACK_FAMILY);
            }
        }
        Parts parts = new Parts(renderer, PdfEdition.class.getResource("print.css").toExternalForm(), book);
        renderer.setListener(new DefaultPDFCreationListener() {
            @Override
            public void preOpen(ITextRenderer r) {
                // Tagged: the text in reading order, with what each part of it is (see StructureTree).
                r.getWriter().setTagged();
                // Links are followed in the order of the structure, as PDF/UA asks.
                r.getWriter().setTabs(PdfName.S);
                if (archival) {
                    r.getWriter().setPDFXConformance(PdfWriter.PDFA1A);
                }
                // One list of pages, which the front matter, written last, can be put before.
                r.getWriter().setLinearPageMode();
                r.getWriter().setPageEvent(new PdfPageEventHelper() {
                    @Override
                    public void onOpenDocument(PdfWriter writer, com.lowagie.text.Document document) {
                        parts.pdf = document;
                    }

                    @Override
                    public void onCloseDocument(PdfWriter writer, com.lowagie.text.Document document) {
                        parts.putLeadingFirst(writer);
                    }
                });
            }

            @Override
            public void onClose(ITextRenderer r) {
                ((MarkedTextDevice) r.getOutputDevice()).finishStructure();
                finish(r.getWriter(), book, parts.digest.digest(), parts.folios);
            }
        });
        OutputFile.Written written = OutputFile.write(target, out -> {
            try {
                if (byChapter && book.layout() == Book.Layout.BOOK && !print.citesPages()) {
                    byChapter(print, parts, out);
                } else {
                    whole(print, parts, out);
                }
                renderer.finishPDF();
            } catch (DocumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
        return new Printed(parts.pages, parts.starts, written);
    }

    /**
     * The book as one document. A cited page is known once the book is laid out, and
     * printing it may move what follows: the book is laid out again until it prints the
     * pages its places are on, and its contents the pages its chapters begin on.
     */
    private static void whole(PrintMarkup print, Parts parts, OutputStream out) throws DocumentException {
        PrintDocument document = print.document(Map.of());
        Part whole = Part.of(document.whole());
        parts.layOut(whole);
        Folios folios = folios(parts.renderer, parts.book);
        for (int layouts = 1; layouts < MOST_LAYOUTS; layouts++) {
            Map<String, String> found = new HashMap<>();
            for (String id : document.printed().keySet()) {
                found.put(id, parts.page(id, folios));
            }
            if (found.equals(document.printed())) {
                break;
            }
            document = print.document(found);
            whole = Part.of(document.whole());
            parts.layOut(whole);
            folios = folios(parts.renderer, parts.book);
        }
        parts.folios = folios;
        parts.write(out, whole, folios, false);
        print.checkCovers(document);
    }

    /**
     * The book a chapter at a time, each written as soon as it is laid out, then its front
     * matter, which lists the pages the chapters began on and is put before them. While a
     * chapter is laid out and written, a second thread writes and reads the next one's
     * markup: the parts come in the same order as on one thread.
     */
    private static void byChapter(PrintMarkup print, Parts parts, OutputStream out) throws DocumentException {
        Map<String, String> pages = new HashMap<>();
        PrintDocument document = print.document(pages);
        MarkedTextDevice device = (MarkedTextDevice) parts.renderer.getOutputDevice();
        device.crossLinked(print.crossLinked());
        device.readFirst(parse(print.document(Map.of()).frontMatter()));
        List<Chapter> chapters = parts.book.chapters();
        ExecutorService ahead = Beside.thread("cjkbook-markup");
        try {
            Future<Part> next = ahead.submit(() -> Part.of(document.chapterPart(chapters.get(0))));
            for (int i = 0; i < chapters.size(); i++) {
                Part part = Beside.done(next);
                if (i + 1 < chapters.size()) {
                    Chapter following = chapters.get(i + 1);
                    next = ahead.submit(() -> Part.of(document.chapterPart(following)));
                }
                parts.layOut(part);
                // The body's pages are numbered on from the parts before.
                Folios folios = new Folios(-parts.pages);
                pages.put(chapters.get(i).id(), parts.page(chapters.get(i).id(), folios));
                parts.write(out, part, folios, false);
            }
        } finally {
            ahead.shutdownNow();
        }
        Part front = Part.of(document.frontMatter());
        parts.layOut(front);
        parts.write(out, front, new Folios(pageCount(parts.renderer)), true);
        parts.folios = new Folios(parts.leading);
        print.checkCovers(document);
    }

    /** A part's markup, and the document read from it. */
    private record Part(String xml, Document document) {
        static Part of(String xml) {
            return new Part(xml, parse(xml));
        }
    }

    /** The parts of the PDF as they are laid out and written, and what is known of them. */
    private final class Parts {
        final ITextRenderer renderer;
        final String base;
        final Book book;
        final Set<String> chapterIds = new HashSet<>();
        /** The digest of the parts' markup, of which the PDF's id is made. */
        final MessageDigest digest = sha256();
        final List<PageStart> starts = new ArrayList<>();
        /** The pages written, and how many of the last are read first. */
        int pages;
        int leading;
        /** How the book's pages are numbered, once all are laid out. */
        Folios folios;
        /** The PDF document the pages are written to, once it is open. */
        com.lowagie.text.Document pdf;

        Parts(ITextRenderer renderer, String base, Book book) {
            this.renderer = renderer;
            this.base = base;
            this.book = book;
            book.chapters().forEach(chapter -> chapterIds.add(chapter.id()));
        }

        void layOut(Part part) {
            PdfEdition.layOut(renderer, part.document(), base, book);
        }

        /**
         * The page, as {@code folios} print it, that a contents entry gives for a chapter's
         * id, where it begins; or that a link cites for a place's, where its text is.
         */
        String page(String id, Folios folios) {
            BlockBox root = renderer.getRootBox();
            return folios.label(chapterIds.contains(id) ? PageStarts.firstPage(root, id) : PageStarts.textPage(root, id));
        }

        /**
         * Writes the part laid out last, its pages numbered by {@code partFolios}; a
         * {@code leading} one is read before those written already. A book's leaves have two
         * sides: a part that ends on a recto is followed by a blank page.
         */
        void write(OutputStream out, Part part, Folios partFolios, boolean leading) throws DocumentException {
            MarkedTextDevice device = (MarkedTextDevice) renderer.getOutputDevice();
            device.folios(partFolios);
            device.leading(leading);
            digest.update(part.xml().getBytes(StandardCharsets.UTF_8));
            starts.addAll(PageStarts.of(renderer.getRootBox(), partFolios));
            int laidOut = pageCount(renderer);
            if (pages == 0) {
                renderer.createPDF(out, false);
            } else {
                renderer.writeNextDocument();
            }
            if (laidOut % 2 == 1) {
                // The part's last page ends, and the blank one begun is kept though nothing is drawn on it.
                pdf.newPage();
                renderer.getWriter().setPageEmpty(false);
            }
            int written = laidOut + laidOut % 2;
            pages += written;
            this.leading += leading ? written : 0;
        }

        /** Puts the pages read first, written last, before the others. */
        void putLeadingFirst(PdfWriter writer) {
            if (leading == 0) {
                return;
            }
            int[] order = new int[pages];
            for (int i = 0; i < pages; i++) {
                order[i] = (i < leading ? pages - leading : -leading) + i + 1;
            }
            try {
                writer.reorderPages(order);
            } catch (DocumentException e) {
                throw new IllegalStateException("the front matter cannot be put before the chapters", e);
            }
        }
    }

    /**
     * How many times a book is laid out at most to find the pages its links cite and its
     * contents list: twice where the pages printed at first take the width of those found,
     * seldom more.
     */
    private static final int MOST_LAYOUTS = 4;

    /**
     * Lays out the print document: no chapter ends with one line alone on a page, and an
     * article's colophon fills an odd last page rather than leave it blank.
     */
    private static void layOut(ITextRenderer renderer, Document document, String base, Book book) {
        renderer.setDocument(document, base);
        renderer.layout();
        if (ChapterEnds.mend(renderer.getRootBox(), book.layout() == Book.Layout.ARTICLE)) {
            renderer.setDocument(document, base);
            renderer.layout();
        }
        Element colophon = colophon(document.getDocumentElement());
        if (book.layout() == Book.Layout.ARTICLE && colophon != null && pageCount(renderer) % 2 == 1) {
            // An odd last page: the colophon takes a page of its own rather than leave it blank.
            colophon.setAttribute("class", colophon.getAttribute("class") + " " + ALONE_CLASS);
            renderer.setDocument(document, base);
            renderer.layout();
        }
    }

    /** A book's body starts on the page of its first chapter; an article has no front matter. */
    private static Folios folios(ITextRenderer renderer, Book book) {
        return new Folios(book.layout() == Book.Layout.ARTICLE ? 0
                : PageStarts.firstPage(renderer.getRootBox(), book.chapters().get(0).id()));
    }

    private ITextRenderer newRenderer() {
        float dotsPerPoint = ITextRenderer.DEFAULT_DOTS_PER_POINT;
        int dotsPerPixel = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;
        TypographicTextRenderer text = new TypographicTextRenderer();
        ITextOutputDevice device = new MarkedTextDevice(dotsPerPoint, text);
        PrintUserAgent agent = new PrintUserAgent(device, dotsPerPixel, measure(page), page, archival);
        ITextRenderer renderer = new ITextRenderer(dotsPerPoint, dotsPerPixel, device, agent, new BookFonts(),
                new ITextReplacedElementFactory(device), text);
        renderer.getSharedContext().setCss(new KeptStylesheets(agent));
        renderer.getSharedContext().setLineBreakingStrategy(new ClreqLineBreaking());
        return renderer;
    }

    /** The family Flying Saucer falls back to. */
    private static final String FALLBACK_FAMILY = "Serif";

    /**
     * The book's fonts alone, without the fourteen standard PDF fonts Flying Saucer would
     * load first: PDF/A and PDF/UA allow no font the file does not embed, and loading them
     * took a short book's build a twentieth of its time.
     */
    private static final class BookFonts extends ITextFontResolver {
        @Override
        protected Map<String, FontFamily> loadFonts() {
            return new HashMap<>();
        }
    }

    /**
     * Stylesheets parsed once for all the parts of the book. Flying Saucer, as configured by
     * default, forgets every stylesheet it has parsed when it is given a document, and read
     * its own and the book's two again for each chapter: a tenth of a long book's time.
     * They do not change while the book is printed.
     */
    private static final class KeptStylesheets extends StyleReference {
        KeptStylesheets(UserAgentCallback agent) {
            super(agent);
        }

        @Override
        public void flushAllStyleSheets() {
        }
    }

    /** The class that puts an article's colophon on a page of its own. */
    private static final String ALONE_CLASS = "alone";

    private static int pageCount(ITextRenderer renderer) {
        return renderer.getRootBox().getLayer().getPages().size();
    }

    /** The colophon's element, or null for a book without one. */
    private static Element colophon(Element element) {
        if ("colophon".equals(element.getAttribute("id"))) {
            return element;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            Element found = child instanceof Element e ? colophon(e) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * What each page is called: front matter in lower-case roman numerals, the body in
     * arabic ones from its first page, as its folios print them. Counting a part's pages,
     * the body's first page is before the part where the body began in an earlier one.
     */
    record Folios(int bodyStart) {
        private static final String[] ROMAN = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

        /** The label of the page at {@code index}, counting from 0. */
        String label(int index) {
            if (index >= bodyStart) {
                return Integer.toString(index - bodyStart + 1);
            }
            StringBuilder roman = new StringBuilder();
            int rest = index + 1;
            for (int i = 0; i < VALUES.length; i++) {
                for (; rest >= VALUES[i]; rest -= VALUES[i]) {
                    roman.append(ROMAN[i]);
                }
            }
            return roman.toString();
        }

        PdfPageLabels pdfLabels() {
            PdfPageLabels labels = new PdfPageLabels();
            if (bodyStart > 0) {
                labels.addPageLabel(1, PdfPageLabels.LOWERCASE_ROMAN_NUMERALS);
            }
            labels.addPageLabel(bodyStart + 1, PdfPageLabels.DECIMAL_ARABIC_NUMERALS, null, 1);
            return labels;
        }
    }

    /**
     * What Flying Saucer does not set: language, display of the title, page labels, fixed
     * dates and id, the XMP metadata that repeats the document information, and what
     * PDF/A asks besides.
     */
    private void finish(PdfWriter writer, Book book, byte[] documentId, Folios folios) {
        writer.setPageLabels(folios.pdfLabels());
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(book.metadata().language()));
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
        // A reproducible file: a date given, never the clock's, and the file id from its content.
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(date.toEpochMilli());
        PdfDate pdfDate = new PdfDate(calendar);
        writer.getInfo().put(PdfName.CREATIONDATE, pdfDate);
        writer.getInfo().put(PdfName.MODDATE, pdfDate);
        writer.getInfo().put(PdfName.CREATOR, new PdfString("cjkbook"));
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
        XmpMetadata.Claims claims = new XmpMetadata.Claims(0, ' ', 1);
        if (archival) {
            // The colours are sRGB's: what the page means by its RGB, on any device, for good.
            try {
                writer.setOutputIntents(SRGB, null, "http://www.color.org", SRGB,
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
            } catch (IOException e) {
                throw new IllegalStateException("the sRGB colour profile cannot be embedded", e);
            }
            claims = new XmpMetadata.Claims(1, 'A', 1);
        }
        writer.setXmpMetadata(XmpMetadata.of(writer.getInfo(), book.metadata().language(),
                book.metadata().subjects(), date, documentId, claims));
    }

    /** The registered name of the sRGB colour space, which the output intent of an archival PDF names. */
    private static final String SRGB = "sRGB IEC61966-2.1";

    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // A temporary folder left behind is not worth failing a finished book for.
        }
    }

    /**
     * The font as OpenPDF embeds it: the program as it is, a subset already, whose name
     * carries its subset tag. Its CIDSet, which PDF/A-1 asks for, lists every glyph the
     * font maps a character to; other PDFs have none, as it is optional there.
     */
    private BaseFont baseFont(Face face, byte[] program) {
        try {
            BaseFont font = BaseFont.createFont(face.name().toLowerCase(java.util.Locale.ROOT) + ".ttf",
                    BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, program, null);
            font.setSubset(false);
            font.setIncludeCidSet(false);
            if (archival) {
                font.addSubsetRange(new int[] {0, 0xFFFF});
            }
            return font;
        } catch (DocumentException | IOException e) {
            throw new BookException("font for " + face.name().toLowerCase(java.util.Locale.ROOT)
                    + " text cannot be used for the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * A parser for each thread that reads print markup: making one costs a chapter's
     * parsing over again. Its own DOCTYPE is <!DOCTYPE html>: allowed, and nothing it names is loaded.
     */
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> PARSERS =
            ThreadLocal.withInitial(() -> SafeXml.parser(true));

    private static Document parse(String xml) {
        try {
            return PARSERS.get().parse(SafeXml.source(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("print markup is not well-formed XML", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
