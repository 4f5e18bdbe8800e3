package org.cjkbook.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.assertj.core.data.Offset;
import org.cjkbook.Builds;
import org.cjkbook.VeraPdf;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven plugin, in real Maven builds of projects that only declare it. */
class PluginTest {

    @TempDir
    Path folder;

    @Test
    void aProjectThatDeclaresThePluginGetsBothEditionsThenBuildsAgainOnlyWhenASourceIsTouched() throws Exception {
        Path project = MavenBuild.sample("minimal", folder);
        MavenBuild.Run first = MavenBuild.mvn(project, "package");
        assertThat(first.exitCode()).as(first.log()).isZero();
        Path epub = project.resolve("target/book/book.epub");
        Path pdf = project.resolve("target/book/book.pdf");
        assertThat(first.log()).contains("[INFO] cjkbook: epub: wrote " + epub, "[INFO] cjkbook: pdf: wrote " + pdf);
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
        assertFontsEmbeddedAndSubset(pdf);

        FileTime epubTime = Files.getLastModifiedTime(epub);
        FileTime pdfTime = Files.getLastModifiedTime(pdf);
        MavenBuild.Run second = MavenBuild.mvn(project, "package");
        assertThat(second.exitCode()).as(second.log()).isZero();
        assertThat(second.log()).contains("is up to date").doesNotContain("wrote");
        assertThat(Files.getLastModifiedTime(epub)).isEqualTo(epubTime);
        assertThat(Files.getLastModifiedTime(pdf)).isEqualTo(pdfTime);

        Path chapter = project.resolve("book/茶.md");
        Files.setLastModifiedTime(chapter, FileTime.fromMillis(Files.getLastModifiedTime(chapter).toMillis() + 60_000));
        MavenBuild.Run third = MavenBuild.mvn(project, "package");
        assertThat(third.exitCode()).as(third.log()).isZero();
        assertThat(third.log()).contains("cjkbook: epub: wrote").doesNotContain("is up to date");
        assertThat(Files.getLastModifiedTime(epub)).isNotEqualTo(epubTime);
    }

    @Test
    void withAnOutputTimestampTwoCleanBuildsAreByteIdenticalAndThePomsSettingsWin() throws Exception {
        Path project = MavenBuild.sample("reproducible", folder);
        byte[][] first = buildClean(project);
        byte[][] second = buildClean(project);
        assertThat(second[0]).isEqualTo(first[0]);
        assertThat(second[1]).isEqualTo(first[1]);
        String opf = new String(Builds.entries(project.resolve("target/book/book.epub")).get("EPUB/package.opf"),
                StandardCharsets.UTF_8);
        assertThat(opf).contains("<meta property=\"dcterms:modified\">2025-03-04T05:06:07Z</meta>")
                .contains(">茶事小记</dc:title>").doesNotContain("书中的书名")
                // Pandoc's name in the POM, over the book's own under cjkbook's.
                .contains(">王一帆</dc:creator>").doesNotContain("陆羽</dc:creator>")
                .contains("<dc:subject>茶</dc:subject>", "<dc:subject>历史</dc:subject>");
        VeraPdf.assertCompliant(project.resolve("target/book/book.pdf"));
        try (PDDocument pdf = Loader.loadPDF(project.resolve("target/book/book.pdf").toFile())) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2025-03-04T05:06:07Z"));
            // 32K, as the POM says: 130 mm wide.
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(368.5f, Offset.offset(0.1f));
            // Archival, as the POM asks: PDF/A's colour space.
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
        }
    }

    @Test
    void aBrokenSourceFailsTheBuildWithTheCommandLinesMessage() throws Exception {
        Path project = MavenBuild.sample("broken", folder);
        MavenBuild.Run run = MavenBuild.mvn(project, "package");
        assertThat(run.exitCode()).isNotZero();
        String message = project.resolve("book/book.yaml") + ": unknown key 'colour'";
        assertThat(run.log()).contains("BUILD FAILURE").contains(message);
        Builds.Run cli = Builds.cli("build", project.resolve("book").toString(), "-o", folder.resolve("cli").toString());
        assertThat(cli.err()).contains(message);
        assertThat(project.resolve("target/book")).doesNotExist();
    }

    @Test
    void skipBuildsNothing() throws Exception {
        Path project = MavenBuild.sample("minimal", folder);
        MavenBuild.Run run = MavenBuild.mvn(project, "package", "-Dcjkbook.skip");
        assertThat(run.exitCode()).as(run.log()).isZero();
        assertThat(run.log()).contains("cjkbook: skipped");
        assertThat(project.resolve("target/book")).doesNotExist();
    }

    @Test
    void initStartsABookThatPackageBuilds() throws Exception {
        Path project = Files.createDirectories(folder.resolve("新书"));
        MavenBuild.Run init = MavenBuild.mvn(project, "org.cjkbook:cjkbook:" + MavenBuild.VERSION + ":init");
        assertThat(init.exitCode()).as(init.log()).isZero();
        assertThat(project.resolve("pom.xml")).exists();
        assertThat(project.resolve("book/book.yaml")).exists();
        MavenBuild.Run again = MavenBuild.mvn(project, "org.cjkbook:cjkbook:" + MavenBuild.VERSION + ":init");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.log()).contains("already there");

        MavenBuild.Run build = MavenBuild.mvn(project, "package");
        assertThat(build.exitCode()).as(build.log()).isZero();
        Path epub = project.resolve("target/book/book.epub");
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
        assertFontsEmbeddedAndSubset(project.resolve("target/book/book.pdf"));
    }

    private static byte[][] buildClean(Path project) throws Exception {
        Builds.filesUnder(project.resolve("target")).forEach(file -> file.toFile().delete());
        MavenBuild.Run run = MavenBuild.mvn(project, "package");
        assertThat(run.exitCode()).as(run.log()).isZero();
        return new byte[][] {Files.readAllBytes(project.resolve("target/book/book.epub")),
            Files.readAllBytes(project.resolve("target/book/book.pdf"))};
    }

    /** The PDF passes veraPDF, and every font of it is embedded, as a subset (its name tagged ABCDEF+). */
    private static void assertFontsEmbeddedAndSubset(Path pdf) throws IOException {
        VeraPdf.assertCompliant(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int fonts = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    PDFontDescriptor descriptor = font instanceof PDType0Font type0
                            ? type0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                    assertThat(descriptor.getFontFile2()).as(font.getName()).isNotNull();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+.+");
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
    }
}
