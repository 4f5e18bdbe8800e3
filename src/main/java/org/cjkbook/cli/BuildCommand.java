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

    @Parameters(paramLabel = "SOURCE", description = "A book folder, or a .txt or .md file.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: the current folder).")
    Path output = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Editions to build: epub, pdf (default: the book's 'formats', else both).")
    List<String> formats;

    @Option(names = "--fonts", paramLabel = "DIR",
            description = "Folder with a font file for each face (default: the book's 'fonts', else the bundled fonts).")
    Path fontsFolder;

    @Option(names = "--pdfa", description = "Make the PDF an archival one, PDF/A-1 (the book's 'pdfa: true' does the same).")
    boolean pdfa;

    @CommandLine.Mixin
    MetadataOptions metadata;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Publisher.Builder publisher = metadata.applyTo(Publisher.builder());
        if (pdfa) {
            publisher.set("pdfa", true);
        }
        publisher.source(source)
                .output(output)
                .formats(formats == null ? null : Publisher.formats(formats, "--format"))
                .fontsFolder(fontsFolder)
                .progress(Cli.progress(err))
                .build()
                .publish();
        return 0;
    }
}
