package org.cjkbook.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.font.Face;

/**
 * cjkbook against the tool a person would pick instead, as whole processes: each text
 * built by the launcher ({@code target/cjkbook}) and by plain {@code java -jar}, both
 * editions, and made into an EPUB by Pandoc from the same source with the same fonts
 * embedded. The tools take turns run by run, so that the machine's other work slows each
 * alike, and each is timed by its best run. Peak memory is the child's high-water mark
 * of resident memory, read from {@code /proc} while it runs.
 */
final class ProcessComparison {

    /** The texts measured, each with its target. */
    enum Kind { SEED, CHAPTER, NOVEL, TEN_COPIES, FIFTY_MB }

    /**
     * One text: what the table calls it, the source cjkbook builds and the one Pandoc reads,
     * the heap option cjkbook's builds get (null: Java's default), the runs of each tool, and
     * whether plain {@code java -jar} is measured too.
     */
    record Text(Kind kind, String label, Path source, Path pandocSource, String heap, int runs, boolean plain) {
    }

    private static final Pattern CHARACTERS = Pattern.compile("([\\d,]+) characters in");
    private static final Pattern PDF = Pattern.compile("pdf: wrote .*\\((\\d+) pages?, .*\\) in (\\d+) ms");

    private final Path jar;
    private final Path launcher;
    private final Path pandoc;
    private final Path fonts;
    private final Path work;
    private final long timeoutNanos;
    private final Map<Kind, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    ProcessComparison(Path jar, Path fonts, Path work, long timeoutSeconds) {
        this.jar = jar.toAbsolutePath();
        this.launcher = this.jar.resolveSibling("cjkbook");
        this.pandoc = onPath("pandoc");
        this.fonts = fonts;
        this.work = work;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    /** Measures each text in turn, printing its row as soon as it is measured, then what failed. */
    void run(List<Text> texts) throws IOException, InterruptedException {
        System.out.printf("%nWhole processes, the best of each tool's runs, the tools taking turns (%d cores). cjkbook:"
                + " %s; java -jar: plain java -jar %s; Pandoc: the EPUB alone, embedding %s. Peak RSS in MB.%n%n",
                Runtime.getRuntime().availableProcessors(),
                Files.isExecutable(launcher) ? "the launcher " + launcher : "no launcher (" + launcher
                        + " is made by mvn package on a POSIX system)", jar.getFileName(),
                String.join(", ", pandocFonts()));
        System.out.println("| text | characters | pages | PDF ms/page | cjkbook (s, MB) | java -jar (s, MB)"
                + " | Pandoc EPUB (s, MB) | ratio | target |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Text text : texts) {
            Row row = measure(text);
            rows.put(text.kind(), row);
            System.out.println(row.line(target(text, row)));
        }
        notes.forEach(note -> System.out.println("  " + note));
    }

    private Row measure(Text text) throws IOException, InterruptedException {
        Map<String, Tool> tools = new LinkedHashMap<>();
        if (Files.isExecutable(launcher)) {
            tools.put("cjkbook", new Tool(launcherCommand(text), text.heap() == null ? Map.of()
                    : Map.of("JAVA_OPTS", text.heap())));
        }
        if (text.plain()) {
            tools.put("java -jar", new Tool(plainCommand(text), Map.of()));
        }
        if (pandoc != null) {
            tools.put("pandoc", new Tool(pandocCommand(text), Map.of()));
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tools.keySet().forEach(name -> tallies.put(name, new Tally()));
        List<String> names = new ArrayList<>(tools.keySet());
        for (int run = 0; run < text.runs(); run++) {
            // Each run starts with the next tool, so none is always the one that finds the files cold.
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((run + i) % names.size());
                Tally tally = tallies.get(name);
                if (tally.failure == null) {
                    tally.add(execute(tools.get(name), text.label() + " by " + name));
                }
            }
        }
        return new Row(text, tallies);
    }

    /** A command and the environment it adds. */
    private record Tool(List<String> command, Map<String, String> environment) {
    }

    private List<String> launcherCommand(Text text) {
        return List.of(launcher.toString(), "build", text.source().toString(), "-o", output("cjkbook"));
    }

    private List<String> plainCommand(Text text) {
        List<String> command = new ArrayList<>(List.of(java()));
        if (text.heap() != null) {
            command.add(text.heap());
        }
        command.addAll(List.of("-jar", jar.toString(), "build", text.source().toString(), "-o", output("java")));
        return command;
    }

    private List<String> pandocCommand(Text text) {
        String name = text.pandocSource().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        List<String> command = new ArrayList<>(List.of(pandoc.toString(), "-f", "markdown",
                text.pandocSource().toString(), "-o", Path.of(output("pandoc"), name + ".epub").toString()));
        pandocFonts().forEach(font -> command.add("--epub-embed-font=" + font));
        return command;
    }

    /** The fonts cjkbook embeds in a Simplified Chinese book without code. */
    private List<String> pandocFonts() {
        return List.of(Face.BODY, Face.BOLD, Face.HEADING).stream()
                .map(face -> fonts.resolve(face.defaultFileName()).toString()).toList();
    }

    /** The folder a tool writes to, its own, so that no tool finds another's files. */
    private String output(String tool) {
        Path folder = work.resolve("out-" + tool);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A program found on the PATH, as a shell would find it; null when there is none. */
    private static Path onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** One run of a process: its wall time, peak resident memory (-1 unknown), exit code and standard error. */
    private record Run(long nanos, long peakKb, int exit, String log, boolean timedOut) {
    }

    private Run execute(Tool tool, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "log", ".txt");
        ProcessBuilder builder = new ProcessBuilder(tool.command()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(tool.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        boolean timedOut = false;
        // The high-water mark only grows, so the last reading before the exit is the peak but
        // for the last few milliseconds; once the process has exited its figures are gone.
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
            if (System.nanoTime() - start > timeoutNanos) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                timedOut = true;
                break;
            }
        }
        long nanos = System.nanoTime() - start;
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        Run run = new Run(nanos, peak, process.exitValue(), text, timedOut);
        System.err.printf("  %s: %.2f s, %s MB%s%n", what, nanos / 1e9, peak < 0 ? "?" : peak >> 10,
                run.exit() == 0 ? "" : ", failed");
        return run;
    }

    /** VmHWM of a running process, in KB; -1 where the system does not say. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc, or the process just ended.
        }
        return -1;
    }

    /** The runs of one tool on one text. */
    private static final class Tally {
        long bestNanos = Long.MAX_VALUE;
        long peakKb = -1;
        long bestPdfMillis = -1;
        String log;
        String failure;

        void add(Run run) {
            peakKb = Math.max(peakKb, run.peakKb());
            if (run.timedOut() || run.exit() != 0) {
                // What it read and how far it got still say something of the text.
                log = run.log();
                bestNanos = run.nanos();
                String[] lines = run.log().strip().split("\n");
                failure = run.timedOut() ? "timed out after " + TimeUnit.NANOSECONDS.toSeconds(run.nanos()) + " s"
                        : "exit " + run.exit() + ": " + lines[lines.length - 1];
                return;
            }
            if (run.nanos() < bestNanos) {
                bestNanos = run.nanos();
                log = run.log();
            }
            Matcher pdf = PDF.matcher(run.log());
            if (pdf.find()) {
                long millis = Long.parseLong(pdf.group(2));
                bestPdfMillis = bestPdfMillis < 0 ? millis : Math.min(bestPdfMillis, millis);
            }
        }

        boolean measured() {
            return failure == null && log != null;
        }

        double seconds() {
            return bestNanos / 1e9;
        }

        long peakMb() {
            return peakKb < 0 ? -1 : peakKb >> 10;
        }

        String cell() {
            if (log == null) {
                return "not run";
            }
            return String.format("%s%.2f, %s", failure == null ? "" : "failed after ", seconds(),
                    peakKb < 0 ? "?" : Long.toString(peakMb()));
        }
    }

    /** One text's figures. */
    private final class Row {
        final Text text;
        final Tally cjkbook;
        final Tally plain;
        final Tally pandoc;
        final long characters;
        final int pages;
        final long pdfMillis;

        Row(Text text, Map<String, Tally> tallies) {
            this.text = text;
            this.cjkbook = tallies.get("cjkbook");
            this.plain = tallies.get("java -jar");
            this.pandoc = tallies.get("pandoc");
            Tally built = cjkbook != null ? cjkbook : plain;
            String log = built != null && built.log != null ? built.log : "";
            Matcher characters = CHARACTERS.matcher(log);
            this.characters = characters.find() ? Long.parseLong(characters.group(1).replace(",", "")) : -1;
            Matcher pdf = PDF.matcher(log);
            this.pages = pdf.find() ? Integer.parseInt(pdf.group(1)) : -1;
            this.pdfMillis = built == null ? -1 : built.bestPdfMillis;
            tallies.forEach((name, tally) -> {
                if (tally.failure != null) {
                    notes.add(text.label() + " by " + name + ": " + tally.failure);
                }
            });
        }

        /** The launcher's time, else plain java -jar's: cjkbook as the table measures it. */
        Tally cjkbookOrPlain() {
            return cjkbook != null ? cjkbook : plain;
        }

        double pdfPerPage() {
            return pdfMillis < 0 || pages <= 0 ? -1 : (double) pdfMillis / pages;
        }

        /** cjkbook's time over Pandoc's; NaN when either is missing. */
        double ratio() {
            Tally ours = cjkbookOrPlain();
            return ours == null || !ours.measured() || pandoc == null || !pandoc.measured() ? Double.NaN
                    : ours.seconds() / pandoc.seconds();
        }

        String line(String target) {
            return String.join(" | ", "| " + text.label(),
                    characters < 0 ? "?" : String.format("%,d", characters),
                    pages < 0 ? "?" : Integer.toString(pages),
                    pdfPerPage() < 0 ? "?" : String.format("%.1f", pdfPerPage()),
                    cjkbook == null ? "no launcher" : cjkbook.cell(),
                    plain == null ? "not run" : plain.cell(),
                    pandoc == null ? "no pandoc on PATH" : pandoc.cell(),
                    Double.isNaN(ratio()) ? "-" : String.format("%.2f", ratio()),
                    target + " |");
        }
    }

    /** What a text's build is to meet. */
    private static String targetText(Text text) {
        return switch (text.kind()) {
            case SEED -> "≤ 0.6× Pandoc";
            case CHAPTER -> "PDF ms/page ≤ 1.5× the seed's";
            case NOVEL -> "≤ 1.5× Pandoc, ≤ 512 MB";
            case TEN_COPIES -> "≤ 10× the novel's time, < 768 MB";
            case FIFTY_MB -> "builds with " + text.heap();
        };
    }

    /** The row's target and whether it is met, said in words; a build that failed meets none. */
    private String target(Text text, Row row) {
        Tally ours = row.cjkbookOrPlain();
        String verdict;
        if (ours == null) {
            verdict = "unknown";
        } else if (ours.failure != null) {
            verdict = "not met, the build failed";
        } else {
            verdict = switch (text.kind()) {
                case SEED -> ratioVerdict(row, 0.6);
                case CHAPTER -> {
                    Row seed = rows.get(Kind.SEED);
                    yield seed == null || seed.pdfPerPage() <= 0 || row.pdfPerPage() < 0 ? "unknown"
                            : String.format("%.2f×, %s", row.pdfPerPage() / seed.pdfPerPage(),
                            met(row.pdfPerPage() <= 1.5 * seed.pdfPerPage()));
                }
                case NOVEL -> ratioVerdict(row, 1.5) + "; " + memoryVerdict(ours, ours.peakMb() <= 512);
                case TEN_COPIES -> {
                    Row novel = rows.get(Kind.NOVEL);
                    Tally once = novel == null ? null : novel.cjkbookOrPlain();
                    yield (once == null || !once.measured() ? "unknown"
                            : String.format("%.1f×, %s", ours.seconds() / once.seconds(),
                            met(ours.seconds() <= 10 * once.seconds())))
                            + "; " + memoryVerdict(ours, ours.peakMb() < 768);
                }
                case FIFTY_MB -> "met";
            };
        }
        return targetText(text) + ": " + verdict;
    }

    private static String ratioVerdict(Row row, double limit) {
        return Double.isNaN(row.ratio()) ? "unknown" : String.format("%.2f×, %s", row.ratio(), met(row.ratio() <= limit));
    }

    private static String memoryVerdict(Tally tally, boolean within) {
        return tally.peakMb() < 0 ? "memory unknown" : tally.peakMb() + " MB, " + met(within);
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
    }

    /** Writes {@code copies} copies of {@code source} one after another, each ending its line. */
    static Path repeated(Path source, int copies, Path file) throws IOException {
        byte[] text = Files.readAllBytes(source);
        boolean ended = text.length > 0 && text[text.length - 1] == '\n';
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int copy = 0; copy < copies; copy++) {
                out.write(text);
                if (!ended) {
                    out.write('\n');
                }
            }
        }
        return file;
    }
}
