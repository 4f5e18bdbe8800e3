package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.ExternalTool;
import org.cjkbook.PageBreaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a publisher checks in an EPUB beyond EPUBCheck: accessibility, cover, page numbers, metadata. */
class PublishingTest {

    private static Path seed() {
        return Builds.of(Builds.SEED).resolve("book.epub");
    }

    private static String entry(Path epub, String name) throws IOException {
        return new String(Builds.entries(epub).get(name), StandardCharsets.UTF_8);
    }

    @Test
    void aceFindsNoViolationInTheSeedTheMarkdownFixtureOrTheNovelsOpening(@TempDir Path temp) throws IOException {
        Path ace = ExternalTool.require("ace-cli");
        ExternalTool.require("chromium");
        for (Path epub : books()) {
            Path report = temp.resolve(epub.getFileName().toString());
            ExternalTool.Run run = ExternalTool.run(ace, "--silent", "--force", "--outdir", report.toString(),
                    epub.toString());
            assertThat(run.exitCode()).as(run.output()).isZero();
            String json = Files.readString(report.resolve("report.json"));
            // The report's verdict, and no assertion with an outcome other than pass.
            assertThat(json).as(epub.getFileName().toString())
                    .contains("\"earl:result\": {\n    \"earl:outcome\": \"pass\"")
                    .doesNotContain("\"earl:outcome\": \"fail\"");
        }
    }

    /**
     * The seed, the Markdown fixture and the novel's first ten chapters: every kind of
     * markup the novel has, where Ace's minutes grow with the number of documents.
     */
    private static List<Path> books() {
        return List.of(seed(), Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.epub"),
                Builds.of(Corpus.novelOpening(10)).resolve("novel-10.epub"));
    }

    @Test
    void everyEmbeddedFontPassesTheOpenTypeSanitizer(@TempDir Path temp) throws IOException {
        Path ots = ExternalTool.require("ots-sanitize");
        List<Path> epubs = new java.util.ArrayList<>(books());
        // The whole novel's fonts: the largest subsets the suite makes.
        epubs.add(Builds.of(Corpus.require("novel-hongloumeng.txt")).resolve("novel-hongloumeng.epub"));
        for (Path epub : epubs) {
            for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
                if (entry.getKey().endsWith(".ttf")) {
                    Path font = Files.write(temp.resolve("font.ttf"), entry.getValue());
                    ExternalTool.Run run = ExternalTool.run(ots, font.toString(), temp.resolve("out.ttf").toString());
                    assertThat(run.exitCode()).as(epub.getFileName() + " " + entry.getKey() + ": " + run.output()).isZero();
                }
            }
        }
    }

    @Test
    void pageBreaksStandWhereThePagesOfThePdfBegin() throws IOException {
        PageBreaks.assertMatch(Builds.of(Builds.SEED), "book");
        PageBreaks.assertMatch(Builds.of(Corpus.require("novel-hongloumeng.txt")), "novel-hongloumeng");
        PageBreaks.assertMatch(Builds.of(Builds.COMPOSITION), "composition");
        Path seed = Builds.of(Builds.SEED);
        String nav = entry(seed.resolve("book.epub"), "EPUB/nav.xhtml");
        assertThat(nav).contains("epub:type=\"page-list\"").contains("<a href=\"chapter-3.xhtml#page-4\">4</a>");
        String opf = entry(seed.resolve("book.epub"), "EPUB/package.opf");
        assertThat(opf).contains("<dc:source>《永葆初心本色 践行使命担当》PDF A5</dc:source>")
                .contains(">printPageNumbers<").contains(">pageNavigation<");
    }


    @Test
    void packageDocumentCarriesCompleteMetadata() throws IOException {
        String opf = entry(seed(), "EPUB/package.opf");
        assertThat(opf)
                .contains("<dc:title id=\"title\">永葆初心本色 践行使命担当</dc:title>")
                .contains("<meta refines=\"#title\" property=\"title-type\">main</meta>")
                .contains("<dc:title id=\"expanded-title\">“不忘初心、牢记使命”主题教育——永葆初心本色 践行使命担当</dc:title>")
                .contains("<meta refines=\"#expanded-title\" property=\"title-type\">expanded</meta>")
                .contains("<meta refines=\"#column-title\" property=\"title-type\">collection</meta>")
                .contains("<meta property=\"belongs-to-collection\" id=\"column\">辉煌历程</meta>")
                .contains("<meta refines=\"#contributor-1\" property=\"role\" scheme=\"marc:relators\">bkd</meta>")
                .contains("<meta refines=\"#contributor-1\" property=\"file-as\">张芳曼</meta>")
                .containsPattern("<dc:identifier id=\"pub-id\">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5")
                .contains("<dc:language>zh-Hans</dc:language>")
                .contains("<dc:date>2026-11-27</dc:date>")
                .contains("<meta property=\"dcterms:modified\">2026-11-27T00:00:00Z</meta>")
                .contains("<meta property=\"schema:accessMode\">textual</meta>")
                .contains("<meta property=\"schema:accessModeSufficient\">textual</meta>")
                .contains(">structuralNavigation<", ">tableOfContents<", ">readingOrder<")
                .contains("<meta property=\"schema:accessibilityHazard\">none</meta>")
                .contains("property=\"schema:accessibilitySummary\"")
                .contains("<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>")
                .contains("properties=\"cover-image\"");
    }

    @Test
    void sourceDateEpochSetsTheModificationDate(@TempDir Path temp) throws Exception {
        ProcessBuilder build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), org.cjkbook.cli.Cli.class.getName(),
                "build", "book", "-o", temp.toString(), "--format", "epub", "--fonts", "fonts")
                .redirectErrorStream(true).redirectOutput(temp.resolve("log").toFile());
        build.environment().put("SOURCE_DATE_EPOCH", "1700000000");
        assertThat(build.start().waitFor()).isZero();
        assertThat(entry(temp.resolve("book.epub"), "EPUB/package.opf"))
                .contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>");
    }

    @Test
    void coverIsMadeFromTheMetadataAndShownFirst() throws IOException {
        Map<String, byte[]> entries = Builds.entries(seed());
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(entries.get("EPUB/images/cover.png")));
        assertThat(cover.getWidth()).isGreaterThanOrEqualTo(1600);
        assertThat(cover.getHeight()).isGreaterThanOrEqualTo(2560);
        // a palette of the colours drawn: the red band, the paper, the ink of the title
        assertThat(cover.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        assertThat(cover.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xB01E23);
        assertThat(cover.getRGB(10, 1000) & 0xFFFFFF).isEqualTo(0xF7F3EA);
        assertThat(java.util.stream.IntStream.range(0, cover.getWidth())
                .map(x -> cover.getRGB(x, 1250) & 0xFFFFFF)).contains(0x1A1A1A);
        String page = entry(seed(), "EPUB/cover.xhtml");
        assertThat(page).contains("epub:type=\"cover\"").contains("role=\"doc-cover\"")
                .contains("alt=\"封面：辉煌历程，“不忘初心、牢记使命”主题教育，永葆初心本色 践行使命担当\"");
        String opf = entry(seed(), "EPUB/package.opf");
        assertThat(opf.indexOf("idref=\"r-cover-xhtml\"")).isLessThan(opf.indexOf("idref=\"r-titlepage-xhtml\""));
        assertThat(entry(seed(), "EPUB/nav.xhtml")).contains("epub:type=\"cover\" href=\"cover.xhtml\"",
                "epub:type=\"titlepage\" href=\"titlepage.xhtml\"", "epub:type=\"toc\" href=\"nav.xhtml#toc\"",
                "epub:type=\"bodymatter\" href=\"chapter-1.xhtml\"");
    }

    @Test
    void aCoverGivenInTheSettingsIsUsedInstead(@TempDir Path folder) throws IOException {
        BufferedImage image = new BufferedImage(1600, 2560, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", folder.resolve("封面.png").toFile());
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        Files.writeString(folder.resolve("book.yaml"), "cover: 封面.png\n");
        Path epub = Builds.epubOf(folder);
        assertThat(Builds.entries(epub).get("EPUB/images/cover.png"))
                .isEqualTo(Files.readAllBytes(folder.resolve("封面.png")));
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    @Test
    void footnotesArePopUpNotesWithBackLinks() throws IOException {
        String chapter = entry(Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.epub"), "EPUB/chapter-2.xhtml");
        assertThat(chapter)
                .contains("<a epub:type=\"noteref\" role=\"doc-noteref\" id=\"chapter-2-ref-1\" href=\"#chapter-2-note-1\">1</a>")
                .contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"chapter-2-note-1\"")
                .contains("<a role=\"doc-backlink\" href=\"#chapter-2-ref-1\">1</a>");
    }
}
