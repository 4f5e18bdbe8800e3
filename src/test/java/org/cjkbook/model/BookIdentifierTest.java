package org.cjkbook.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cjkbook.Builds;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A book's identifier: the one its settings give, or one derived from what it says. */
class BookIdentifierTest {

    private static final String SETTINGS = "title: 春\ndate: 2026-11-27\n";

    @TempDir
    Path temp;

    private Book book(String folder, String settings, String text) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(folder));
        Files.writeString(dir.resolve("book.yaml"), settings);
        Files.writeString(dir.resolve("text.md"), text);
        return new BookLoader().load(dir).book();
    }

    @Test
    void theDerivedIdentifierFollowsTheTextNotTheFolder() throws IOException {
        String text = "# 春\n\n春眠不觉晓，处处闻啼鸟。\n\n夜来风雨声，花落知多少。\n";
        String identifier = book("a", SETTINGS, text).identifier();
        assertThat(identifier).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(book("elsewhere", SETTINGS, text).identifier()).isEqualTo(identifier);
        assertThat(book("one-mark", SETTINGS, text.replace("少。", "少！")).identifier()).isNotEqualTo(identifier);
        assertThat(book("joined", SETTINGS, text.replace("鸟。\n\n夜", "鸟。夜")).identifier())
                .isNotEqualTo(identifier);
        assertThat(book("retitled", SETTINGS.replace("春", "春晓"), text).identifier()).isNotEqualTo(identifier);
        // Every field of the metadata counts, a list's members and a contributor's role too.
        String author = book("author", SETTINGS + "author: 孟浩然\n", text).identifier();
        assertThat(author).isNotEqualTo(identifier);
        assertThat(book("editor", SETTINGS + "creators: [{name: 孟浩然, role: editor}]\n", text).identifier())
                .isNotIn(identifier, author);
        assertThat(book("subject", SETTINGS + "subject: [诗]\n", text).identifier()).isNotEqualTo(identifier);
        assertThat(book("rights", SETTINGS + "rights: 公有领域\n", text).identifier()).isNotEqualTo(identifier);
    }

    @Test
    void anIsbnIsPrintedAsABookNumberInTheColophon() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("isbn"));
        Files.writeString(dir.resolve("book.yaml"), SETTINGS + "identifier: urn:isbn:978-7-02-000220-7\n");
        Files.writeString(dir.resolve("text.md"), "# 春\n\n春眠不觉晓，处处闻啼鸟。\n");
        var entries = Builds.entries(Builds.epubOf(dir));
        String colophon = new String(entries.get("EPUB/colophon.xhtml"), StandardCharsets.UTF_8);
        assertThat(colophon).contains("书号：</dt>", "ISBN 978-7-02-000220-7", "字体：</dt>")
                .doesNotContain("标识");
        assertThat(new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8))
                .contains(">urn:isbn:978-7-02-000220-7</dc:identifier>");
    }
}
