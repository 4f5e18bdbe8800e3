package org.cjkbook.text;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Character classes of Chinese text layout, after the W3C note "Requirements for Chinese
 * Text Layout" (clreq) and mainland book practice.
 */
public final class CharClasses {

    /** Marks that may not begin a line (行首禁则): closing and pause punctuation. */
    public static final String LINE_START_PROHIBITED =
            "，。、；：？！）》」』】〕〗〉”’・·％‰"
            + "．｡､)]}｝］〙〛｠»›" + ",.;:?!%";

    /** Marks that may not end a line (行尾禁则): opening brackets and quotes. */
    public static final String LINE_END_PROHIBITED = "“‘（《「『【〔〖〈" + "([{｛［〘〚｟«‹";

    /** Punctuation that ends a sentence, and so a paragraph rather than a heading. */
    public static final String SENTENCE_END = "。！？…!?．";

    /**
     * A run of Latin letters and digits, with the spaces and marks inside words and
     * numbers: in emphasis it is set in italic, and only the characters outside such runs
     * take emphasis dots.
     */
    public static final Pattern LATIN_RUN = Pattern.compile("[\\p{IsLatin}0-9]+(?:[ '’.,:/_-]+[\\p{IsLatin}0-9]+)*");

    private static final byte HAN = 1;
    private static final byte WIDE = 2;
    private static final byte NOT_AT_START = 4;
    private static final byte NOT_AT_END = 8;
    /** The classes of the Basic Multilingual Plane, looked up once: text is mostly there. */
    private static final byte[] BMP = classify();

    private CharClasses() {
    }

    private static byte[] classify() {
        byte[] classes = new byte[0x10000];
        for (int c = 0; c < classes.length; c++) {
            boolean han = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            classes[c] = (byte) ((han ? HAN : 0) | (han || isWideByScript(c) ? WIDE : 0));
        }
        LINE_START_PROHIBITED.chars().forEach(c -> classes[c] |= NOT_AT_START);
        LINE_END_PROHIBITED.chars().forEach(c -> classes[c] |= NOT_AT_END);
        return classes;
    }

    /** The characters of a string as a set, looked up in one step: text is classified character by character. */
    static BitSet setOf(String characters) {
        BitSet set = new BitSet();
        characters.chars().forEach(set::set);
        return set;
    }

    public static boolean isLineStartProhibited(int codePoint) {
        return codePoint < BMP.length && (BMP[codePoint] & NOT_AT_START) != 0;
    }

    public static boolean isLineEndProhibited(int codePoint) {
        return codePoint < BMP.length && (BMP[codePoint] & NOT_AT_END) != 0;
    }

    /** Han ideographs, including the compatibility and extension blocks. */
    public static boolean isHan(int codePoint) {
        return codePoint < BMP.length ? (BMP[codePoint] & HAN) != 0
                : Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * Characters set on the full em of East Asian text: ideographs, kana, hangul and
     * full-width punctuation. Line breaks between two of them carry no space.
     */
    public static boolean isWide(int codePoint) {
        return codePoint < BMP.length ? (BMP[codePoint] & WIDE) != 0 : isHan(codePoint) || isWideByScript(codePoint);
    }

    private static boolean isWideByScript(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL) {
            return true;
        }
        // CJK punctuation and the kana blocks whole: their marks (ー, ・, ゛) belong to no script.
        // The object replacement character stands for an image in a line, which breaks as a Han character does.
        return (codePoint >= 0x3000 && codePoint <= 0x30FF)
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF)
                || "“”‘’—…·\uFFFC".indexOf(codePoint) >= 0;
    }

    /** Spaces that people type or paste between names: ASCII, no-break and ideographic. */
    public static boolean isSpace(int codePoint) {
        return codePoint == ' ' || codePoint == '\t' || codePoint == 0x00A0 || codePoint == 0x3000
                || Character.isSpaceChar(codePoint);
    }

    /** Removes spaces of every kind from both ends. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
