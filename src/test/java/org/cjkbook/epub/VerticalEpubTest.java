package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.cjkbook.Builds;
import org.cjkbook.ExternalTool;
import org.cjkbook.font.Face;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The vertical EPUB (writing-mode: vertical) of the seed in Taiwan's Traditional Chinese,
 * and, for the marks that only mainland fonts turn, of the seed as it is.
 */
class VerticalEpubTest {

    /** The marks whose vertical forms the text needs. */
    private static final String MARKS = "，。、：；「」『』（）——……";
    private static final String[] SCRIPTS = {"hani"};
    private static final Path SHOTS = Path.of("target/reading-engines/vertical");

    private static Path traditional() {
        return Builds.of(Builds.SEED, "--script", "hant-tw", "--vertical", "--format", "epub").resolve("book.epub");
    }

    private static Path simplified() {
        return Builds.of(Builds.SEED, "--vertical", "--format", "epub").resolve("book.epub");
    }

    @Test
    void bothPassEpubCheckWithoutAnyMessage() {
        assertThat(EpubCheckReport.check(traditional().toFile())).isEmpty();
        assertThat(EpubCheckReport.check(simplified().toFile())).isEmpty();
    }

    @Test
    void packageAndStylesheetSetTheBookInColumnsFromRightToLeft() throws IOException {
        Map<String, byte[]> entries = Builds.entries(traditional());
        String opf = new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<meta name=\"primary-writing-mode\" content=\"vertical-rl\"/>")
                .contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">");
        assertThat(new String(entries.get("EPUB/css/vertical.css"), StandardCharsets.UTF_8))
                .contains("writing-mode: vertical-rl;").contains("-epub-writing-mode: vertical-rl;")
                .contains("text-combine-upright: all;").contains("text-emphasis-position: over right;");
        String chapter = new String(entries.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains("href=\"css/vertical.css\"")
                .contains("從2019年5月底開始").contains("成立<span class=\"upright\">70</span>年")
                .contains("當年<span class=\"upright\">10</span>月").doesNotContain(">2019<").doesNotContain(">9000<");
        String horizontal = new String(Builds.entries(Builds.of(Builds.SEED).resolve("book.epub"))
                .get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(horizontal).doesNotContain("primary-writing-mode").doesNotContain("page-progression-direction");
    }

    /**
     * Every embedded font substitutes a vertical form for each of the marks it draws where
     * its original does, with the original's outline; the Traditional fonts centre
     * ，。、：；, which need none, and no Noto CJK font has one for the dash (engines turn it
     * on its side, as Unicode's vertical orientation R says).
     */
    @Test
    void everyEmbeddedFontKeepsTheVerticalFormsOfItsMarks() throws IOException {
        // The marks of the list the seed's body text holds, less those that need no vertical form.
        check(traditional(), true, "「」『』…");
        check(simplified(), false, "，。、；…");
    }

    private static void check(Path epub, boolean traditional, String turned) throws IOException {
        Map<String, byte[]> entries = Builds.entries(epub);
        for (Face face : Face.values()) {
            byte[] program = entries.get("EPUB/" + EpubEdition.fontFile(face));
            if (program == null || face == Face.MONO) {
                continue;
            }
            StringBuilder substituted = new StringBuilder();
            try (TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(program));
                 TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBufferedFile(
                         Path.of("fonts", face.fileName(traditional)).toFile()))) {
                for (int mark : MARKS.codePoints().distinct().toArray()) {
                    int glyph = subset.getUnicodeCmapLookup().getGlyphId(mark);
                    if (glyph == 0) {
                        continue;
                    }
                    int originalGlyph = original.getUnicodeCmapLookup().getGlyphId(mark);
                    int form = verticalForm(subset, glyph);
                    int originalForm = verticalForm(original, originalGlyph);
                    String what = epub.getParent().getFileName() + " " + face + " " + Character.toString(mark);
                    assertThat(form != glyph).as(what + " substituted").isEqualTo(originalForm != originalGlyph);
                    if (form != glyph) {
                        assertThat(box(subset.getGlyph().getGlyph(form))).as(what + "'s vertical form")
                                .isEqualTo(box(original.getGlyph().getGlyph(originalForm)));
                        assertThat(subset.getAdvanceHeight(form)).isEqualTo(original.getAdvanceHeight(originalForm));
                        substituted.appendCodePoint(mark);
                    }
                }
            }
            if (face == Face.BODY) {
                assertThat(substituted.toString()).as(face + " of " + epub).isEqualTo(turned);
            }
        }
    }

    /** The glyph the font's {@code vert} feature puts for {@code glyph}: itself where it has none. */
    private static int verticalForm(TrueTypeFont font, int glyph) throws IOException {
        return font.getGsub() == null ? glyph : font.getGsub().getSubstitution(glyph, SCRIPTS, List.of("vert"));
    }

    private static List<Short> box(GlyphData glyph) {
        return List.of(glyph.getXMinimum(), glyph.getYMinimum(), glyph.getXMaximum(), glyph.getYMaximum());
    }

    @Test
    void embeddedFontsPassTheOpenTypeSanitizer(@TempDir Path temp) throws IOException {
        Path ots = ExternalTool.require("ots-sanitize");
        for (Path epub : List.of(traditional(), simplified())) {
            for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
                if (entry.getKey().endsWith(".ttf")) {
                    Path font = Files.write(temp.resolve("font.ttf"), entry.getValue());
                    ExternalTool.Run run = ExternalTool.run(ots, font.toString(), temp.resolve("out.ttf").toString());
                    assertThat(run.exitCode()).as(entry.getKey() + ": " + run.output()).isZero();
                    assertThat(run.output()).doesNotContain("WARNING").doesNotContain("ERROR");
                }
            }
        }
    }

    /**
     * Chromium sets the text in columns that follow one another from right to left, and
     * draws the marks in their vertical forms: in Taiwan's fonts ， stays centred in its
     * cell and 「 turns to open downwards, its ink in the cell's lower half; in mainland
     * fonts ， moves to the upper right corner, where it is drawn only by the vertical form.
     */
    @Test
    void chromiumSetsColumnsFromRightToLeftInVerticalForms() throws IOException {
        JsonNode traditional = layout(traditional(), "tc");
        assertThat(traditional.get("writingMode").asText()).isEqualTo("vertical-rl");
        JsonNode paragraph = traditional.get("paragraph");
        assertThat(paragraph.get("height").asDouble()).as("the first paragraph is a column")
                .isGreaterThan(paragraph.get("width").asDouble());
        assertThat(traditional.get("second").get("x").asDouble()).as("its second line is left of its first")
                .isLessThan(traditional.get("first").get("x").asDouble() - traditional.get("first").get("width").asDouble() / 2);
        double[] comma = ink(traditional, "，");
        assertThat(comma[0]).as("， across its cell").isBetween(0.35, 0.65);
        assertThat(comma[1]).as("， down its cell").isBetween(0.35, 0.65);
        assertThat(ink(traditional, "「")[1]).as("「 down its cell").isGreaterThan(0.6);

        double[] mainland = ink(layout(simplified(), "sc"), "，");
        assertThat(mainland[0]).as("， across its cell, in a mainland font").isGreaterThan(0.6);
        assertThat(mainland[1]).as("， down its cell, in a mainland font").isLessThan(0.4);
    }

    /** The layout of an EPUB's first chapter in a 480 × 360 window, with the cells of ， and 「. */
    private static JsonNode layout(Path epub, String name) throws IOException {
        Path node = ExternalTool.require("node");
        Path modules = ExternalTool.require("ace-cli").getParent().getParent();
        String chromium = System.getenv("PUPPETEER_EXECUTABLE_PATH") != null
                ? System.getenv("PUPPETEER_EXECUTABLE_PATH") : ExternalTool.require("chromium").toString();
        Path folder = Files.createTempDirectory("cjkbook-vertical");
        for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
            Path file = folder.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        Path shots = Files.createDirectories(SHOTS).toAbsolutePath();
        ExternalTool.Run run = ExternalTool.run(node, Path.of("src/test/resources/chromium/vertical.js").toString(),
                modules.toString(), chromium, "480", "360", shots.resolve(name).toString(),
                folder.resolve("EPUB/chapter-1.xhtml").toAbsolutePath().toString(), "，「");
        assertThat(run.exitCode()).as(run.output()).isZero();
        return new ObjectMapper().readTree(run.output().substring(run.output().indexOf('{')));
    }

    /**
     * Where the ink of a mark's glyph lies in its cell, from the screenshot: the centre of
     * its dark pixels, across (0 left, 1 right) and down (0 top, 1 bottom).
     */
    private static double[] ink(JsonNode layout, String mark) throws IOException {
        for (JsonNode cell : layout.get("cells")) {
            if (!cell.get("mark").asText().equals(mark)) {
                continue;
            }
            BufferedImage shot = ImageIO.read(Path.of(cell.get("shot").asText()).toFile());
            double scale = 4;
            JsonNode box = cell.get("cell");
            int left = (int) Math.round(box.get("x").asDouble() * scale);
            int top = (int) Math.round(box.get("y").asDouble() * scale);
            int width = (int) Math.round(box.get("width").asDouble() * scale);
            int height = (int) Math.round(box.get("height").asDouble() * scale);
            double sumX = 0;
            double sumY = 0;
            int dark = 0;
            for (int y = top; y < top + height; y++) {
                for (int x = left; x < left + width; x++) {
                    int rgb = shot.getRGB(x, y);
                    int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    if (luminance < 128) {
                        sumX += x - left + 0.5;
                        sumY += y - top + 0.5;
                        dark++;
                    }
                }
            }
            assertThat(dark).as("ink of " + mark + " in " + cell.get("shot").asText()).isGreaterThan(10);
            return new double[] {sumX / dark / width, sumY / dark / height};
        }
        throw new AssertionError(mark + " not found in " + layout);
    }
}
