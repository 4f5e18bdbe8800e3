package org.cjkbook.text;

/**
 * The adjustments of a composed line, carried inside its text as Unicode noncharacters,
 * which are reserved for a program's internal use and never drawn. An element per
 * adjustment cost the renderer more than laying out the text itself; marks in the text
 * cost nothing, and a renderer that reads them places each run of text exactly.
 *
 * <p>A space is a run of octal digits: U+FDD0–U+FDD7 for one that widens the line,
 * U+FDD8–U+FDDF for one that narrows it. U+FDE0 before a character sets it as one em of
 * a continuous rule (the halves of a two-em dash).
 */
public final class LineMarks {

    private static final char WIDEN = '\uFDD0';
    private static final char NARROW = '\uFDD8';
    private static final char JOIN = '\uFDE0';

    private LineMarks() {
    }

    /** What a line's text holds, in order. */
    public interface Reader {
        /** Text from {@code from} to {@code to}; {@code joined} for one em of a continuous rule. */
        void text(int from, int to, boolean joined);

        /** Space added (positive) or taken away (negative), in the renderer's units. */
        void space(int units);
    }

    /** The marks for a space of {@code units}, positive or negative. */
    public static String space(int units) {
        char base = units < 0 ? NARROW : WIDEN;
        String octal = Integer.toOctalString(Math.abs(units));
        StringBuilder marks = new StringBuilder(octal.length());
        for (int i = 0; i < octal.length(); i++) {
            marks.append((char) (base + octal.charAt(i) - '0'));
        }
        return marks.toString();
    }

    /** The mark that makes the character after it one em of a continuous rule. */
    public static String join() {
        return String.valueOf(JOIN);
    }

    public static boolean isMark(char c) {
        return c >= WIDEN && c <= JOIN;
    }

    /** True when {@code text} holds marks. */
    public static boolean marked(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isMark(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without its marks. */
    public static String strip(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isMark(text.charAt(i))) {
                plain.append(text.charAt(i));
            }
        }
        return plain.toString();
    }

    /** Reads {@code text} into its runs and spaces. */
    public static void read(String text, Reader reader) {
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isMark(c)) {
                i++;
                continue;
            }
            if (i > start) {
                reader.text(start, i, false);
            }
            if (c == JOIN) {
                int end = Math.min(text.length(), i + 1 + (i + 1 < text.length()
                        ? Character.charCount(text.codePointAt(i + 1)) : 0));
                if (end > i + 1) {
                    reader.text(i + 1, end, true);
                }
                start = i = end;
                continue;
            }
            char base = c < NARROW ? WIDEN : NARROW;
            int units = 0;
            while (i < text.length() && text.charAt(i) >= base && text.charAt(i) < base + 8) {
                units = units * 8 + text.charAt(i++) - base;
            }
            reader.space(base == NARROW ? -units : units);
            start = i;
        }
        if (i > start) {
            reader.text(start, i, false);
        }
    }
}
