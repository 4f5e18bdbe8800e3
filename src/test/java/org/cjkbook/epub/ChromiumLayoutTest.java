package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.ExternalTool;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The EPUB's documents laid out by Chromium (Blink, as in Kobo, Google Play Books and the
 * Readium readers; WebKit shares its text layout) at phone and tablet widths, measured
 * from the page (src/test/resources/chromium/measure.js, run on the Puppeteer that Ace
 * brings). Screenshots are left in target/reading-engines/.
 */
class ChromiumLayoutTest {

    private static final Path SHOTS = Path.of("target/reading-engines");

    @Test
    void seedAtPhoneWidth() throws Exception {
        JsonNode pages = measure(Builds.of(Builds.SEED).resolve("book.epub"), 360,
                "titlepage.xhtml", "chapter-1.xhtml", "chapter-3.xhtml", "colophon.xhtml");
        check(pages);
        assertThat(pages.findValues("dashes").stream().mapToInt(JsonNode::size).sum()).as("—— measured")
                .isGreaterThanOrEqualTo(2);
        // the title's two parts, the kicker's two phrases
        assertThat(pages.get(0).get("parts").size()).isEqualTo(4);
        assertThat(pages.get(2).get("parts").size()).as("the phrases of chapter 3's title").isEqualTo(3);
    }

    @Test
    void novelAndMarkdownAtPhoneAndTabletWidths() throws Exception {
        Path novel = Builds.of(Corpus.require("novel-hongloumeng.txt")).resolve("novel-hongloumeng.epub");
        Path markdown = Builds.of(Corpus.require("md-trpl-ch04-01-what-is-ownership.md"))
                .resolve("md-trpl-ch04-01-what-is-ownership.epub");
        for (int width : new int[] {360, 768}) {
            JsonNode chapters = measure(novel, width, "chapter-1.xhtml", "chapter-3.xhtml", "chapter-106.xhtml");
            check(chapters);
            assertThat(chapters.findValues("parts").stream().mapToInt(JsonNode::size).sum()).isEqualTo(9);
            JsonNode article = measure(markdown, width, "titlepage.xhtml", "chapter-1.xhtml");
            check(article);
            assertThat(article.findValues("emphasis").stream().mapToInt(JsonNode::size).sum()).isGreaterThan(10);
        }
    }

    private static void check(JsonNode pages) {
        for (JsonNode page : pages) {
            String file = page.get("file").asText();
            page.get("fonts").fieldNames().forEachRemaining(font ->
                    assertThat(font).as("a font drawing text of " + file).endsWith("(embedded)"));
            for (JsonNode dash : page.get("dashes")) {
                double size = dash.get("fontSize").asDouble();
                assertThat(dash.get("sameLine").asBoolean()).as("—— on one line in " + file).isTrue();
                assertThat(dash.get("secondLeft").asDouble() - dash.get("firstRight").asDouble())
                        .as("gap between the dashes of —— in " + file).isBetween(-0.5, 0.5);
                assertThat(dash.get("width").asDouble()).as("—— is two em").isBetween(size * 1.98, size * 2.02);
            }
            for (JsonNode text : page.get("emphasis")) {
                String what = "emphasized \"" + text.get("text").asText() + "\" in " + file;
                if (text.get("latin").asBoolean()) {
                    assertThat(text.get("dots").asBoolean()).as(what + " has no dots").isFalse();
                    assertThat(text.get("italic").asBoolean()).as(what + " is italic").isTrue();
                }
                if (text.get("han").asBoolean()) {
                    assertThat(text.get("dots").asBoolean()).as(what + " has dots").isTrue();
                    assertThat(text.get("italic").asBoolean()).as(what + " is upright").isFalse();
                }
            }
            for (JsonNode part : page.get("parts")) {
                if (part.get("fits").asBoolean()) {
                    assertThat(part.get("lines").asInt()).as(part.get("text").asText() + " in " + file).isEqualTo(1);
                }
            }
        }
    }

    /** The measurements of some of an EPUB's documents at a width in CSS pixels. */
    private static JsonNode measure(Path epub, int width, String... documents) throws IOException {
        Path node = ExternalTool.require("node");
        Path modules = ExternalTool.require("ace-cli").getParent().getParent();
        String chromium = System.getenv("PUPPETEER_EXECUTABLE_PATH") != null
                ? System.getenv("PUPPETEER_EXECUTABLE_PATH") : ExternalTool.require("chromium").toString();
        Path folder = Files.createTempDirectory("cjkbook-chromium");
        for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
            Path file = folder.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        Path shots = Files.createDirectories(SHOTS.resolve(epub.getFileName().toString().replace(".epub", "")));
        List<String> arguments = new ArrayList<>(List.of(Path.of("src/test/resources/chromium/measure.js").toString(),
                modules.toString(), chromium, Integer.toString(width), shots.toAbsolutePath().toString()));
        for (String document : documents) {
            arguments.add(folder.resolve("EPUB").resolve(document).toAbsolutePath().toString());
        }
        ExternalTool.Run run = ExternalTool.run(node, arguments.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        String json = run.output().substring(run.output().indexOf("[{"));
        return new ObjectMapper().readTree(json);
    }
}
