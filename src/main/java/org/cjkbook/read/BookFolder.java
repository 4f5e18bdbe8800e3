package org.cjkbook.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cjkbook.BookException;

/**
 * The files a book may read: those inside its folder (for a single source file, the
 * file's folder), after resolving links. A build reads no file outside it, so a source
 * cannot copy {@code ../secret.png}, {@code /etc/passwd} or a link to either into a book.
 */
public final class BookFolder {

    private final Path root;

    private BookFolder(Path root) {
        this.root = root;
    }

    /** The folder of a book; it must exist. */
    public static BookFolder of(Path folder) {
        try {
            return new BookFolder(folder.toRealPath());
        } catch (IOException e) {
            throw BookException.in(folder, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Where {@code file} really is, when it is a regular file inside the folder; else why
     * not, for the caller to name its own file and line.
     */
    public Result resolve(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return new Result(null, "not found");
        } catch (IOException e) {
            return new Result(null, "cannot be read (" + e.getMessage() + ")");
        }
        if (!real.startsWith(root)) {
            return new Result(null, "lies outside the book's folder " + root
                    + (real.equals(file.toAbsolutePath().normalize()) ? "" : " (it leads to " + real + ")"));
        }
        if (!Files.isRegularFile(real)) {
            return new Result(null, "is not a regular file");
        }
        return new Result(real, null);
    }

    /** A file resolved inside the folder, or why it was refused. */
    public record Result(Path file, String problem) {
    }
}
