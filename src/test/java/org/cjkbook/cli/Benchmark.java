package org.cjkbook.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.cjkbook.Publisher;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;

/**
 * Speed and memory on real books, two ways. In one JVM, the seed article and the novel,
 * each built several times after a warm-up, stage by stage. Then as whole processes, the
 * way a person runs them, against Pandoc making the EPUB alone ({@link ProcessComparison}):
 * the seed, a Markdown chapter with SVG figures, the novel, ten copies of the novel as one
 * book under {@code -Xmx512m}, and the novel repeated to 50 MB under {@code -Xmx1g}.
 * Run by {@code mvn -Pbenchmark verify}; prints its figures and which targets are met,
 * asserts nothing.
 *
 * <p>System properties: {@code cjkbook.benchmark.runs} (3), the runs of each tool on the
 * seed, the chapter and the novel; {@code cjkbook.benchmark.largeRuns} (1), on the two
 * large texts; {@code cjkbook.benchmark.inJvm}, {@code cjkbook.benchmark.tenCopies} and
 * {@code cjkbook.benchmark.50mb} (true), false leaves out the in-JVM table, the ten copies
 * or the 50 MB text; {@code cjkbook.benchmark.timeout} (900), the seconds after which a
 * process is stopped and counted as failed.
 */
public final class Benchmark {

    private static final int RUNS = 5;
    private static final long FIFTY_MB = 50_000_000;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/cjkbook.jar");
        Path corpus = Path.of("../shared/corpus");
        Path novel = corpus.resolve("novel-hongloumeng.txt");
        Path chapter = corpus.resolve("md-trpl-ch04-01-what-is-ownership.md");
        Path out = Files.createTempDirectory("cjkbook-benchmark");
        try {
            // Whole processes first, while this JVM is idle: once it has built books itself, its
            // compiler and collector go on working beside the processes timed.
            compareProcesses(jar, novel, chapter, out);
            if (on("inJvm")) {
                inJvm(novel, out);
            }
        } finally {
            delete(out);
        }
    }

    private static void inJvm(Path novel, Path out) throws Exception {
        List<Path> books = new ArrayList<>(List.of(Path.of("book")));
        if (Files.exists(novel)) {
            books.add(novel);
        } else {
            System.out.println("(no " + novel + ": the novel is left out)");
        }
        FontSet fonts = FontSet.inFolder(Path.of("fonts"));
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
    }

    private static void compareProcesses(Path jar, Path novel, Path chapter, Path out) throws Exception {
        if (!Files.exists(jar)) {
            System.out.println("(no " + jar + ": run mvn package first for the whole-process figures)");
            return;
        }
        int runs = Integer.getInteger("cjkbook.benchmark.runs", 3);
        int largeRuns = Integer.getInteger("cjkbook.benchmark.largeRuns", 1);
        List<ProcessComparison.Text> texts = new ArrayList<>();
        texts.add(new ProcessComparison.Text(ProcessComparison.Kind.SEED, "book/", Path.of("book"),
                Path.of("book", "article.txt"), null, runs, true));
        if (Files.exists(chapter)) {
            texts.add(new ProcessComparison.Text(ProcessComparison.Kind.CHAPTER, chapter.getFileName().toString(),
                    chapter, chapter, null, runs, true));
        }
        if (Files.exists(novel)) {
            texts.add(new ProcessComparison.Text(ProcessComparison.Kind.NOVEL, novel.getFileName().toString(),
                    novel, novel, null, runs, true));
            if (on("tenCopies")) {
                Path tenCopies = ProcessComparison.repeated(novel, 10, out.resolve("novel-x10.txt"));
                texts.add(new ProcessComparison.Text(ProcessComparison.Kind.TEN_COPIES, "the novel ×10", tenCopies,
                        tenCopies, "-Xmx512m", largeRuns, false));
            }
            if (on("50mb")) {
                int copies = (int) Math.ceil(FIFTY_MB / (double) Files.size(novel));
                Path fifty = ProcessComparison.repeated(novel, copies, out.resolve("novel-50mb.txt"));
                texts.add(new ProcessComparison.Text(ProcessComparison.Kind.FIFTY_MB, String.format(
                        "the novel ×%d, %d MB", copies, Files.size(fifty) / 1_000_000), fifty, fifty, "-Xmx1g",
                        largeRuns, false));
            }
        } else {
            System.out.println("(no " + novel + ": the novel and the texts made of it are left out)");
        }
        new ProcessComparison(jar, Path.of("fonts"), out, Long.getLong("cjkbook.benchmark.timeout", 900))
                .run(texts);
    }

    /** A part of the benchmark, on unless its property says false. */
    private static boolean on(String part) {
        return Boolean.parseBoolean(System.getProperty("cjkbook.benchmark." + part, "true"));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
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
