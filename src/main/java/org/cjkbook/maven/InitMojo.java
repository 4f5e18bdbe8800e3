package org.cjkbook.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts a new book in an empty folder: a {@code pom.xml} that uses this plugin, a
 * {@code book/book.yaml} and a first chapter, so that {@code mvn package} there makes a
 * book. Runs without a project:
 * {@code mvn org.cjkbook:cjkbook:VERSION:init}.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public final class InitMojo extends AbstractMojo {

    /** The files a new book starts with, and the templates they are made from. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("pom.xml", "init/pom.xml");
        FILES.put("book/book.yaml", "init/book.yaml");
        FILES.put("book/01.md", "init/01.md");
    }

    /** The folder to start the book in (default: the folder Maven was started in). */
    @Parameter(property = "cjkbook.directory", defaultValue = "${session.executionRootDirectory}")
    private File directory;

    /** The coordinates the new pom.xml names, so that it uses this very plugin. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoFailureException {
        Path folder = directory.toPath().toAbsolutePath();
        for (String name : FILES.keySet()) {
            if (Files.exists(folder.resolve(name))) {
                throw new MojoFailureException(folder.resolve(name) + ": already there; init starts a book "
                        + "in a folder without one");
            }
        }
        Map<String, String> values = Map.of(
                "@GROUP@", plugin.getGroupId(),
                "@ARTIFACT@", plugin.getArtifactId(),
                "@VERSION@", plugin.getVersion(),
                "@NAME@", artifactId(folder),
                "@TODAY@", LocalDate.now(ZoneOffset.UTC).toString());
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                String text = template(file.getValue());
                for (Map.Entry<String, String> value : values.entrySet()) {
                    text = text.replace(value.getKey(), value.getValue());
                }
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
                getLog().info("cjkbook: wrote " + target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new MojoFailureException(e.getFile() + ": already there; init starts a book in a folder without one");
        } catch (IOException e) {
            throw new MojoFailureException(folder + ": cannot write the new book (" + e.getMessage() + ")", e);
        }
        getLog().info("cjkbook: a new book in " + folder + "; write in book/, then run mvn package");
    }

    /** The folder's name as a Maven artifact id. */
    private static String artifactId(Path folder) {
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        String id = name.replaceAll("[^A-Za-z0-9_.-]", "");
        return id.isEmpty() ? "book" : id;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = InitMojo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the plugin");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
