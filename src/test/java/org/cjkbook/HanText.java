package org.cjkbook;

import static org.assertj.core.api.Assertions.fail;

import org.cjkbook.text.CharClasses;

/** The Han characters of a text, compared so that a failure shows where, not two novels. */
public final class HanText {

    private HanText() {
    }

    public static String of(CharSequence text) {
        StringBuilder han = new StringBuilder();
        text.codePoints().filter(CharClasses::isHan).forEach(han::appendCodePoint);
        return han.toString();
    }

    /** Fails at the first character where the two texts' Han characters differ. */
    public static void assertSame(CharSequence actual, CharSequence expected) {
        String a = of(actual);
        String e = of(expected);
        int i = 0;
        while (i < a.length() && i < e.length() && a.charAt(i) == e.charAt(i)) {
            i++;
        }
        if (i < a.length() || i < e.length()) {
            fail("Han characters differ at " + i + " of " + e.length() + " expected (" + a.length() + " found):"
                    + "\n  expected …" + e.substring(Math.max(0, i - 20), Math.min(e.length(), i + 30))
                    + "\n  found    …" + a.substring(Math.max(0, i - 20), Math.min(a.length(), i + 30)));
        }
    }
}
