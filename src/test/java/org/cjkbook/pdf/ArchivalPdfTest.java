package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * An archival PDF, asked for with {@code --pdfa}, {@code pdfa: true} or the plugin's
 * {@code pdfa}, is PDF/A-1 as veraPDF checks it: the seed article, a chapter of a Markdown
 * book with code and images, and a book of every element. Without it, a PDF claims none.
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
    void theSeedIsPdfA1b() throws Exception {
        assertThat(VeraPdf.failedRules(seed, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void aMarkdownChapterWithCodeAndImagesIsPdfA1b() throws Exception {
        Path pdf = archival(Corpus.require(CHAPTER + ".md"), "chapter").resolve(CHAPTER + ".pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void aBookOfEveryElementIsPdfA1b() throws Exception {
        Path pdf = archival(Builds.ALL_ELEMENTS, "all-elements").resolve("all-elements.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFA_1_B)).isEmpty();
    }

    @Test
    void anArchivalPdfIsTheSameEveryBuild() throws IOException {
        Path again = archival(Builds.SEED, "seed-again").resolve("book.pdf");
        assertThat(Files.mismatch(again, seed)).isEqualTo(-1);
    }

    @Test
    void aPdfNotAskedToBeArchivalClaimsNothing() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).isEmpty();
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .doesNotContain("pdfaid");
        }
        try (PDDocument pdf = Loader.loadPDF(seed.toFile())) {
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), "UTF-8"))
                    .contains("<pdfaid:part>1</pdfaid:part>");
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
