package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.PdfText;
import org.junit.jupiter.api.Test;

/**
 * Code in print and on screen: set in the mono face wherever it stands, its Han in the body
 * face on the mono columns; and quotations whose paragraphs can be told apart.
 */
class CodeTest {

    private static final String CHAPTER = "md-trpl-ch04-01-what-is-ownership";
    private static final String MONO = "NotoSansMono-Regular";
    private static final String BODY = "NotoSerifSC-Regular";
    /** A5: the top and bottom margins, which hold the running heads and folios. */
    private static final float TOP = 50, BOTTOM = 50;
    private static final float EM = 10.5f;

    private static List<PdfText.Line> lines(Path folder, String name) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(folder.resolve(name + ".pdf").toFile())) {
            return PdfText.lines(pdf, TOP, BOTTOM);
        }
    }

    private static String font(TextPosition glyph) {
        String name = glyph.getFont().getName();
        return name.substring(name.indexOf('+') + 1);
    }

    private static PdfText.Line line(List<PdfText.Line> lines, String text) {
        return lines.stream().filter(l -> l.text().replace(" ", "").equals(text.replace(" ", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + text + " in " + lines));
    }

    @Test
    void inlineCodeInAHeadingIsPrintedInTheMonoFace() throws IOException {
        List<PdfText.Line> lines = lines(Builds.of(Corpus.require(CHAPTER + ".md")), CHAPTER);
        PdfText.Line heading = line(lines, "String 类型");
        List<TextPosition> code = heading.glyphs().subList(0, "String".length());
        assertThat(code).extracting(CodeTest::font).containsOnly(MONO);
        assertThat(heading.glyphs().get(heading.glyphs().size() - 1)).extracting(CodeTest::font)
                .isEqualTo("NotoSansSC-Bold");
    }

    @Test
    void codeBlocksAndInlineCodeAreSetInTheMonoFace() throws IOException {
        List<PdfText.Line> lines = lines(Builds.of(Corpus.require(CHAPTER + ".md")), CHAPTER);
        PdfText.Line block = line(lines, "let s = \"hello\";");
        assertThat(block.glyphs()).extracting(CodeTest::font).containsOnly(MONO);
        // Every glyph of a mono face advances by the same width.
        assertThat(block.glyphs()).extracting(TextPosition::getWidthDirAdj)
                .allSatisfy(w -> assertThat(w).isCloseTo(block.glyphs().get(0).getWidthDirAdj(), within(0.01f)));
        PdfText.Line prose = lines.stream().filter(l -> l.text().contains("fn main() {")).findFirst().orElseThrow();
        int start = prose.text().indexOf("fn main() {");
        assertThat(prose.glyphs().subList(start, start + "fn main() {".length()))
                .filteredOn(g -> !g.getUnicode().isBlank()).extracting(CodeTest::font).containsOnly(MONO);
        assertThat(prose.glyphs().get(start + "fn main() {".length())).extracting(CodeTest::font).isEqualTo(BODY);
    }

    @Test
    void hanInCodeIsSetInTheBodyFaceOnTheMonoColumns() throws IOException {
        Path folder = Builds.of(Path.of("src/test/resources/markdown/code-columns.md"));
        List<PdfText.Line> lines = lines(folder, "code-columns");
        List<PdfText.Line> block = List.of(line(lines, "let s = String::from(\"hi\"); // 分配在堆上"),
                line(lines, "let n = 5;                  // 整数在栈上"),
                line(lines, "let 名字 = \"张三\";          // 两个汉字占四列"));
        float[] comments = new float[block.size()];
        for (int i = 0; i < block.size(); i++) {
            List<TextPosition> glyphs = block.get(i).glyphs();
            for (TextPosition glyph : glyphs) {
                boolean han = Character.UnicodeScript.of(glyph.getUnicode().codePointAt(0)) == Character.UnicodeScript.HAN;
                assertThat(font(glyph)).as(glyph.getUnicode()).isEqualTo(han ? BODY : MONO);
            }
            comments[i] = glyphs.stream().filter(g -> g.getUnicode().equals("/")).findFirst().orElseThrow().getXDirAdj();
        }
        // Each Han character takes two columns, so the comments after it line up.
        assertThat(comments[1]).isCloseTo(comments[0], within(0.1f));
        assertThat(comments[2]).isCloseTo(comments[0], within(0.1f));
    }

    @Test
    void quotedParagraphsAreIndentedLikeTheText() throws IOException {
        List<PdfText.Line> lines = lines(Builds.of(Corpus.require(CHAPTER + ".md")), CHAPTER);
        for (String opening : List.of("在很多语言中", "栈和堆都是代码", "堆是缺乏组织的")) {
            PdfText.Line first = lines.stream().filter(l -> l.text().startsWith(opening)).findFirst().orElseThrow();
            PdfText.Line next = lines.get(lines.indexOf(first) + 1);
            assertThat(next.page()).isEqualTo(first.page());
            assertThat(first.left()).as("the first line of " + opening).isCloseTo(next.left() + 2 * EM, within(0.5f));
        }
    }

    @Test
    void theMonoFaceIsEmbeddedOnlyWhereThereIsCode() throws IOException {
        Map<String, byte[]> chapter = Builds.entries(Builds.of(Corpus.require(CHAPTER + ".md")).resolve(CHAPTER + ".epub"));
        assertThat(chapter).containsKey("EPUB/fonts/mono.ttf");
        assertThat(new String(chapter.get("EPUB/css/epub.css"), StandardCharsets.UTF_8)).contains("url(../fonts/mono.ttf)");

        Path seed = Builds.of(Builds.SEED);
        Map<String, byte[]> book = Builds.entries(seed.resolve("book.epub"));
        assertThat(book).doesNotContainKey("EPUB/fonts/mono.ttf").containsKey("EPUB/fonts/body.ttf");
        assertThat(new String(book.get("EPUB/css/epub.css"), StandardCharsets.UTF_8))
                .doesNotContain("mono.ttf").contains("url(../fonts/body.ttf)");
        try (PDDocument pdf = Loader.loadPDF(seed.resolve("book.pdf").toFile())) {
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).getName()).doesNotContain("Mono");
                }
            }
        }
    }
}
