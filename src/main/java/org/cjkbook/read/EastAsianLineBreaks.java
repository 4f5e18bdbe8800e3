package org.cjkbook.read;

import org.cjkbook.text.CharClasses;

/**
 * What a line break in a source means, one rule for both readers: between two wide
 * characters ({@link CharClasses#isWide}) it is only where the editor's line ran out, so
 * it is nothing; anywhere else it is a space, as in Latin text. Pandoc's
 * {@code east_asian_line_breaks} extension reads Markdown the same way.
 *
 * <p>The readers apply it as they read rather than over the finished model: the plain-text
 * reader tells headings from paragraphs by their joined text, so lines are joined before
 * any structure is known.
 */
final class EastAsianLineBreaks {

    private EastAsianLineBreaks() {
    }

    /**
     * What a run of source whitespace between {@code before} and {@code after} becomes:
     * nothing when it holds a line break between two wide characters, else one space. A
     * negative code point stands for no character (the run begins or ends the text).
     */
    static String whitespace(String run, int before, int after) {
        boolean lineBreak = run.indexOf('\n') >= 0 || run.indexOf('\r') >= 0;
        return lineBreak && wide(before) && wide(after) ? "" : " ";
    }

    /** Two lines of one paragraph joined. */
    static String join(String before, String after) {
        if (before.isEmpty() || after.isEmpty()) {
            return before + after;
        }
        return before + whitespace("\n", before.codePointBefore(before.length()), after.codePointAt(0)) + after;
    }

    private static boolean wide(int codePoint) {
        return codePoint >= 0 && CharClasses.isWide(codePoint);
    }
}
