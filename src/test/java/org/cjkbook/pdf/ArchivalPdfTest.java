package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.VeraPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * An archival PDF, asked for with {@code --pdfa}, {@code pdfa: true} or the plugin's
 * {@code pdfa}, is PDF/A-1a as veraPDF checks it, and PDF/UA-1 as every PDF is: the seed
 * article, a chapter of a Markdown book with code and images, a book of every element, and
 * books laid out a chapter at a time. Without it, a PDF claims no PDF/A conformance.
 */
class ArchivalPdfTest {

    private static final String CHAPTER = "md-trpl-ch04-01-what-is-ownership";

    @TempDir
    static Path folder;

    private static Path seed;

    @BeforeAll
    static void buildSeed() {
        seed = archival(Builds.SEED, "seed").resolve("book.pdf");
    }

    @Test
    void theSeedIsPdfA1aAndPdfUa1() throws Exception {
        assertThat(VeraPdf.failedRules(seed, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failedRules(seed, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aMarkdownChapterWithCodeAndImagesIsPdfA1aAndPdfUa1() throws Exception {
        Path pdf = archival(Corpus.require(CHAPTER + ".md"), "chapter").resolve(CHAPTER + ".pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aBookOfEveryElementIsPdfA1aAndPdfUa1() throws Exception {
        Path pdf = archival(Builds.ALL_ELEMENTS, "all-elements").resolve("all-elements.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aBookLaidOutAChapterAtATimeIsPdfA1aAndPdfUa1() throws Exception {
        Path pdf = archival(ChapteredPdfTest.CHAPTERS, "chapters").resolve("chapters.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void theNovelsFirstTenChaptersArePdfA1aAndPdfUa1() throws Exception {
        Path pdf = archival(Corpus.novelOpening(10), "novel-10").resolve("novel-10.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_A)).isEmpty();
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void eachFontsCidSetListsEveryGlyphTheFontHolds() throws IOException {
        // Accented letters in code: the mono face builds them of parts no character maps to.
        Path book = Files.createDirectories(folder.resolve("accents"));
        Files.writeString(book.resolve("accents.md"), "# 第一章\n\n代码 `café naïve Ångström` 里有重音字母。\n");
        Path built = archival(book.resolve("accents.md"), "accents").resolve("accents.pdf");
        try (PDDocument pdf = Loader.loadPDF(built.toFile())) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDType0Font font = (PDType0Font) page.getResources().getFont(name);
                    PDFontDescriptor descriptor = font.getDescendantFont().getFontDescriptor();
                    if (fonts.contains(font.getName())) {
                        continue;
                    }
                    fonts.add(font.getName());
                    int glyphs = new TTFParser().parse(new RandomAccessReadBuffer(
                            descriptor.getFontFile2().createInputStream())).getNumberOfGlyphs();
                    BitSet listed = BitSet.valueOf(reversedBits(descriptor.getCOSObject()
                            .getCOSStream(COSName.getPDFName("CIDSet")).createInputStream().readAllBytes()));
                    // Every glyph but .notdef, which no character maps to, and none beyond: what PDF/UA
                    // asks of a CIDSet, where PDF/A-1 asks for those drawn.
                    listed.set(0);
                    assertThat(listed.cardinality()).as(font.getName()).isEqualTo(glyphs);
                    assertThat(listed.length()).as(font.getName()).isEqualTo(glyphs);
                }
            }
            assertThat(fonts).hasSize(4).allMatch(name -> name.matches("[A-Z]{6}\\+Noto.+"))
                    .anyMatch(name -> name.endsWith("+NotoSansMono-Regular"));
        }
        // Other PDFs have none: it is optional but in PDF/A-1.
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            PDType0Font font = (PDType0Font) pdf.getPage(0).getResources()
                    .getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getDescendantFont().getFontDescriptor().getCOSObject()
                    .containsKey(COSName.getPDFName("CIDSet"))).isFalse();
        }
    }

    /** A CIDSet's bytes with each one's bits in the order of BitSet's: CID 0 is the first byte's highest bit. */
    private static byte[] reversedBits(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = (byte) (Integer.reverse(bytes[i] & 0xFF) >>> 24);
        }
        return reversed;
    }

    @Test
    void aCmykJpegIsPrintedInRgbInAnArchivalPdfAndKeptAsItIsInAnother() throws IOException {
        Path book = Files.createDirectories(folder.resolve("cmyk"));
        Files.write(book.resolve("ink.jpg"), cmykJpeg());
        Files.writeString(book.resolve("ink.md"), "# 第一章\n\n![墨与纸](ink.jpg)\n\n图是一半黑一半白的印刷稿。\n");
        Path archival = archival(book.resolve("ink.md"), "cmyk-archival").resolve("ink.pdf");
        Path plain = folder.resolve("cmyk-plain");
        assertThat(Builds.cli("build", book.resolve("ink.md").toString(), "-o", plain.toString(), "--format", "pdf",
                "--fonts", "fonts").exitCode()).isZero();

        PDImageXObject printed = onlyImage(archival);
        assertThat(printed.getColorSpace().getName()).isEqualTo("DeviceRGB");
        java.awt.image.BufferedImage rgb = printed.getImage();
        // Black ink on the left half, bare paper on the right, as the samples say.
        assertThat(rgb.getRGB(rgb.getWidth() / 4, rgb.getHeight() / 2) & 0xFFFFFF).isZero();
        assertThat(rgb.getRGB(3 * rgb.getWidth() / 4, rgb.getHeight() / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(onlyImage(plain.resolve("ink.pdf")).getColorSpace().getNumberOfComponents()).isEqualTo(4);
    }

    private static PDImageXObject onlyImage(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(images).hasSize(1);
            PDImageXObject image = images.get(0);
            image.getImage(); // decoded while the document is open
            return image;
        }
    }

    /**
     * A JPEG of four channels, black ink on the left half and none on the right; samples
     * are stored inverted when the writer marks the file as Adobe's, as Adobe's are read.
     */
    private static byte[] cmykJpeg() throws IOException {
        boolean adobe = false;
        byte[] jpeg = null;
        for (int pass = 0; pass < 2; pass++) {
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                    java.awt.image.DataBuffer.TYPE_BYTE, 64, 32, 4, null);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 64; x++) {
                    int black = x < 32 ? 255 : 0;
                    int[] ink = {0, 0, 0, black};
                    for (int c = 0; c < 4; c++) {
                        raster.setSample(x, y, c, adobe ? 255 - ink[c] : ink[c]);
                    }
                }
            }
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                javax.imageio.ImageWriteParam quality = writer.getDefaultWriteParam();
                quality.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
                quality.setCompressionQuality(1f);
                writer.write(null, new javax.imageio.IIOImage(raster, null, null), quality);
            } finally {
                writer.dispose();
            }
            jpeg = bytes.toByteArray();
            adobe = new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Adobe");
            if (!adobe) {
                break;
            }
        }
        return jpeg;
    }

    @Test
    void anArchivalPdfIsTheSameEveryBuild() throws IOException {
        Path again = archival(Builds.SEED, "seed-again").resolve("book.pdf");
        assertThat(Files.mismatch(again, seed)).isEqualTo(-1);
    }

    @Test
    void aPdfNotAskedToBeArchivalClaimsPdfUaAlone() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).isEmpty();
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .doesNotContain("pdfaid").contains("<pdfuaid:part>1</pdfuaid:part>");
        }
        try (PDDocument pdf = Loader.loadPDF(seed.toFile())) {
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .contains("<pdfaid:part>1</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>",
                            "<pdfuaid:part>1</pdfuaid:part>");
        }
    }

    @Test
    void theBooksSettingMakesItArchivalAndTakesOnlyTrueOrFalse() throws IOException {
        Path book = Files.createDirectories(folder.resolve("settings/book"));
        Files.copy(Builds.SEED.resolve("article.txt"), book.resolve("article.txt"));
        Files.writeString(book.resolve("book.yaml"), "date: 2026-11-27\npdfa: true\n");
        Builds.Run run = Builds.cli("build", book.toString(), "-o", folder.resolve("settings/out").toString(),
                "--format", "pdf", "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.mismatch(folder.resolve("settings/out/book.pdf"), seed)).isEqualTo(-1);

        Files.writeString(book.resolve("book.yaml"), "pdfa: maybe\n");
        Builds.Run wrong = Builds.cli("build", book.toString(), "-o", folder.resolve("settings/out").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains(book.resolve("book.yaml") + ": 'pdfa' must be true or false, not 'maybe'");
    }

    /** The PDF alone of {@code source}, asked to be archival, built into a folder of its own. */
    private static Path archival(Path source, String name) {
        Path out = folder.resolve(name);
        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--format", "pdf",
                "--fonts", "fonts", "--pdfa");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }
}
