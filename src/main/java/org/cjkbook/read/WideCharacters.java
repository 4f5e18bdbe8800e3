package org.cjkbook.read;

/**
 * The characters that East Asian text runs together without spaces. A line break in the
 * source between two of them is only a line break in the editor, not a space, which is
 * what pandoc's {@code east_asian_line_breaks} extension also assumes.
 */
final class WideCharacters {

    private WideCharacters() {
    }

    /** Whether a code point is wide; a negative value (no character) is not. */
    static boolean isWide(int codePoint) {
        if (codePoint < 0) {
            return false;
        }
        if (codePoint >= 0x3000 && codePoint <= 0x30FF      // CJK punctuation, kana
                || codePoint >= 0xFF00 && codePoint <= 0xFFEF) { // full-width forms
            return true;
        }
        switch (codePoint) {
            case '“': case '”': case '‘': case '’': case '—': case '…': case '·':
                return true;
            default:
                break;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * What a run of source whitespace between {@code before} and {@code after} means: nothing
     * when it holds a line break between two wide characters, else one space.
     */
    static String whitespace(String run, int before, int after) {
        boolean lineBreak = run.indexOf('\n') >= 0 || run.indexOf('\r') >= 0;
        return lineBreak && isWide(before) && isWide(after) ? "" : " ";
    }
}
