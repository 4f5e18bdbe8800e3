package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cjkbook.Builds;
import org.junit.jupiter.api.Test;

/** Nodes nested inside others (a note inside emphasis, a link inside emphasis) are seen like any other. */
class NestedNodesTest {

    private static final Path MARKDOWN = Path.of("src/test/resources/markdown");

    @Test
    void imageInANoteReferencedInsideEmphasisIsPackagedAndShown() throws IOException {
        Path epub = build("note-image");
        Map<String, byte[]> entries = Builds.entries(epub);
        assertThat(entries).containsKey("EPUB/images/image-1.png");
        assertThat(entries.get("EPUB/images/image-1.png"))
                .isEqualTo(Files.readAllBytes(MARKDOWN.resolve("img/dot.png")));
        String chapter = new String(entries.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains("<img src=\"images/image-1.png\" alt=\"一个点\"/>");
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    @Test
    void anEmptyLinkWithdrawsTheWcagClaimWhereverItSits() throws IOException {
        assertThat(packageDocument("empty-link")).doesNotContain("dcterms:conformsTo");
        assertThat(packageDocument("empty-link-in-emphasis")).doesNotContain("dcterms:conformsTo");
        assertThat(packageDocument("linked-link")).contains("WCAG 2.2 Level AA");
    }

    private static String packageDocument(String name) throws IOException {
        return new String(Builds.entries(build(name)).get("EPUB/package.opf"), StandardCharsets.UTF_8);
    }

    private static Path build(String name) throws IOException {
        Path out = Files.createTempDirectory("cjkbook-nested");
        Builds.Run run = Builds.cli("build", MARKDOWN.resolve(name + ".md").toString(), "-o", out.toString(),
                "--format", "epub", "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out.resolve(name + ".epub");
    }
}
