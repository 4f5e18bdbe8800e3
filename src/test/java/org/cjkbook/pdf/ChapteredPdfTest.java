package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.Corpus;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book laid out and written a chapter at a time, its front matter last and put first,
 * is the PDF that laying out the whole book at once makes: page by page the same text in
 * the same places, the same page labels, links to the same pages, the same outline, and
 * the same pages for the EPUB to print.
 */
class ChapteredPdfTest {

    /** A book of an untitled opening, chapters long and short, notes and links back and forth between chapters. */
    static final Path CHAPTERS = Path.of("src/test/resources/books/chapters");

    @TempDir
    Path out;

    @Test
    void aBookOfChaptersAndLinksBetweenThemIsTheSameLaidOutByChapterOrWhole() throws IOException {
        // The contents' four entries, and links from chapter to chapter besides.
        assertThat(assertSameBook(CHAPTERS)).hasSizeGreaterThan(4);
    }

    @Test
    void theNovelsFirstTenChaptersAreTheSameLaidOutByChapterOrWhole() throws IOException {
        assertThat(assertSameBook(Corpus.novelOpening(10))).hasSize(10);
    }

    @Test
    void aBookLaidOutByChapterIsTheSameEveryBuild() throws IOException {
        BookLoader.Loaded loaded = new BookLoader().load(CHAPTERS);
        write(loaded, true, out.resolve("first.pdf"));
        write(loaded, true, out.resolve("again.pdf"));
        assertThat(Files.mismatch(out.resolve("first.pdf"), out.resolve("again.pdf"))).isEqualTo(-1);
    }

    /** Asserts that both ways make the same PDF of {@code source}, and returns its links. */
    private List<String> assertSameBook(Path source) throws IOException {
        BookLoader.Loaded loaded = new BookLoader().load(source);
        Book book = loaded.book();
        assertThat(book.layout()).isEqualTo(Book.Layout.BOOK);
        PdfEdition.Printed byChapter = write(loaded, true, out.resolve("by-chapter.pdf"));
        PdfEdition.Printed whole = write(loaded, false, out.resolve("whole.pdf"));

        assertThat(byChapter.pages()).isEqualTo(whole.pages());
        assertThat(byChapter.pageStarts()).isEqualTo(whole.pageStarts());
        try (PDDocument chaptered = Loader.loadPDF(out.resolve("by-chapter.pdf").toFile());
             PDDocument oneGo = Loader.loadPDF(out.resolve("whole.pdf").toFile())) {
            assertThat(chaptered.getNumberOfPages()).isEqualTo(oneGo.getNumberOfPages()).isEqualTo(whole.pages());
            assertThat(labels(chaptered)).containsExactly(labels(oneGo));
            assertThat(outline(chaptered)).isEqualTo(outline(oneGo)).hasSize(book.chapters().size());
            List<String> links = new ArrayList<>();
            for (int i = 0; i < oneGo.getNumberOfPages(); i++) {
                List<Glyph> expected = glyphs(oneGo, i);
                List<Glyph> actual = glyphs(chaptered, i);
                assertThat(actual).as("text of page %d", i + 1).extracting(Glyph::text)
                        .containsExactlyElementsOf(expected.stream().map(Glyph::text).toList());
                for (int g = 0; g < expected.size(); g++) {
                    assertThat(actual.get(g).x()).as("x of %s on page %d", expected.get(g), i + 1)
                            .isCloseTo(expected.get(g).x(), org.assertj.core.data.Offset.offset(0.01f));
                    assertThat(actual.get(g).y()).as("y of %s on page %d", expected.get(g), i + 1)
                            .isCloseTo(expected.get(g).y(), org.assertj.core.data.Offset.offset(0.01f));
                }
                List<String> pageLinks = links(oneGo, i);
                assertThat(links(chaptered, i)).as("links of page %d", i + 1).isEqualTo(pageLinks);
                links.addAll(pageLinks);
            }
            assertThat(links).noneMatch(link -> link.endsWith("-> -1"));
            return links;
        }
    }

    private static PdfEdition.Printed write(BookLoader.Loaded loaded, boolean byChapter, Path file) {
        FontSet fonts = FontSet.inFolder(Path.of("fonts"));
        PageGeometry page = PageGeometry.named(loaded.settings().pageSize());
        PrintMarkup markup = PdfEdition.markup(loaded.book(), page, fonts, true);
        Map<Face, byte[]> subsets = new EnumMap<>(Face.class);
        markup.coverage().characters().forEach((face, characters) -> {
            if (!characters.isEmpty()) {
                subsets.put(face, fonts.pdfSubset(face, characters));
            }
        });
        return new PdfEdition(subsets, page, Instant.parse("2026-02-01T00:00:00Z"), false, byChapter)
                .write(loaded.book(), markup, file);
    }

    private record Glyph(String text, float x, float y) {
    }

    /** The glyphs of a page in the order they are drawn, with where each is drawn. */
    private static List<Glyph> glyphs(PDDocument pdf, int index) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(new Glyph(text.getUnicode(), text.getXDirAdj(), text.getYDirAdj()));
            }
        };
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.getText(pdf);
        return glyphs;
    }

    private static String[] labels(PDDocument pdf) throws IOException {
        return pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
    }

    /** Each link of a page: where it is, and the index of the page it leads to (-1 for none). */
    private static List<String> links(PDDocument pdf, int index) throws IOException {
        List<String> links = new ArrayList<>();
        for (PDAnnotation annotation : pdf.getPage(index).getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link) {
                PDRectangle area = link.getRectangle();
                PDDestination destination = link.getAction() instanceof PDActionGoTo goTo ? goTo.getDestination()
                        : link.getDestination();
                links.add(String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f -> %d", area.getLowerLeftX(),
                        area.getLowerLeftY(), area.getUpperRightX(), area.getUpperRightY(),
                        target(pdf, destination)));
            }
        }
        return links;
    }

    private static int target(PDDocument pdf, PDDestination destination) throws IOException {
        PDPageDestination page = destination instanceof PDNamedDestination named
                ? pdf.getDocumentCatalog().findNamedDestinationPage(named)
                : (PDPageDestination) destination;
        if (page == null) {
            return -1;
        }
        PDPage target = page.getPage();
        return target == null ? page.getPageNumber() : pdf.getPages().indexOf(target);
    }

    /** The outline's entries: each title and the index of its page. */
    private static List<String> outline(PDDocument pdf) throws IOException {
        List<String> entries = new ArrayList<>();
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            entries.add(item.getTitle() + " -> " + target(pdf, item.getDestination()));
        }
        return entries;
    }
}
