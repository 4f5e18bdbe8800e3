package org.cjkbook.text;

/**
 * Where a line of Chinese text may break, by the rules of clreq and TYPOGRAPHY.md: between
 * any two Han characters, but never before a mark that may not start a line (，。」…),
 * never after one that may not end a line (“《（…), never inside or before a pair of
 * dashes or ellipses, and never inside a number. Latin text breaks after spaces, and a
 * URL or a long word after {@code / . - _ ? &}.
 */
public final class LineBreaks {

    private LineBreaks() {
    }

    /** The first position after {@code from} where a line may end, or -1 when none is left. */
    public static int next(CharSequence text, int from) {
        for (int i = Math.max(from + 1, 1); i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i))) {
                continue;
            }
            if (canBreakBefore(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a line may end just before {@code index}. */
    public static boolean canBreakBefore(CharSequence text, int index) {
        if (index <= 0 || index >= text.length()) {
            return false;
        }
        int before = Character.codePointBefore(text, index);
        int after = Character.codePointAt(text, index);
        if (after == ' ' || after == '\u00A0' || isAsciiQuote(before) || isAsciiQuote(after)) {
            return false;
        }
        if (CharClasses.isLineStartProhibited(after) || CharClasses.isLineEndProhibited(before)) {
            return false;
        }
        if (isPairMark(after) && (after == before || startsPair(text, index))) {
            return false;
        }
        if (before == ' ' || before == '\u3000') {
            return true;
        }
        if (CharClasses.isWide(before) || CharClasses.isWide(after)) {
            return true;
        }
        // Between two Latin characters: only after the marks that part a URL or a long
        // word, and never inside a number (3.14).
        return AFTER_LATIN.indexOf(before) >= 0 && Character.isLetterOrDigit(after)
                && !(before == '.' && Character.isDigit(after) && isDigitBefore(text, index - 1));
    }

    /** Marks after which a URL or a long Latin word may break, with no hyphen added. */
    private static final String AFTER_LATIN = "/.-_?&";

    private static boolean isDigitBefore(CharSequence text, int index) {
        return index > 0 && Character.isDigit(text.charAt(index - 1));
    }

    private static boolean isPairMark(int codePoint) {
        return codePoint == '\u2014' || codePoint == '\u2026';
    }

    private static boolean startsPair(CharSequence text, int index) {
        return index + 1 < text.length() && text.charAt(index + 1) == text.charAt(index);
    }

    /** Straight quotes open or close alike; keeping them with both neighbours is safe either way. */
    private static boolean isAsciiQuote(int codePoint) {
        return codePoint == '"' || codePoint == '\'';
    }
}
