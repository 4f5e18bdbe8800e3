package org.cjkbook.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real Maven builds of sample projects against this build's plugin. The plugin is the
 * compiled classes with their generated descriptor, installed as a jar into a local
 * repository of the tests' own; every other artifact comes from the outer build's local
 * repository through a mirror, so the builds need no network.
 */
final class MavenBuild {

    static final String VERSION = System.getProperty("cjkbook.it.version", "0.1.0-SNAPSHOT");
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path SAMPLES = PROJECT.resolve("src/test/resources/maven");
    private static final Path REPOSITORY = PROJECT.resolve("target/it-repository");
    private static final Path SETTINGS = PROJECT.resolve("target/it-settings.xml");
    private static boolean installed;

    /** What a build did: its exit code and its log. */
    record Run(int exitCode, String log) {
    }

    private MavenBuild() {
    }

    /** A copy of sample project {@code name} in {@code folder}, using this plugin's version. */
    static Path sample(String name, Path folder) throws IOException {
        Path from = SAMPLES.resolve(name);
        Path to = folder.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace("@VERSION@", VERSION));
                }
            }
        }
        return to;
    }

    /** Runs {@code mvn ARGS} in {@code project}. */
    static Run mvn(Path project, String... args) throws IOException, InterruptedException {
        install();
        String home = System.getProperty("cjkbook.it.mavenHome");
        List<String> command = new ArrayList<>(List.of(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-s", SETTINGS.toString(), "-Dmaven.repo.local=" + REPOSITORY));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("cjkbook-maven", ".log");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " in " + project + " took over 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    /** The plugin as Maven finds it: jar and POM in the local repository, once per test run. */
    private static synchronized void install() throws IOException {
        if (installed) {
            return;
        }
        Path folder = REPOSITORY.resolve("org/cjkbook/cjkbook").resolve(VERSION);
        Files.createDirectories(folder);
        Files.copy(PROJECT.resolve("pom.xml"), folder.resolve("cjkbook-" + VERSION + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        jar(PROJECT.resolve("target/classes"), folder.resolve("cjkbook-" + VERSION + ".jar"));
        String outer = System.getProperty("cjkbook.it.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Files.writeString(SETTINGS, "<settings><mirrors><mirror><id>outer-local</id><mirrorOf>*</mirrorOf><url>"
                + Path.of(outer).toUri() + "</url></mirror></mirrors></settings>\n");
        installed = true;
    }

    /** The classes folder as a jar. */
    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }
}
