package org.cjkbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cjkbook.Publisher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = "Builds the EPUB and PDF editions of SOURCE into DIR/NAME.epub and DIR/NAME.pdf.")
final class BuildCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE", description = "A book folder with book.yaml, or a .txt or .md file.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: the current folder).")
    Path output = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Editions to build: epub, pdf (default: the book's 'formats', else both).")
    List<String> formats;

    @Option(names = "--fonts", paramLabel = "DIR",
            description = "Folder with a font file for each face (default: the book's 'fonts', else the bundled fonts).")
    Path fontsFolder;

    @Option(names = "--script", paramLabel = "SCRIPT",
            description = "Convert the text to hans, hant, hant-tw or hant-hk (default: the book's 'script', else as written).")
    String script;

    @Option(names = "--vertical", description = "Set the EPUB in vertical lines, right to left (default: the book's 'writing-mode').")
    boolean vertical;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Publisher.Builder builder = Publisher.builder();
        if (script != null) {
            builder.set("script", script);
        }
        if (vertical) {
            builder.set("writing-mode", "vertical");
        }
        builder.source(source)
                .output(output)
                .formats(formats == null ? null : Publisher.formats(formats, "--format"))
                .fontsFolder(fontsFolder)
                .progress(Cli.progress(err))
                .build()
                .publish();
        return 0;
    }
}
