package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPUB's zip, written by cjkbook itself, reads back whole both ways a reader reads a
 * zip: by its central directory and as a stream from the first byte.
 */
class ZipWriterTest {

    @TempDir
    Path temp;

    @Test
    void entriesReadBackByDirectoryAndByStreamInTheirOrder() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
        files.put("EPUB/empty.css", new byte[0]);
        files.put("EPUB/chapter-1.xhtml", "<p>甲乙丙丁。</p>".repeat(5000).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        files.put("EPUB/fonts/body.ttf", noise);
        files.put("EPUB/images/圖.png", "not compressible much".getBytes(StandardCharsets.UTF_8));
        List<ZipWriter.Entry> entries = new ArrayList<>();
        files.forEach((name, data) -> entries.add(new ZipWriter.Entry(name, data, name.equals("mimetype"))));
        byte[] zip = write(entries);

        // The mimetype first, stored, where reading systems sniff it: right after its 30-byte header.
        assertThat(new String(zip, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(new String(zip, 38, 20, StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");

        Path file = Files.write(temp.resolve("book.epub"), zip);
        try (ZipFile read = new ZipFile(file.toFile())) {
            List<String> names = read.stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactlyElementsOf(files.keySet());
            for (Map.Entry<String, byte[]> expected : files.entrySet()) {
                ZipEntry entry = read.getEntry(expected.getKey());
                assertThat(entry.getMethod()).isEqualTo(expected.getKey().equals("mimetype")
                        ? ZipEntry.STORED : ZipEntry.DEFLATED);
                assertThat(entry.getExtra()).isNull();
                assertThat(read.getInputStream(entry).readAllBytes()).isEqualTo(expected.getValue());
            }
        }
        try (ZipInputStream stream = new ZipInputStream(new ByteArrayInputStream(zip))) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry = stream.getNextEntry(); entry != null; entry = stream.getNextEntry()) {
                names.add(entry.getName());
                assertThat(stream.readAllBytes()).isEqualTo(files.get(entry.getName()));
            }
            assertThat(names).containsExactlyElementsOf(files.keySet());
        }
        assertThat(write(entries)).as("the same entries, the same bytes").isEqualTo(zip);
        // A name beyond ASCII is flagged as UTF-8, in its local header and in the directory; others are not.
        assertThat(nameFlags(zip, "EPUB/images/圖.png")).containsExactly(0x0800, 0x0800);
        assertThat(nameFlags(zip, "EPUB/chapter-1.xhtml")).containsExactly(0, 0);
    }

    /** The general-purpose flags of each header that holds {@code name}: the local one, then the directory's. */
    private static List<Integer> nameFlags(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        List<Integer> flags = new ArrayList<>();
        for (int at = 0; at + wanted.length <= zip.length; at++) {
            if (java.util.Arrays.equals(zip, at, at + wanted.length, wanted, 0, wanted.length)) {
                // The name follows 30 bytes of local header or 46 of directory record; the flags are at 6 or 8.
                boolean local = zip[at - 30] == 'P' && zip[at - 29] == 'K' && zip[at - 28] == 3;
                int flagsAt = local ? at - 30 + 6 : at - 46 + 8;
                flags.add((zip[flagsAt] & 0xFF) | (zip[flagsAt + 1] & 0xFF) << 8);
            }
        }
        return flags;
    }

    private static byte[] write(List<ZipWriter.Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipWriter.write(out, entries);
        return out.toByteArray();
    }
}
