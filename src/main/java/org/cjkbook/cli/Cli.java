package org.cjkbook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cjkbook.BookException;
import org.cjkbook.Publisher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The {@code cjkbook} command. */
@Command(name = "cjkbook", mixinStandardHelpOptions = true, version = "cjkbook 0.1.0",
        description = "Turns a Chinese article or book into an EPUB 3 and a typeset PDF.",
        subcommands = {BuildCommand.class, Cli.Inspect.class})
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // A build draws its cover off screen: a DISPLAY set in the environment would have Java
        // connect to that X server first, and stop with an AWTError where none answers.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line and returns its exit code; errors go to {@code err} as one line. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Cli());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BookException) {
                err.println("cjkbook: " + e.getMessage());
                return 1;
            }
            err.println("cjkbook: internal error: " + e);
            return 70;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Progress and warnings as lines on standard error, each as soon as it is said. */
    static Publisher.Progress progress(PrintWriter err) {
        return new Publisher.Progress() {
            @Override
            public void info(String message) {
                err.println("cjkbook: " + message);
                err.flush();
            }

            @Override
            public void warning(String message) {
                info(message);
            }
        };
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build or inspect");
    }

    @Command(name = "inspect", description = "Prints the structure cjkbook finds in SOURCE, as JSON.")
    static final class Inspect implements Callable<Integer> {

        @Parameters(paramLabel = "SOURCE", description = "A book folder, or a .txt or .md file.")
        Path source;

        @CommandLine.Mixin
        MetadataOptions metadata;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Publisher.Reading reading = metadata.applyTo(Publisher.builder()).source(source)
                    .progress(progress(spec.commandLine().getErr())).build().read();
            // The sources as the person would name them: inside the book's folder.
            Path folder = java.nio.file.Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
            spec.commandLine().getOut().print(InspectionJson.of(reading.book(), reading.sources().stream()
                    .map(file -> folder.toAbsolutePath().normalize().relativize(file).toString()).toList(),
                    reading.vertical()));
            return 0;
        }
    }
}
