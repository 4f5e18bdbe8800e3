package org.cjkbook.read;

import org.cjkbook.model.Book;
import org.cjkbook.model.TextRewrite;
import org.cjkbook.text.Script;
import org.cjkbook.text.ScriptConverter;

/**
 * The step after reading that sets a book in the script its settings ask for: its text and
 * metadata converted (code and link targets kept), and its language that of the script.
 */
final class ScriptConversion {

    /** Enough text to tell the script from; a book does not change script halfway. */
    private static final int SAMPLE = 100_000;

    private ScriptConversion() {
    }

    static Book convert(Book book, ScriptConverter.Target target) {
        boolean traditional = Script.detect(book.opening(SAMPLE)).equals(Script.TRADITIONAL);
        Book converted = TextRewrite.of(book, ScriptConverter.to(target, traditional)::convert);
        return new Book(converted.metadata().toBuilder().language(target.language()).build(), converted.chapters(),
                converted.layout());
    }
}
