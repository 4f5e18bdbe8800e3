package org.cjkbook;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file whole or not at all. Each run writes its own temporary file beside the
 * target, {@code .NAME.PID.RANDOM.part}, and moves it into place only once it is complete,
 * so a failed or killed run never leaves a truncated file under the final name, and two
 * runs writing the same target never write into one file.
 */
public final class OutputFile {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A file written. {@code replaced} is true when, by the time the file was in place,
     * another run had already put its own file there instead.
     */
    public record Written(Path file, boolean replaced) {

        /** What to tell the person when another run replaced the file, or null. */
        public String warning() {
            return replaced ? file + ": replaced by another build writing the same file at the same time" : null;
        }
    }

    private static final String SUFFIX = ".part";

    private OutputFile() {
    }

    public static Written write(Path target, Content content) {
        return write(target, content, () -> Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    }

    /** As {@link #write(Path, Content)}, the random part of the temporary name taken from {@code unique}. */
    static Written write(Path target, Content content, Supplier<String> unique) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        FileTime started = FileTime.fromMillis(System.currentTimeMillis());
        Path part = null;
        boolean moved = false;
        try {
            Files.createDirectories(folder);
            removeStale(folder, name, started);
            for (int attempt = 0; part == null; attempt++) {
                Path candidate = folder.resolve(temporaryName(name, ProcessHandle.current().pid(), unique.get()));
                OutputStream out;
                try {
                    // CREATE_NEW fails on any existing name, a symbolic link included.
                    out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                    continue;
                }
                part = candidate;
                try (OutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
                    content.writeTo(buffered);
                }
            }
            Object written = identity(part);
            move(part, absolute);
            moved = true;
            return new Written(target, !Objects.equals(written, identity(absolute)));
        } catch (IOException e) {
            throw BookException.in(target, "cannot be written (" + describe(e) + ")");
        } finally {
            if (part != null && !moved) {
                deleteQuietly(part);
            }
        }
    }

    static String temporaryName(String name, long pid, String unique) {
        return "." + name + "." + pid + "." + unique + SUFFIX;
    }

    /**
     * Removes temporary files for this target that a killed run left: older than this
     * run, and written by a process that no longer exists.
     */
    private static void removeStale(Path folder, String name, FileTime started) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote("." + name + ".") + "(\\d{1,18})\\.[0-9a-z]+"
                + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "." + globQuoted(name) + ".*" + SUFFIX)) {
            for (Path file : files) {
                Matcher m = pattern.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid = Long.parseLong(m.group(1));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException moved) {
                    // Its run finished and moved it into place since the folder was listed.
                    continue;
                }
                if (attributes.lastModifiedTime().compareTo(started) < 0) {
                    deleteQuietly(file);
                }
            }
        }
    }

    private static String globQuoted(String name) {
        return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What tells this file from another: its file key where the system has one, else size and time. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : a.size() + "@" + a.lastModifiedTime();
        } catch (IOException e) {
            return null; // gone: another run removed or is replacing it
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure being reported matters more than a leftover temporary file.
        }
    }
}
