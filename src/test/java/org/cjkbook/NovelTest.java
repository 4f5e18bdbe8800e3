package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.pdf.PageGeometry;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;

/** A whole novel, 红楼梦: 120 chapters, 860,000 characters, nothing lost on the way. */
class NovelTest {

    private static final PageGeometry A5 = PageGeometry.A5;

    private static final String NOVEL = "novel-hongloumeng.txt";

    private static Path built() {
        return Builds.of(Corpus.require(NOVEL));
    }

    @Test
    void hasTheHundredAndTwentyChaptersOfItsTitles() {
        Book book = new BookLoader().load(Corpus.require(NOVEL)).book();
        List<String> titles = book.chapters().stream().map(Chapter::titleText).toList();
        assertThat(book.metadata().title()).isEqualTo("红楼梦");
        assertThat(titles).hasSize(120);
        assertThat(titles.get(0)).isEqualTo("第一回\u3000甄士隐梦幻识通灵\u3000贾雨村风尘怀闺秀");
        assertThat(titles.get(37)).isEqualTo("第三十八回\u3000林潇湘魁夺菊花诗\u3000薛蘅芜讽和螃蟹咏");
        assertThat(titles.get(119)).isEqualTo("第一二零回\u3000甄士隐详说太虚情\u3000贾雨村归结红楼梦");
    }

    /**
     * The poems that stand alone in the source, a couplet to the line, are verse: chapter
     * five's couplet and its last 判词. The 赋 above them, wrapped at a width, stays prose, as
     * does a 判词 whose second line runs on into the story.
     */
    @Test
    void poemsStandingAloneAreVerseAndWrappedProseIsNot() {
        Book book = new BookLoader().load(Corpus.require(NOVEL)).book();
        List<Block> chapterFive = book.chapters().get(4).blocks();
        List<List<String>> poems = chapterFive.stream().filter(Block.Verse.class::isInstance)
                .map(b -> ((Block.Verse) b).lines().stream().map(Inline::plainText).toList()).toList();
        assertThat(poems).containsExactly(
                List.of("厚地高天，堪叹古今情不尽，", "痴男怨女，可怜风月债难偿．"),
                List.of("情天情海幻情身，情既相逢必主淫．", "漫言不肖皆荣出，造衅开端实在宁．"));
        List<String> paragraphs = chapterFive.stream().filter(Block.Paragraph.class::isInstance)
                .map(b -> Inline.plainText(((Block.Paragraph) b).content())).toList();
        assertThat(paragraphs).contains("方离柳坞，乍出花房．但行处，鸟惊庭树，将到时，",
                "影度回廊．仙袂乍飘兮，闻麝兰之馥郁，荷衣欲动兮，", "可叹停机德，堪怜咏絮才．");
        long verse = book.chapters().stream().flatMap(c -> c.blocks().stream())
                .filter(Block.Verse.class::isInstance).count();
        assertThat(verse).as("poems in the novel, each looked at").isEqualTo(63);
    }

    @Test
    void epubTextHoldsEveryHanCharacterOfTheSourceInOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(built().resolve("novel-hongloumeng.epub").toFile())) {
            List<String> documents = new ArrayList<>(List.of("EPUB/titlepage.xhtml"));
            for (int i = 1; i <= 120; i++) {
                documents.add("EPUB/chapter-" + i + ".xhtml");
            }
            for (String name : documents) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    var factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(in.readAllBytes()));
                    text.append(document.getElementsByTagName("body").item(0).getTextContent());
                }
            }
        }
        HanText.assertSame(text, source());
    }

    @Test
    void pdfTextHoldsEveryHanCharacterOfTheSourceInOrder() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(built().resolve("novel-hongloumeng.pdf").toFile())) {
            List<PDOutlineItem> chapters = new ArrayList<>();
            pdf.getDocumentCatalog().getDocumentOutline().children().forEach(chapters::add);
            assertThat(chapters).hasSize(120);
            int first = pdf.getPages().indexOf(((PDPageDestination) chapters.get(0).getDestination()).getPage()) + 1;
            // Running heads and folios stand outside the text block: take the body's text only.
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition position) {
                    float y = position.getYDirAdj();
                    if (y > A5.topMargin() && y < position.getPageHeight() - A5.bottomMargin()) {
                        super.processTextPosition(position);
                    }
                }
            };
            stripper.setStartPage(first);
            stripper.setEndPage(pdf.getNumberOfPages());
            String title = source().lines().findFirst().orElseThrow();
            HanText.assertSame(stripper.getText(pdf), source().substring(title.length()));
        }
    }

    @Test
    void noLineOfTheNovelStartsOrEndsWithAForbiddenMark() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(built().resolve("novel-hongloumeng.pdf").toFile())) {
            List<String> violations = new ArrayList<>();
            for (PdfText.Line line : PdfText.lines(pdf, (float) A5.topMargin(), (float) A5.bottomMargin())) {
                String text = line.text().strip();
                if (!text.isEmpty() && (org.cjkbook.text.CharClasses.isLineStartProhibited(text.codePointAt(0))
                        || org.cjkbook.text.CharClasses.isLineEndProhibited(text.codePointBefore(text.length())))) {
                    violations.add("page " + line.page() + ": " + text);
                }
            }
            assertThat(violations).isEmpty();
        }
    }

    private static String source() {
        try {
            return Files.readString(Corpus.require(NOVEL), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
