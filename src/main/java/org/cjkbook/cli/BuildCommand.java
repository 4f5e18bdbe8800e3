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

    @Option(names = "--normalize-punctuation",
            description = "Clean up punctuation: straight quotes paired into curly ones, full stops, ellipses, dashes"
                    + " and half-width marks made those of Chinese print (the book's 'punctuation: normalize').")
    boolean normalizePunctuation;

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
        Publisher.Builder publisher = metadata.applyTo(Publisher.builder());
        if (normalizePunctuation) {
            publisher.set("punctuation", "normalize");
        }
        if (script != null) {
            publisher.set("script", script);
        }
        if (vertical) {
            publisher.set("writing-mode", "vertical");
        }
        if (pdfa) {
            publisher.set("pdfa", true);
        }
        publisher
                .source(source)
                .output(output)
                .formats(formats == null ? null : Publisher.formats(formats, "--format"))
                .fontsFolder(fontsFolder)
                .progress(Cli.progress(err))
                .build()
                .publish();
        return 0;
    }
}
