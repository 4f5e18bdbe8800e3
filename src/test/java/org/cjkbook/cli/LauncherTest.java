package org.cjkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.cjkbook.ExternalTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script, {@code src/main/launcher/cjkbook}, run as the build leaves it
 * beside a jar: here a jar whose program prints what it was given.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("src/main/launcher/cjkbook");

    @TempDir
    Path temp;

    private Path folder;
    private Path launcher;
    private Path jar;

    /** Prints its arguments, one a line, then the JVM's options and a property; exits with the code in that property. */
    public static final class Echo {
        public static void main(String[] args) {
            for (String arg : args) {
                System.out.println("arg " + arg);
            }
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(option -> System.out.println("jvm " + option));
            System.exit(Integer.getInteger("echo.exit", 0));
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void placeTheLauncherBesideAJar() throws IOException {
        ExternalTool.require("sh");
        folder = Files.createDirectories(temp.resolve("target"));
        launcher = Files.copy(SCRIPT, folder.resolve("cjkbook"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        String entry = Echo.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Echo.class.getName());
        jar = folder.resolve("cjkbook.jar");
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(Echo.class.getClassLoader().getResourceAsStream(entry).readAllBytes());
        }
    }

    @Test
    void passesEveryArgumentThroughUnchangedWithTheChosenOptionsAndJavaOpts() throws Exception {
        Run run = run(launcher, Map.of("JAVA_OPTS", "-Decho.exit=3 -Xmx300m"), "build", "两个 字", "-o", "a b", "$HOME",
                "*");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out().lines().filter(line -> line.startsWith("arg ")))
                .containsExactly("arg build", "arg 两个 字", "arg -o", "arg a b", "arg $HOME", "arg *");
        assertThat(run.out()).contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:CICompilerCount=1", "jvm -XX:+UseSerialGC",
                "jvm -Xmx300m");
        Path hugePages = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean lent = Files.isReadable(hugePages) && !Files.readString(hugePages).contains("[never]");
        assertThat(run.out().contains("jvm -XX:+UseTransparentHugePages")).as("asks for huge pages").isEqualTo(lent);
        // The person's options come after the launcher's, so that theirs win.
        assertThat(run.out().indexOf("jvm -Xmx300m")).isGreaterThan(run.out().indexOf("jvm -XX:+UseSerialGC"));
    }

    @Test
    void javaOptsThatChooseTheCompilersOrTheCollectorReplaceTheLaunchersChoice() throws Exception {
        Run run = run(launcher, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+UseG1GC"), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("arg --version", "jvm -XX:TieredStopAtLevel=4", "jvm -XX:+UseG1GC")
                .doesNotContain("CICompilerCount", "TieredStopAtLevel=1", "UseSerialGC");

        Run serial = run(launcher, Map.of("JAVA_OPTS", "-XX:+UseParallelGC"), "--version");
        assertThat(serial.exitCode()).as(serial.err()).isZero();
        assertThat(serial.out()).contains("jvm -XX:TieredStopAtLevel=1", "jvm -XX:CICompilerCount=1",
                "jvm -XX:+UseParallelGC").doesNotContain("UseSerialGC");
    }

    @Test
    void withoutAnArchiveRunsPlainly() throws Exception {
        Run run = run(launcher, Map.of(), "inspect", "book");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("arg inspect").doesNotContain("SharedArchiveFile");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anArchiveMadeByATrainingRunIsUsed() throws Exception {
        train();

        Run run = run(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "build");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(Echo.class.getName() + " source: shared objects file (top)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anArchiveOfAnotherJarIsLeftAsideInSilence() throws Exception {
        train();
        // The jar rebuilt after the training run, as by a build that stopped before it.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Run run = run(launcher, Map.of("JAVA_OPTS", "-Xlog:class+load=info"), "build", "book");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("arg book").doesNotContain("shared objects file (top)");
        assertThat(run.out() + run.err()).doesNotContain("warning");
    }

    /** The build's training run, on the jar beside the launcher. */
    private void train() throws IOException, InterruptedException {
        Process training = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + folder.resolve("cjkbook.jsa"),
                "-Xlog:cds*=error", "-jar", jar.toString(), "training").redirectErrorStream(true).start();
        String said = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(training.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(training.exitValue()).as(said).isZero();
    }

    @Test
    void aLinkToTheLauncherFromAnotherFolderFindsTheJar() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("home/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("cjkbook"), Path.of("../../target/cjkbook"));

        Run run = run(link, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("arg --version");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run run(Path script, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }
}
