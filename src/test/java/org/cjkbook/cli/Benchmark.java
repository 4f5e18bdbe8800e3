package org.cjkbook.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cjkbook.Publisher;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;

/**
 * Speed and memory on real books: the seed article and the novel, each built several
 * times in one JVM after a warm-up, then the seed as a whole {@code java -jar} process.
 * Run by {@code mvn -Pbenchmark verify}; prints its figures, asserts nothing.
 */
public final class Benchmark {

    private static final int RUNS = 5;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/cjkbook.jar");
        List<Path> books = new ArrayList<>(List.of(Path.of("book")));
        Path novel = Path.of("../shared/corpus/novel-hongloumeng.txt");
        if (Files.exists(novel)) {
            books.add(novel);
        } else {
            System.out.println("(no " + novel + ": the novel is left out)");
        }
        FontSet fonts = FontSet.inFolder(Path.of("fonts"));
        Path out = Files.createTempDirectory("cjkbook-benchmark");
        // The JVM compiles the hot code of both modes first, so the first table is not slowed
        // by compilation that the second would be spared.
        for (boolean compose : new boolean[] {true, false}) {
            for (int run = 0; run < 2 * RUNS; run++) {
                publisher(books.get(0), fonts, out, compose).publish();
            }
        }
        System.out.printf("%d runs after a warm-up, in one JVM (%s, max heap %d MB, %d cores)%n", RUNS,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-28s %9s %8s %6s %9s %9s %8s %8s %8s %8s %9s %9s%n", "book", "chars", "chapters", "pages",
                "EPUB KB", "PDF KB", "read ms", "EPUB ms", "PDF ms", "total ms", "first ms", "peak MB");
        for (Path source : books) {
            measure(source, fonts, out, true);
        }
        System.out.println("without the paragraph composer (Flying Saucer breaks the lines):");
        for (Path source : books) {
            measure(source, fonts, out, false);
        }
        processTime(jar, out);
    }

    private static Publisher publisher(Path source, FontSet fonts, Path out, boolean compose) {
        return Publisher.builder().source(source).fonts(fonts).output(out).formats(List.of("epub", "pdf"))
                .composeLines(compose).build();
    }

    private static void measure(Path source, FontSet fonts, Path out, boolean compose) throws Exception {
        Publisher publisher = publisher(source, fonts, out, compose);
        System.gc();
        resetPeaks();
        long first = 0;
        List<long[]> runs = new ArrayList<>();
        Publisher.Result result = null;
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            result = publisher.publish();
            long total = System.nanoTime() - start;
            if (run == 0) {
                first = total;
            } else {
                runs.add(new long[] {result.readNanos(), edition(result, "epub").nanos(),
                    edition(result, "pdf").nanos(), total});
            }
        }
        long peak = peakHeap();
        Book book = result.book();
        System.out.printf("%-28s %,9d %8d %6d %,9d %,9d %8d %8d %8d %8d %9d %9d%n", source.getFileName(),
                result.characters(), book.chapters().size(), result.pages(),
                edition(result, "epub").bytes() >> 10, edition(result, "pdf").bytes() >> 10,
                median(runs, 0), median(runs, 1), median(runs, 2), median(runs, 3), first / 1_000_000, peak >> 20);
    }

    private static Publisher.Edition edition(Publisher.Result result, String format) {
        return result.editions().stream().filter(e -> e.format().equals(format)).findFirst().orElseThrow();
    }

    /** The seed built by a fresh JVM each time, as a person runs it. */
    private static void processTime(Path jar, Path out) throws Exception {
        if (!Files.exists(jar)) {
            System.out.println("(no " + jar + ": run mvn package first for the whole-process figure)");
            return;
        }
        List<Long> times = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "build", "book", "-o", out.toString(), "--fonts", "fonts")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("java -jar build failed");
            }
            if (run > 0) {
                times.add(System.nanoTime() - start);
            }
        }
        Collections.sort(times);
        System.out.printf("java -jar %s build book: median %d ms, best %d ms (whole process, %d runs)%n",
                jar.getFileName(), times.get(times.size() / 2) / 1_000_000, times.get(0) / 1_000_000, RUNS);
    }

    private static long median(List<long[]> runs, int column) {
        List<Long> values = new ArrayList<>();
        runs.forEach(r -> values.add(r[column]));
        Collections.sort(values);
        return values.get(values.size() / 2) / 1_000_000;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The largest heap in use since the peaks were reset: the sum of the heap pools' peaks. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
