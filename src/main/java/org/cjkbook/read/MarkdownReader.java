package org.cjkbook.read;

import java.nio.file.Path;

import org.cjkbook.model.Book;

/** Placeholder until the Markdown reader lands. */
public final class MarkdownReader {
    public Book read(Path file, String text) {
        throw new UnsupportedOperationException();
    }
}
