package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path temp;

    @Test
    void concurrentWritersOfOneTargetLeaveOneWholeFileAndNoTemporaryFiles() throws Exception {
        Path target = temp.resolve("book.pdf");
        byte[] a = filled(8 << 20, (byte) 'a');
        byte[] b = filled(8 << 20 + 1, (byte) 'b');
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<OutputFile.Written> first = pool.submit(() -> writeAfter(start, target, a));
                Future<OutputFile.Written> second = pool.submit(() -> writeAfter(start, target, b));
                OutputFile.Written wroteA = first.get();
                OutputFile.Written wroteB = second.get();

                byte[] there = Files.readAllBytes(target);
                assertThat(Arrays.equals(there, a) || Arrays.equals(there, b)).as("the file is one run's whole").isTrue();
                // The run whose file is there was not replaced, and says so.
                assertThat(Arrays.equals(there, a) ? wroteA.replaced() : wroteB.replaced()).isFalse();
                assertThat(Files.list(temp).toList()).containsExactly(target);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyARunReplacedByAnotherWarns() throws Exception {
        Path target = temp.resolve("book.epub");
        OutputFile.Written written = OutputFile.write(target, out -> out.write(1));

        assertThat(new OutputFile.Written(target, true).warning()).contains("book.epub").contains("another build");
        assertThat(written.warning()).isNull();
    }

    @Test
    void aLinkPlantedAtTheTemporaryNameIsNotFollowed() throws Exception {
        Path victim = Files.writeString(temp.resolve("victim.txt"), "keep me");
        Path target = temp.resolve("out").resolve("book.pdf");
        Files.createDirectories(target.getParent());
        Path planted = target.getParent().resolve(
                OutputFile.temporaryName("book.pdf", ProcessHandle.current().pid(), "planted"));
        Files.createSymbolicLink(planted, victim);
        Iterator<String> names = List.of("planted", "fresh").iterator();

        OutputFile.write(target, out -> out.write("the book".getBytes()), names::next);

        assertThat(victim).hasContent("keep me");
        assertThat(target).hasContent("the book");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
    }

    @Test
    void aFailedWriterLeavesNoTemporaryFile() throws Exception {
        Path target = temp.resolve("book.epub");

        assertThatThrownBy(() -> OutputFile.write(target, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("No space left on device");
        })).isInstanceOf(BookException.class).hasMessageContaining("book.epub").hasMessageContaining("No space left");
        assertThatThrownBy(() -> OutputFile.write(target, out -> {
            out.write(new byte[1 << 20]);
            throw new IllegalStateException("broken writer");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.list(temp).toList()).isEmpty();
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNext() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.write(temp.resolve(OutputFile.temporaryName("book.pdf", gone.pid(), "1f")), new byte[10]);
        Path running = Files.write(temp.resolve(
                OutputFile.temporaryName("book.pdf", ProcessHandle.current().pid(), "2e")), new byte[10]);
        Path otherBook = Files.write(temp.resolve(OutputFile.temporaryName("other.pdf", gone.pid(), "3d")), new byte[10]);
        FileTime earlier = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (Path file : List.of(stale, running, otherBook)) {
            Files.setLastModifiedTime(file, earlier);
        }

        OutputFile.write(temp.resolve("book.pdf"), out -> out.write(1));

        assertThat(stale).doesNotExist();
        assertThat(running).exists();
        assertThat(otherBook).exists();
    }

    private static OutputFile.Written writeAfter(CyclicBarrier start, Path target, byte[] content) throws Exception {
        start.await();
        return OutputFile.write(target, out -> {
            for (int at = 0; at < content.length; at += 4096) {
                out.write(content, at, Math.min(4096, content.length - at));
            }
        });
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
