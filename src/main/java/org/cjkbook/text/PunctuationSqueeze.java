package org.cjkbook.text;

import java.util.BitSet;

/**
 * Punctuation compression (标点挤压). A full-width mark fills one half of its em and leaves
 * the other blank: closing marks the right half, opening marks (“（《) the left. Where two
 * meet, one of them gives up its blank half, so that the pair takes one and a half em
 * instead of two.
 *
 * <p>Where the pauses and stops (，。、；：！？) sit depends on the font: mainland fonts set
 * them in the lower left corner, blank on the right like a closing mark; Taiwan's and Hong
 * Kong's centre them, with no blank half to give.
 */
public final class PunctuationSqueeze {

    /** Which side of a mark gives up its blank half. */
    public enum Side { NONE, AFTER, BEFORE }

    private static final String PAUSES = "，。、；：！？．";
    private static final String CLOSING = "”’）》」』】〕〗〉";
    private static final String BLANK_BEFORE = "“‘（《「『【〔〖〈";
    private static final BitSet OPENING = CharClasses.setOf(BLANK_BEFORE);

    /** For fonts that set pauses and stops in a corner, as mainland fonts do. */
    public static final PunctuationSqueeze MAINLAND = new PunctuationSqueeze(PAUSES + CLOSING);
    /** For fonts that centre pauses and stops, as Taiwan's and Hong Kong's do. */
    public static final PunctuationSqueeze CENTRED_STOPS = new PunctuationSqueeze(CLOSING);

    /** The marks blank on their right; looked up for every character set, so as bits. */
    private final BitSet blankAfter;

    private PunctuationSqueeze(String blankAfter) {
        this.blankAfter = CharClasses.setOf(blankAfter);
    }

    /**
     * How the mark at {@code index} is squeezed: a mark blank on its right before another
     * mark loses that blank; otherwise a mark blank on its left after another mark loses it.
     */
    public Side at(CharSequence text, int index) {
        char mark = text.charAt(index);
        if (blankAfter.get(mark) && index + 1 < text.length() && isMark(text.charAt(index + 1))) {
            return Side.AFTER;
        }
        if (OPENING.get(mark) && index > 0 && isMark(text.charAt(index - 1))
                && at(text, index - 1) != Side.AFTER) {
            return Side.BEFORE;
        }
        return Side.NONE;
    }

    /** A mark whose right half is blank: it may be set half-width at the end of a line. */
    public boolean closesWithBlank(char c) {
        return blankAfter.get(c);
    }

    /** A mark whose left half is blank: it may be set half-width at the start of a line. */
    public boolean opensWithBlank(char c) {
        return OPENING.get(c);
    }

    private boolean isMark(char c) {
        return blankAfter.get(c) || OPENING.get(c);
    }
}
