package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.PdfText;
import org.junit.jupiter.api.Test;

/** How the pages of an article and of a book are made up: front matter, folios, labels, count. */
class PagesTest {

    private static final PageGeometry A5 = PageGeometry.A5;

    @Test
    void theSeedArticleIsABookletOfAtMostSixPagesWithItsHeadlineOverTheOpening() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isBetween(5, 6);
            List<String> pages = pageTexts(pdf);
            assertThat(pages).noneMatch(String::isBlank);
            assertThat(String.join("", pages)).doesNotContain("目录");
            String first = pages.get(0);
            int kicker = first.indexOf("“不忘初心、牢记使命”主题教育");
            int title = first.indexOf("永葆初心本色");
            int opening = first.indexOf("不忘初心方能行稳致远");
            assertThat(kicker).isNotNegative().isLessThan(title);
            assertThat(title).isLessThan(opening);
            // The colophon closes the text, its date as Chinese books print it.
            assertThat(pages.get(pages.size() - 1)).contains("2026年11月27日").doesNotContain("2026-11-27");
        }
    }

    @Test
    void theNovelOpensLikeABookWithItsColophonOnTheTitlePagesBackAndItsBodyOnPageOne() throws IOException {
        Path built = Builds.of(Corpus.require("novel-hongloumeng.txt"));
        try (PDDocument pdf = Loader.loadPDF(built.resolve("novel-hongloumeng.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages() % 2).isZero();
            PDPageLabels own = pdf.getDocumentCatalog().getPageLabels();
            assertThat(own).isNotNull();
            String[] labels = own.getLabelsByPageIndices();
            assertThat(labels[0]).isEqualTo("i");
            assertThat(labels[1]).isEqualTo("ii");
            int body = List.of(labels).indexOf("1");
            assertThat(body).isGreaterThan(2);
            // The body opens on a right-hand page, after front matter of whole leaves.
            assertThat(body % 2).isZero();
            List<String> pages = pageTexts(pdf);
            assertThat(pages.get(body)).startsWith("第一回");
            // The colophon names the book as the EPUB does, and credits the fonts its text is set in.
            String identifier = new String(Builds.entries(built.resolve("novel-hongloumeng.epub"))
                    .get("EPUB/package.opf"), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("(?s).*<dc:identifier id=\"pub-id\">([^<]+)<.*", "$1");
            assertThat(identifier).startsWith("urn:uuid:");
            assertThat(pages.get(1).replaceAll("\\s", "")).contains("书名：红楼梦", "标识：" + identifier,
                    "字体：NotoSerifSC、NotoSansSC").doesNotContain("Mono");
            assertThat(pages.get(2)).contains("目录");
            assertFoliosOnTheOuterEdge(pdf, labels);
        }
    }

    @Test
    void noChapterOfTheNovelEndsWithOneLineAloneOnAPage() throws IOException {
        Path built = Builds.of(Corpus.require("novel-hongloumeng.txt"));
        try (PDDocument pdf = Loader.loadPDF(built.resolve("novel-hongloumeng.pdf").toFile())) {
            // Each chapter opens where its bookmark leads; the page before, blank pages passed, is its predecessor's last.
            List<Integer> openings = new ArrayList<>();
            for (var item = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild(); item != null;
                    item = item.getNextSibling()) {
                openings.add(pdf.getPages().indexOf(item.findDestinationPage(pdf)) + 1);
            }
            List<PdfText.Line> lines = PdfText.lines(pdf, (float) A5.topMargin(), (float) A5.bottomMargin());
            Map<Integer, Integer> perPage = new java.util.TreeMap<>();
            lines.forEach(l -> perPage.merge(l.page(), 1, Integer::sum));
            openings.add(pdf.getNumberOfPages() + 1);
            List<Integer> alone = new ArrayList<>();
            for (int c = 1; c < openings.size(); c++) {
                int last = openings.get(c) - 1;
                while (!perPage.containsKey(last)) {
                    last--;
                }
                if (perPage.get(last) < 2) {
                    alone.add(last);
                }
            }
            System.out.println("novel: " + (openings.size() - 1) + " chapters, " + alone.size()
                    + " end with one line on a page " + alone);
            assertThat(openings).hasSize(121);
            assertThat(alone).as("pages holding a chapter's last line alone").isEmpty();
        }
    }

    @Test
    void everyPairOfDashesInTheSeedIsDrawnAsOneRuleColophonIncluded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            List<PdfText.Line> lines = PdfText.lines(pdf, 0, 0);
            List<String> gaps = new ArrayList<>();
            int dashes = 0;
            for (PdfText.Line line : lines) {
                for (TextPosition glyph : line.glyphs()) {
                    if (glyph.getUnicode().equals("\u2014")) {
                        dashes++;
                        // A joined dash is its glyph stretched sideways until it meets the next.
                        var matrix = glyph.getTextMatrix();
                        if (matrix.getScalingFactorX() < matrix.getScalingFactorY() * 1.05f) {
                            gaps.add("page " + line.page() + ": " + line.text());
                        }
                    }
                }
            }
            assertThat(dashes).isEqualTo(4);
            assertThat(gaps).isEmpty();
            assertThat(String.join("", pageTexts(pdf))).contains("主题教育——永葆初心本色");
        }
    }

    /** Every folio is the page's label, on the outer half of the page: right on odd pages, left on even. */
    private static void assertFoliosOnTheOuterEdge(PDDocument pdf, String[] labels) throws IOException {
        float foot = (float) (A5.heightPoints() - A5.bottomMargin());
        List<String> misplaced = new ArrayList<>();
        int folios = 0;
        for (int index = 0; index < pdf.getNumberOfPages(); index += index < 40 ? 1 : 37) {
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition glyph) {
                    if (glyph.getYDirAdj() > foot) {
                        glyphs.add(glyph);
                    }
                }
            };
            stripper.setStartPage(index + 1);
            stripper.setEndPage(index + 1);
            stripper.getText(pdf);
            if (glyphs.isEmpty()) {
                continue;
            }
            folios++;
            StringBuilder text = new StringBuilder();
            glyphs.forEach(g -> text.append(g.getUnicode()));
            float middle = pdf.getPage(index).getMediaBox().getWidth() / 2;
            boolean recto = index % 2 == 0;
            boolean outer = glyphs.stream().allMatch(g -> recto ? g.getXDirAdj() > middle : g.getXDirAdj() < middle);
            if (!outer || !text.toString().equals(labels[index])) {
                misplaced.add("page " + (index + 1) + ": " + text);
            }
        }
        assertThat(folios).isGreaterThan(20);
        assertThat(misplaced).isEmpty();
    }

    /** The text of each page inside its text block, without white space. */
    private static List<String> pageTexts(PDDocument pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        Map<Integer, StringBuilder> byPage = new java.util.TreeMap<>();
        for (PdfText.Line line : PdfText.lines(pdf, (float) A5.topMargin() - 1, (float) A5.bottomMargin() - 1)) {
            byPage.computeIfAbsent(line.page(), k -> new StringBuilder()).append(line.text());
        }
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            StringBuilder text = byPage.get(page);
            pages.add(text == null ? "" : text.toString().replaceAll("\\s", ""));
        }
        return pages;
    }
}
