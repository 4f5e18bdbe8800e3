package org.cjkbook;

import java.nio.file.Path;

/**
 * A failure the person running cjkbook can act on: the message says what is wrong and
 * where, in one line, and is printed as it is.
 */
public final class BookException extends RuntimeException {

    public BookException(String message) {
        super(message);
    }

    public BookException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem in a file as a whole: {@code file: what}. */
    public static BookException in(Path file, String what) {
        return new BookException(file + ": " + what);
    }

    /** A problem at a line of a file: {@code file:line: what}. */
    public static BookException at(Path file, int line, String what) {
        return new BookException(file + ":" + line + ": " + what);
    }
}
