package org.cjkbook.font;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.lowagie.text.pdf.BaseFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphDescription;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.cjkbook.BookException;
import org.cjkbook.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// one instance for all tests: the fonts are 10-15 MB and are parsed once
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FontSetTest {

    private static final Path FONTS = Path.of("fonts");
    /** 🄀 DIGIT ZERO FULL STOP: outside the BMP, and in all three fonts. */
    private static final int SUPPLEMENTARY = 0x1F100;
    private static final int PRIVATE_USE = 0xE000;
    private static final int EMOJI = 0x1F600;
    private static final Set<String> SUBSET_TABLES =
            Set.of("OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post");

    private FontSet fonts;
    private SortedSet<Integer> sample;
    private final Map<Face, TrueTypeFont> originals = new EnumMap<>(Face.class);
    private final Map<Face, byte[]> subsets = new EnumMap<>(Face.class);

    @BeforeAll
    void subsetTheSampleInEveryFace() throws IOException {
        fonts = FontSet.inFolder(FONTS);
        try (InputStream in = FontSetTest.class.getResourceAsStream("sample.txt")) {
            sample = FontSet.codePoints(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        sample.add(SUPPLEMENTARY);
        for (Face face : Face.values()) {
            originals.put(face, new TTFParser().parse(
                    new RandomAccessReadBufferedFile(FONTS.resolve(face.defaultFileName()).toFile())));
            subsets.put(face, fonts.subset(face, sample));
        }
    }

    @Test
    void facesNameTheirCssFamilyAndWeight() {
        assertThat(Face.BODY.family()).isEqualTo("Book Serif");
        assertThat(Face.BOLD.family()).isEqualTo("Book Serif");
        assertThat(Face.HEADING.family()).isEqualTo("Book Sans");
        assertThat(List.of(Face.BODY.weight(), Face.BOLD.weight(), Face.HEADING.weight()))
                .containsExactly(400, 700, 700);
        assertThat(Face.MONO.family()).isEqualTo("Book Mono");
        assertThat(Face.MONO.weight()).isEqualTo(400);
        assertThat(fonts.file(Face.HEADING)).isEqualTo(FONTS.resolve("NotoSansSC-Bold.ttf"));
        assertThat(fonts.file(Face.MONO)).isEqualTo(FONTS.resolve("NotoSansMono-Regular.ttf"));
    }

    @Test
    void theOtherFaceIsTheOtherScriptsSerifOrElseTheBodysFont(@TempDir Path temp) throws IOException {
        assertThat(FontSet.inFolder(FONTS, false).file(Face.OTHER)).isEqualTo(FONTS.resolve("NotoSerifTC-Regular.ttf"));
        assertThat(FontSet.inFolder(FONTS, true).file(Face.OTHER)).isEqualTo(FONTS.resolve("NotoSerifSC-Regular.ttf"));
        for (String name : List.of("NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf", "NotoSansSC-Bold.ttf",
                "NotoSansMono-Regular.ttf")) {
            Files.createSymbolicLink(temp.resolve(name), FONTS.resolve(name).toAbsolutePath());
        }
        FontSet simplifiedOnly = FontSet.inFolder(temp, false);
        assertThat(simplifiedOnly.file(Face.OTHER)).isEqualTo(simplifiedOnly.file(Face.BODY));
        assertThat(FontSet.inFolder(temp, true).file(Face.OTHER)).isEqualTo(temp.resolve("NotoSerifSC-Regular.ttf"));
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void subsetDrawsEveryRequestedCharacterAsTheOriginalDoes(Face face) throws IOException {
        TrueTypeFont original = originals.get(face);
        TrueTypeFont subset = parse(subsets.get(face));
        CmapLookup originalCmap = original.getUnicodeCmapLookup();
        CmapSubtable bmp = subset.getCmap().getSubtable(3, 1);
        // A font without characters beyond the BMP (the mono face) needs no full-range table.
        CmapSubtable full = subset.getCmap().getSubtable(3, 10) != null ? subset.getCmap().getSubtable(3, 10) : bmp;

        int covered = 0;
        for (int codePoint : sample) {
            int originalGlyph = originalCmap.getGlyphId(codePoint);
            if (originalGlyph == 0) {
                continue;
            }
            covered++;
            int glyph = full.getGlyphId(codePoint);
            assertThat(glyph).as("glyph of U+%04X", codePoint).isNotZero();
            if (codePoint < 0xFFFF) {
                assertThat(bmp.getGlyphId(codePoint)).as("BMP glyph of U+%04X", codePoint).isEqualTo(glyph);
            }
            assertThat(outline(subset, glyph)).as("outline of U+%04X", codePoint)
                    .isEqualTo(outline(original, originalGlyph));
        }
        if (face == Face.MONO) {
            // Of the sample, the mono face has the Latin; its accented letters are built of
            // other glyphs, which the subset carries too.
            assertThat(covered).isGreaterThan(60);
            assertThat(subset.getNumberOfGlyphs()).isGreaterThanOrEqualTo(covered + 1);
        } else {
            // The other face is, for this Simplified sample, the TC serif, which lacks a few of its characters.
            assertThat(covered).isGreaterThan(face == Face.OTHER ? 330 : 350);
            assertThat(subset.getNumberOfGlyphs()).isEqualTo(covered + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void subsetMapsNoCharacterBeyondTheRequestedOnes(Face face) throws IOException {
        TrueTypeFont subset = parse(subsets.get(face));
        CmapLookup cmap = subset.getUnicodeCmapLookup();
        Set<Integer> mapped = new TreeSet<>();
        for (int glyph = 1; glyph < subset.getNumberOfGlyphs(); glyph++) {
            // A component of composite glyphs may have no character of its own.
            List<Integer> codes = cmap.getCharCodes(glyph);
            if (codes != null) {
                mapped.addAll(codes);
            }
        }
        Set<Integer> expected = new TreeSet<>(sample);
        expected.removeAll(fonts.missing(face, sample));
        expected.removeIf(codePoint -> codePoint < 0x20);
        assertThat(mapped).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void subsetKeepsOnlyTheTablesThatTheSubsetterRebuilds(Face face) throws IOException {
        assertThat(parse(subsets.get(face)).getTableMap().keySet())
                .containsExactlyInAnyOrderElementsOf(SUBSET_TABLES);
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void sameCharactersGiveTheSameBytes(Face face) {
        FontSet another = FontSet.inFolder(FONTS);
        assertThat(another.subset(face, new HashSet<>(sample))).isEqualTo(subsets.get(face));
    }

    @Test
    void subsetWithoutSupplementaryCharactersNeedsOnlyTheBmpCmap() throws IOException {
        TrueTypeFont subset = parse(fonts.subset(Face.BODY, FontSet.codePoints("中文排版，ABC")));
        assertThat(subset.getCmap().getCmaps()).hasSize(1);
        assertThat(subset.getCmap().getSubtable(3, 1).getGlyphId('文')).isNotZero();
    }

    @Test
    void tooManyScatteredCharactersForTheBmpCmapGetAFullCmapOnly() throws IOException {
        // every other ideograph: no two in a run, too many segments for a 64 KB format 4
        Set<Integer> scattered = new TreeSet<>();
        for (int codePoint = 0x4E00; codePoint <= 0x9FA5; codePoint += 2) {
            scattered.add(codePoint);
        }
        TrueTypeFont subset = parse(fonts.subset(Face.HEADING, scattered));
        assertThat(subset.getCmap().getCmaps()).hasSize(1);
        CmapSubtable full = subset.getCmap().getSubtable(3, 10);
        assertThat(scattered).allSatisfy(codePoint -> assertThat(full.getGlyphId(codePoint)).isNotZero());
        assertThat(full.getGlyphId(0x4E01)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void missingFindsCharactersTheFaceLacks(Face face) {
        Set<Integer> text = FontSet.codePoints("\t\n\uFEFF中　A");
        text.add(PRIVATE_USE);
        text.add(EMOJI);
        // the ideographic space U+3000 is looked up like any other character, and found
        // but in the mono face, which has no Han and no full-width spaces
        if (face == Face.MONO) {
            assertThat(fonts.missing(face, text)).containsExactly(0x3000, (int) '中', PRIVATE_USE, EMOJI);
        } else {
            assertThat(fonts.missing(face, text)).containsExactly(PRIVATE_USE, EMOJI);
        }
    }

    @Test
    void coverageListsOnlyTheFacesThatLackSomething() {
        Map<Face, Set<Integer>> used = new EnumMap<>(Face.class);
        used.put(Face.BODY, Set.of((int) '中', PRIVATE_USE));
        used.put(Face.HEADING, Set.of((int) '中'));
        assertThat(fonts.missing(used)).containsOnlyKeys(Face.BODY);
        assertThat(fonts.missing(used).get(Face.BODY)).containsExactly(PRIVATE_USE);
    }

    @Test
    void missingFontFileIsNamed(@TempDir Path folder) {
        assertThatThrownBy(() -> FontSet.inFolder(folder))
                .isInstanceOf(BookException.class)
                .hasMessage(folder.resolve("NotoSerifSC-Regular.ttf") + ": font file not found");
    }

    @Test
    void fileThatIsNoFontIsNamed(@TempDir Path folder) throws IOException {
        Path notAFont = Files.writeString(folder.resolve("font.ttf"), "这不是字体");
        assertThatThrownBy(() -> FontSet.of(filesWithBody(notAFont)))
                .isInstanceOf(BookException.class)
                .hasMessage(notAFont + ": not a TrueType font");
    }

    @Test
    void damagedFontIsReportedWhenFirstUsed(@TempDir Path folder) throws IOException {
        byte[] header = {0, 1, 0, 0, 0, 9, 1, 2, 3};
        Path damaged = Files.write(folder.resolve("damaged.ttf"), header);
        // opening only looks at the header: parsing waits until the face is used
        FontSet set = FontSet.of(filesWithBody(damaged));
        assertThatThrownBy(() -> set.missing(Face.BODY, Set.of((int) '中')))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(damaged + ": not a usable TrueType font");
    }

    @Test
    void damageFoundOnlyWhenATableIsReadIsReportedInOneLine(@TempDir Path folder) throws IOException {
        byte[] font = Files.readAllBytes(FONTS.resolve("NotoSansMono-Regular.ttf"));
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(font);
        int name = -1;
        for (int i = 0; i < Short.toUnsignedInt(bytes.getShort(4)); i++) {
            if (new String(font, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("name")) {
                name = bytes.getInt(12 + 16 * i + 8);
            }
        }
        assertThat(name).isPositive();
        // more name records said to follow than the whole file holds
        bytes.putShort(name + 2, (short) 0xFFFF);
        Path damaged = Files.write(folder.resolve("damaged.ttf"), font);
        FontSet set = FontSet.of(filesWithBody(damaged));
        assertThat(set.has(Face.BODY, 'a')).isTrue();
        assertThatThrownBy(() -> set.familyName(Face.BODY))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(damaged + ": not a usable TrueType font");
    }

    @Test
    void aFaceWithoutCharactersIsNotRead(@TempDir Path folder) throws IOException {
        Path damaged = Files.write(folder.resolve("damaged.ttf"), new byte[] {0, 1, 0, 0, 0, 9, 1, 2, 3});
        FontSet set = FontSet.of(filesWithBody(damaged));
        Map<Face, Set<Integer>> used = new EnumMap<>(Face.class);
        used.put(Face.BODY, Set.of());
        used.put(Face.HEADING, Set.of((int) '中'));
        assertThat(set.missing(used)).isEmpty();
    }

    @Test
    void subsetsMadeAtOnceOnManyThreadsAreThoseMadeOneByOne() throws Exception {
        FontSet shared = FontSet.inFolder(FONTS);
        List<java.util.concurrent.Callable<byte[]>> work = new ArrayList<>();
        for (Face face : List.of(Face.BODY, Face.BOLD, Face.MONO)) {
            work.add(() -> shared.subset(face, sample));
            work.add(() -> shared.pdfSubset(face, sample));
            work.add(() -> shared.subset(face, sample, true));
            work.add(() -> shared.subset(face, sample));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(work.size());
        try {
            List<java.util.concurrent.Future<byte[]>> done = pool.invokeAll(work);
            for (int i = 0; i < work.size(); i++) {
                assertThat(done.get(i).get()).as("task %d", i).isEqualTo(work.get(i).call());
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void subsetPassesTheBrowsersFontSanitizer(Face face, @TempDir Path folder) throws IOException {
        Path ots = ExternalTool.require("ots-sanitize");
        Path subset = Files.write(folder.resolve(face + ".ttf"), subsets.get(face));
        ExternalTool.Run run = ExternalTool.run(ots, subset.toString(), folder.resolve("sanitized.ttf").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Face.class)
    void subsetLoadsInOpenPdfWithTheOriginalMetrics(Face face) throws Exception {
        TrueTypeFont original = originals.get(face);
        float unitsPerEm = original.getUnitsPerEm();
        BaseFont font = BaseFont.createFont(face + ".ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                subsets.get(face), null);

        // OpenPDF takes the cap height from OS/2 version 2 and later
        assertThat(font.getFontDescriptor(BaseFont.CAPHEIGHT, 1000))
                .isEqualTo(original.getOS2Windows().getCapHeight() * 1000 / unitsPerEm);
        CmapLookup cmap = original.getUnicodeCmapLookup();
        for (int codePoint : sample) {
            int glyph = cmap.getGlyphId(codePoint);
            if (glyph != 0 && codePoint >= 0x20) {
                assertThat(font.getWidth(codePoint)).as("width of U+%04X", codePoint)
                        .isEqualTo((int) (original.getAdvanceWidth(glyph) * 1000 / unitsPerEm));
            }
        }
    }

    private static Map<Face, Path> filesWithBody(Path body) {
        Map<Face, Path> files = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            files.put(face, FONTS.resolve(face.defaultFileName()));
        }
        files.put(Face.BODY, body);
        return files;
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    /** Advance width, contour ends and points: what a glyph draws, whatever its id. */
    private static List<Integer> outline(TrueTypeFont font, int glyph) throws IOException {
        List<Integer> outline = new ArrayList<>();
        outline.add(font.getAdvanceWidth(glyph));
        GlyphData data = font.getGlyph().getGlyph(glyph);
        if (data == null) {
            return outline;
        }
        GlyphDescription description = data.getDescription();
        for (int contour = 0; contour < description.getContourCount(); contour++) {
            outline.add(description.getEndPtOfContours(contour));
        }
        for (int point = 0; point < description.getPointCount(); point++) {
            outline.add((int) description.getXCoordinate(point));
            outline.add((int) description.getYCoordinate(point));
            outline.add(description.getFlags(point) & 1); // on or off the curve
        }
        return outline;
    }
}
