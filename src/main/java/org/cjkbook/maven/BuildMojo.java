package org.cjkbook.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.cjkbook.BookException;
import org.cjkbook.Publisher;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds the EPUB and PDF editions of a book, by the same pipeline as the command line.
 * When nothing it reads has changed since its last build, it says the editions are up
 * to date and writes nothing.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class BuildMojo extends AbstractMojo {

    /** The book: a folder (with or without {@code book.yaml}), or a lone {@code .txt} or {@code .md} file. */
    @Parameter(property = "cjkbook.source", defaultValue = "${project.basedir}/book")
    private File source;

    /** Where the editions are written, as {@code NAME.epub} and {@code NAME.pdf}. */
    @Parameter(property = "cjkbook.outputDirectory", defaultValue = "${project.build.directory}/book")
    private File outputDirectory;

    /** The editions to build, {@code epub} and {@code pdf} (default: the book's {@code formats}, else both). */
    @Parameter(property = "cjkbook.formats")
    private List<String> formats;

    /** A folder with a font file for each face, in place of the fonts that come with the plugin. */
    @Parameter(property = "cjkbook.fontsDirectory")
    private File fontsDirectory;

    /** The PDF's page size: {@code A5}, {@code A4}, {@code B5}, {@code 16K} or {@code 32K} (default: the book's, else A5). */
    @Parameter(property = "cjkbook.pageSize")
    private String pageSize;

    /** Makes the PDF an archival one, PDF/A-1 (default: the book's {@code pdfa}, else not). */
    @Parameter(property = "cjkbook.pdfa")
    private Boolean pdfa;

    /**
     * The script to convert the text to: {@code hans}, {@code hant}, {@code hant-tw} or
     * {@code hant-hk} (default: the book's {@code script}, else the characters it is written in).
     */
    @Parameter(property = "cjkbook.script")
    private String script;

    /**
     * Keys of {@code book.yaml}, by cjkbook's names or Pandoc's, that override the book's own,
     * e.g. {@code <title>书名</title>} or {@code <author>王一帆</author>}; a value in brackets
     * is a list, e.g. {@code <subjects>[历史, 文化]</subjects>}.
     */
    @Parameter
    private Map<String, String> metadata;

    /** Skips the build. */
    @Parameter(property = "cjkbook.skip", defaultValue = "false")
    private boolean skip;

    /** Maven's reproducible-build date: the date the editions carry, unless SOURCE_DATE_EPOCH is set. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /** Where the stamp of the last build is kept. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    /** Tells the executions of one project apart: each keeps its own stamp. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution execution;

    /** The plugin's version and jar, which a build depends on as much as on its sources. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("cjkbook: skipped");
            return;
        }
        // FontBox warns, on Maven's log, of every font's format 14 cmap, which cjkbook has no
        // use for: no news for the person building. Maven's logger reads this when FontBox's
        // loggers are made, on first use.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.fontbox", "error");
        Instant timestamp = OutputTimestamp.parse(outputTimestamp);
        Map<String, Object> overrides = overrides();
        UpToDate upToDate = new UpToDate(buildDirectory.toPath().resolve("cjkbook")
                .resolve(execution.getExecutionId() + ".stamp"), inputs(timestamp, overrides));
        if (upToDate.check()) {
            getLog().info("cjkbook: " + source + " is up to date in " + outputDirectory);
            return;
        }
        Publisher.Builder builder = Publisher.builder()
                .source(source.toPath())
                .output(outputDirectory.toPath())
                .formats(formats == null || formats.isEmpty() ? null : formats)
                .fontsFolder(fontsDirectory == null ? null : fontsDirectory.toPath())
                .timestamp(timestamp)
                .progress(new Publisher.Progress() {
                    @Override
                    public void info(String message) {
                        getLog().info("cjkbook: " + message);
                    }

                    @Override
                    public void warning(String message) {
                        getLog().warn("cjkbook: " + message);
                    }
                });
        overrides.forEach(builder::set);
        try {
            Publisher.Result result = builder.build().publish();
            upToDate.record(result.editions().stream().map(Publisher.Edition::file).toList());
        } catch (BookException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The settings the POM gives, as {@code book.yaml} keys. */
    private Map<String, Object> overrides() {
        Map<String, Object> overrides = new TreeMap<>();
        if (metadata != null) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            metadata.forEach((key, value) -> overrides.put(key, value != null && value.strip().startsWith("[")
                    ? yaml.load(value) : value));
        }
        if (pageSize != null) {
            overrides.put("page-size", pageSize);
        }
        if (script != null) {
            overrides.put("script", script);
        }
        if (pdfa != null) {
            overrides.put("pdfa", pdfa);
        }
        return overrides;
    }

    /** Everything a build reads besides the files: what, with which settings and which plugin. */
    private UpToDate.Inputs inputs(Instant timestamp, Map<String, Object> overrides) {
        File pluginJar = plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
        String settings = String.join("\n",
                "plugin " + plugin.getVersion() + " " + (pluginJar == null ? "" : pluginJar.length() + " "
                        + pluginJar.lastModified()),
                "output " + outputDirectory.getAbsolutePath(),
                "formats " + formats,
                "fonts " + fontsDirectory,
                "settings " + overrides,
                "timestamp " + timestamp,
                "SOURCE_DATE_EPOCH " + System.getenv("SOURCE_DATE_EPOCH"));
        List<Path> excluded = List.of(outputDirectory.toPath(), buildDirectory.toPath());
        // A lone source file reads its images from beside it.
        Path book = source.isDirectory() ? source.toPath() : source.getAbsoluteFile().getParentFile().toPath();
        List<Path> read = fontsDirectory == null ? List.of(book) : List.of(book, fontsDirectory.toPath());
        return new UpToDate.Inputs(settings, read, excluded);
    }
}
