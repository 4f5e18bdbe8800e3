package org.cjkbook.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a build would make what the last one made: a stamp holds a digest of everything
 * the build reads (its settings, and the time and bytes of every file under the folders
 * it reads) and the size and time of each file it wrote. A changed or touched input, or
 * an output changed or gone, means building again, as {@code make} would.
 */
final class UpToDate {

    /** What a build reads: its settings as text, and the files under {@code read}, outside {@code excluded}. */
    record Inputs(String settings, List<Path> read, List<Path> excluded) {
    }

    private final Path stamp;
    private final Inputs inputs;
    private String digest;

    UpToDate(Path stamp, Inputs inputs) {
        this.stamp = stamp;
        this.inputs = inputs;
    }

    /** True when the stamp says the outputs are those of these very inputs, and they are as written. */
    boolean check() {
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(digest())) {
                return false;
            }
            for (String line : lines.subList(1, lines.size())) {
                if (!line.equals(describe(Path.of(line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1))))) {
                    return false;
                }
            }
            return lines.size() > 1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Notes that these outputs were made from the inputs. */
    void record(List<Path> outputs) {
        try {
            List<String> lines = new ArrayList<>();
            lines.add(digest());
            for (Path output : outputs) {
                lines.add(describe(output.toAbsolutePath()));
            }
            Files.createDirectories(stamp.getParent());
            Files.write(stamp, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Without a stamp the next build only builds again.
        }
    }

    /** An output as the stamp holds it: size, time, path. */
    private static String describe(Path output) throws IOException {
        return Files.size(output) + " " + Files.getLastModifiedTime(output).toMillis() + " " + output;
    }

    private String digest() throws IOException {
        if (digest == null) {
            MessageDigest sha = sha256();
            sha.update(inputs.settings().getBytes(StandardCharsets.UTF_8));
            for (Path root : inputs.read()) {
                for (Path file : files(root.toAbsolutePath().normalize())) {
                    sha.update(("\n" + file + " " + Files.getLastModifiedTime(file).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
            digest = HexFormat.of().formatHex(sha.digest());
        }
        return digest;
    }

    /** The regular files under a folder (or the file itself), by path, outside the excluded folders. */
    private List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Files.isRegularFile(root) ? List.of(root) : List.of();
        }
        List<Path> excluded = inputs.excluded().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(f -> excluded.stream().noneMatch(f::startsWith))
                    .sorted().toList();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
