package org.cjkbook.text;

/**
 * Punctuation compression (标点挤压). A full-width mark in mainland fonts fills one half of
 * its em and leaves the other blank: closing marks and pauses (，。、；：！？”）》) the right
 * half, opening marks (“（《) the left. Where two meet, one of them gives up its blank half,
 * so that the pair takes one and a half em instead of two.
 */
public final class PunctuationSqueeze {

    /** Which side of a mark gives up its blank half. */
    public enum Side { NONE, AFTER, BEFORE }

    private static final String BLANK_AFTER = "，。、；：！？”’）》」』】〕〗〉．";
    private static final String BLANK_BEFORE = "“‘（《「『【〔〖〈";

    private PunctuationSqueeze() {
    }

    /**
     * How the mark at {@code index} is squeezed: a mark blank on its right before another
     * mark loses that blank; otherwise a mark blank on its left after another mark loses it.
     */
    public static Side at(CharSequence text, int index) {
        char mark = text.charAt(index);
        if (BLANK_AFTER.indexOf(mark) >= 0 && index + 1 < text.length() && isMark(text.charAt(index + 1))) {
            return Side.AFTER;
        }
        if (BLANK_BEFORE.indexOf(mark) >= 0 && index > 0 && isMark(text.charAt(index - 1))
                && at(text, index - 1) != Side.AFTER) {
            return Side.BEFORE;
        }
        return Side.NONE;
    }

    /** A mark whose right half is blank: it may be set half-width at the end of a line. */
    public static boolean closesWithBlank(char c) {
        return BLANK_AFTER.indexOf(c) >= 0;
    }

    /** A mark whose left half is blank: it may be set half-width at the start of a line. */
    public static boolean opensWithBlank(char c) {
        return BLANK_BEFORE.indexOf(c) >= 0;
    }

    private static boolean isMark(char c) {
        return BLANK_AFTER.indexOf(c) >= 0 || BLANK_BEFORE.indexOf(c) >= 0;
    }
}
