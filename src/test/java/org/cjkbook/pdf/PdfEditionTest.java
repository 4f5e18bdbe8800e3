package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.cjkbook.Builds;
import org.cjkbook.PdfText;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.read.BookLoader;
import org.cjkbook.text.CharClasses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfEditionTest {

    /** The text block of the seed's A5 pages, as distances from the page's top and bottom edges. */
    private static final float TOP_MARGIN = (float) PageGeometry.A5.topMargin();
    private static final float BOTTOM_MARGIN = (float) PageGeometry.A5.bottomMargin();

    private static Book book;
    private static PDDocument pdf;

    @BeforeAll
    static void buildSeed() throws IOException {
        book = new BookLoader().load(Builds.SEED).book();
        pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile());
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName());
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
                PDFontDescriptor descriptor = font instanceof PDType0Font type0
                        ? ((PDCIDFont) type0.getDescendantFont()).getFontDescriptor() : font.getFontDescriptor();
                assertThat(descriptor.getFontFile2()).as(font.getName() + " carries its TrueType program").isNotNull();
            }
        }
        assertThat(fonts).anyMatch(n -> n.endsWith("+NotoSerifSC-Regular"))
                .anyMatch(n -> n.endsWith("+NotoSansSC-Bold"));
    }

    @Test
    void outlineHasOneEntryPerChapter() {
        List<String> titles = new ArrayList<>();
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            titles.add(item.getTitle());
        }
        assertThat(titles).containsExactly("永葆初心本色 践行使命担当", "以上率下、立根铸魂，补足精神之钙",
                "对准目标、从严从实，勇于自我革命", "初心永挚、行稳致远，永葆赤子之心");
    }

    @Test
    void documentTitleAndLanguageAreSet() {
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("永葆初心本色 践行使命担当");
        assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-Hans");
    }

    @Test
    void textOfEachChapterEqualsItsSourceParagraphs() throws IOException {
        // An article's sections run on: each chapter's text follows the one before it.
        StringBuilder printed = new StringBuilder();
        PdfText.lines(pdf, TOP_MARGIN, BOTTOM_MARGIN).forEach(l -> printed.append(l.text()));
        String all = withoutSpace(printed.toString());
        int at = all.indexOf(withoutSpace(book.metadata().title()));
        for (int i = 0; i < book.chapters().size(); i++) {
            String chapter = withoutSpace(sourceText(book.chapters().get(i)));
            assertThat(all.indexOf(chapter, at)).as("chapter " + (i + 1)).isGreaterThanOrEqualTo(at);
            at = all.indexOf(chapter, at) + chapter.length();
        }
        assertThat(all.substring(at)).startsWith("书名：");
    }

    @Test
    void headlineAndColophonShowTheirWholeText() throws IOException {
        List<PdfText.Line> lines = PdfText.lines(pdf, TOP_MARGIN, BOTTOM_MARGIN);
        String firstPage = String.join("", lines.stream().filter(l -> l.page() == 1).map(PdfText.Line::text).toList());
        String colophon = String.join("", lines.stream().filter(l -> l.page() == pdf.getNumberOfPages())
                .map(PdfText.Line::text).toList());
        assertThat(firstPage).startsWith("“不忘初心、牢记使命”主题教育" + "永葆初心本色 践行使命担当" + "辉煌历程"
                + "不忘初心方能行稳致远");
        assertThat(colophon).contains("版式设计：张芳曼\u3000沈亦伶", "书名：");
    }

    @Test
    void marginsHoldOnlyRunningHeadsAndFolios() throws IOException {
        // Lines outside the text block: a line painted twice across a page break shows here.
        List<String> heads = new ArrayList<>(List.of(book.metadata().title()));
        book.chapters().stream().filter(Chapter::hasTitle).forEach(c -> heads.add(c.titleText()));
        float height = pdf.getPage(0).getMediaBox().getHeight();
        List<String> strays = new ArrayList<>();
        for (PdfText.Line line : PdfText.lines(pdf, 0, 0)) {
            boolean inTop = line.y() <= TOP_MARGIN;
            boolean inBottom = line.y() >= height - BOTTOM_MARGIN;
            String text = line.text().strip();
            if ((inTop && !heads.contains(text)) || (inBottom && !text.matches("\\d+"))) {
                strays.add("page " + line.page() + " y=" + line.y() + ": " + text);
            }
        }
        assertThat(strays).isEmpty();
    }

    @Test
    void anArticlesOpeningIsOnItsFirstPage() {
        assertThat(chapterStartPages().get(0)).isEqualTo(1);
    }

    @Test
    void noLineStartsOrEndsWithAForbiddenMark() throws IOException {
        List<String> violations = new ArrayList<>();
        for (PdfText.Line line : PdfText.lines(pdf, TOP_MARGIN, BOTTOM_MARGIN)) {
            String text = line.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (CharClasses.isLineStartProhibited(text.codePointAt(0))) {
                violations.add("page " + line.page() + " starts with " + text);
            }
            if (CharClasses.isLineEndProhibited(text.codePointBefore(text.length()))) {
                violations.add("page " + line.page() + " ends with " + text);
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Page numbers (from 1) where the outline says each chapter starts. */
    private static List<Integer> chapterStartPages() {
        List<Integer> pages = new ArrayList<>();
        try {
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                PDPageDestination destination = (PDPageDestination) item.getDestination();
                pages.add(pdf.getPages().indexOf(destination.getPage()) + 1);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pages;
    }

    private static String sourceText(Chapter chapter) {
        StringBuilder text = new StringBuilder(chapter.hasTitle() ? chapter.titleText() : "");
        for (Block block : chapter.blocks()) {
            text.append(Inline.plainText(((Block.Paragraph) block).content()));
        }
        return text.toString();
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("[\\s\\u3000]", "");
    }
}
