package org.cjkbook.font;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.VerticalMetricsTable;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fonts read where they lie answer as FontBox's fully parsed fonts do, and subsets cut
 * from the compact fonts are those cut from the whole ones, for every bundled font.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrueTypeFileTest {

    private static final Path FONTS = Path.of("fonts");
    private static final String TEXT = "排版的学问：中文排版有自己的习惯，《说文解字》……破折号——ABC abc 123。";
    private static final String VERTICAL = "「一本书拿在手里，」（读者）首先看到的……是字的样子——行距、标点。";
    private static final String ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćČčĎďĒēĚěĞğĪīŁłŃńŇňŌōŘřŚśŠšŤťŪūŮůŹźŻżŽž";

    private final Map<String, TrueTypeFont> parsed = new HashMap<>();

    Stream<String> fonts() throws IOException {
        try (Stream<Path> files = Files.list(FONTS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".ttf"))
                    .sorted().toList().stream();
        }
    }

    private TrueTypeFont whole(String name) throws IOException {
        TrueTypeFont font = parsed.get(name);
        if (font == null) {
            font = new TTFParser().parse(new RandomAccessReadBufferedFile(FONTS.resolve(name).toFile()));
            parsed.put(name, font);
        }
        return font;
    }

    private static TrueTypeFile file(String name) throws IOException {
        return TrueTypeFile.read(FONTS.resolve(name));
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void everyCharacterHasTheGlyphFontBoxFinds(String name) throws IOException {
        CmapLookup cmap = whole(name).getUnicodeCmapLookup();
        TrueTypeFile file = file(name);
        int found = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            int glyph = cmap.getGlyphId(codePoint);
            if (file.glyph(codePoint) != glyph) {
                assertThat(file.glyph(codePoint)).as("glyph of U+%04X", codePoint).isEqualTo(glyph);
            }
            found += glyph == 0 ? 0 : 1;
        }
        assertThat(found).isGreaterThan(1000);
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void metricsNamesAndTablesAreFontBoxs(String name) throws IOException {
        TrueTypeFont font = whole(name);
        TrueTypeFile file = file(name);
        assertThat(file.glyphCount()).isEqualTo(font.getNumberOfGlyphs());
        assertThat(file.unitsPerEm()).isEqualTo(font.getUnitsPerEm());
        assertThat(file.familyName()).isEqualTo(font.getNaming().getFontFamily());
        assertThat(file.table("OS/2")).isEqualTo(font.getTableBytes(font.getTableMap().get("OS/2")));
        VerticalMetricsTable vmtx = font.getVerticalMetrics();
        assertThat(file.has("vmtx")).isEqualTo(vmtx != null);
        for (int glyph = 0; glyph < font.getNumberOfGlyphs(); glyph++) {
            if (file.advanceWidth(glyph) != font.getAdvanceWidth(glyph)) {
                assertThat(file.advanceWidth(glyph)).as("width of glyph %d", glyph)
                        .isEqualTo(font.getAdvanceWidth(glyph));
            }
            if (vmtx != null && (file.advanceHeight(glyph) != vmtx.getAdvanceHeight(glyph)
                    || file.topSideBearing(glyph) != vmtx.getTopSideBearing(glyph))) {
                assertThat(List.of(file.advanceHeight(glyph), file.topSideBearing(glyph))).as("glyph %d", glyph)
                        .isEqualTo(List.of(vmtx.getAdvanceHeight(glyph), vmtx.getTopSideBearing(glyph)));
            }
        }
        int stop = file.glyph('。') != 0 ? file.glyph('。') : file.glyph('.');
        GlyphData outline = font.getGlyph().getGlyph(stop);
        assertThat(List.of((int) file.glyphData(stop).getShort(2), (int) file.glyphData(stop).getShort(6)))
                .isEqualTo(List.of((int) outline.getXMinimum(), (int) outline.getXMaximum()));
    }

    @ParameterizedTest
    @MethodSource("fonts")
    void subsetsOfTheCompactFontAreThoseOfTheWholeFont(String name) throws IOException {
        TrueTypeFile file = file(name);
        TrueTypeFont font = whole(name);
        FontSubsetter.Parsed wholeFont = (glyphs, characters, layout) -> font;
        List<Set<Integer>> sets = List.of(FontSet.codePoints(TEXT), supplementary(file), FontSet.codePoints(ACCENTED));
        for (Set<Integer> codePoints : sets) {
            for (String pdfTag : new String[] {null, "ABCDEF+"}) {
                assertThat(FontSubsetter.subset(file, codePoints, false, pdfTag))
                        .as("%s, %d characters from U+%04X, tag %s", name, codePoints.size(),
                                codePoints.iterator().next(), pdfTag)
                        .isEqualTo(FontSubsetter.subset(file, codePoints, false, pdfTag, wholeFont));
            }
        }
        Set<Integer> vertical = FontSet.codePoints(VERTICAL);
        byte[] subset = FontSubsetter.subset(file, vertical, true, null);
        assertThat(subset).as("%s, vertical", name)
                .isEqualTo(FontSubsetter.subset(file, vertical, true, null, wholeFont));
        if (file.has("GSUB") && file.glyph('「') != 0) {
            assertThat(TrueTypeFile.of(subset).has("GSUB")).as("vertical forms of %s", name).isTrue();
        }
    }

    @Test
    void accentedLettersOfTheMonoFaceAreBuiltOfOtherGlyphs() throws IOException {
        TrueTypeFile file = file(Face.MONO.defaultFileName());
        // what makes the subsets above carry composite glyphs and their components
        SortedSet<Integer> glyphs = new TreeSet<>();
        FontSet.codePoints(ACCENTED).forEach(codePoint -> glyphs.add(file.glyph(codePoint)));
        assertThat(glyphs.stream().filter(glyph -> file.glyphData(glyph).getShort(0) == -1)).hasSizeGreaterThan(20);
        assertThat(file.withComponents(glyphs)).hasSizeGreaterThan(glyphs.size());
    }

    @Test
    void aFontInsideAJarAnswersAsOnDisk(@TempDir Path folder) throws IOException {
        String name = Face.MONO.defaultFileName();
        Path jar = folder.resolve("fonts.jar");
        for (String compression : new String[] {"true", "false"}) {
            Files.deleteIfExists(jar);
            try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true", "noCompression", compression))) {
                Files.copy(FONTS.resolve(name), zip.getPath(name));
            }
            // a stored font is mapped where it lies, a compressed one read
            assertThat(StoredZipEntry.map(jar, name) != null).isEqualTo(compression.equals("true"));
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                TrueTypeFile inside = TrueTypeFile.read(zip.getPath(name));
                TrueTypeFile onDisk = file(name);
                Set<Integer> codePoints = FontSet.codePoints(ACCENTED + TEXT);
                assertThat(inside.familyName()).isEqualTo(onDisk.familyName());
                assertThat(FontSubsetter.subset(inside, codePoints, false, null))
                        .isEqualTo(FontSubsetter.subset(onDisk, codePoints, false, null));
            }
        }
    }

    /** The first thirty characters beyond the BMP that the font has, and a few of the BMP. */
    private static Set<Integer> supplementary(TrueTypeFile file) {
        SortedSet<Integer> codePoints = new TreeSet<>(FontSet.codePoints("中文A"));
        for (int codePoint = 0x10000; codePoint <= Character.MAX_CODE_POINT && codePoints.size() < 33; codePoint++) {
            if (file.glyph(codePoint) != 0) {
                codePoints.add(codePoint);
            }
        }
        assertThat(codePoints.last()).isGreaterThan(0xFFFF);
        return codePoints;
    }
}
