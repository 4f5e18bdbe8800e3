package org.cjkbook.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.text.CharClasses;

/**
 * The punctuation of one text block (a paragraph, a heading, a cell, a title) made that of
 * Chinese print, where the text around a mark shows it stands in Chinese:
 * <ul>
 * <li>straight quotes {@code "} and {@code '} become “” and ‘’, paired in order with each
 * other and with the curly quotes already there. One left without a partner (a quotation
 * running over several paragraphs opens each of them) closes after a sentence's end or
 * before a mark or the block's end, and opens otherwise. A {@code '} beside a Latin
 * letter is an apostrophe;</li>
 * <li>{@code ．} and {@code ｡} become {@code 。}, and so does {@code .} after a Han
 * character, but for {@code ．} between digits ({@code ３．１４});</li>
 * <li>{@code ...}, {@code 。。。}, {@code ．．．} and a lone {@code …} become {@code ……};</li>
 * <li>{@code --} beside Chinese text, with no Latin letter on its other side, becomes
 * {@code ——};</li>
 * <li>{@code , ; : ? !} after Chinese text and before more of it (or the end of the
 * block) become {@code ，；：？！}, and {@code ( )} around it {@code （ ）}.</li>
 * </ul>
 * Han characters, numbers ({@code 3.14}), addresses ({@code https://…}, mail), Latin
 * sentences ({@code Hello, world.}, {@code --flag}) stay as they are. The text comes with
 * its pieces joined: code, note references and images as {@link #OBJECT}, line breaks as
 * line feeds.
 */
final class PunctuationText {

    /** What stands for code, a note or an image in the joined text: no rule reads past it or changes it. */
    static final char OBJECT = '\0';

    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|mailto:)"
            + "[a-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+|[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
    /** Marks that end a sentence: a quote right after one closes. */
    private static final String STOPS = "。！？…．!?.";
    /** Marks a closing quote comes before. */
    private static final String AFTER_CLOSING = "，。、；：？！…．,.;:?!）》」』】";
    private static final String HALF_WIDTH = ",;:?!";
    private static final String FULL_WIDTH = "，；：？！";

    private final int[] points;
    /** What each character becomes, one string each; null where it stays. */
    private final String[] out;
    /** Characters no rule may change: those of addresses and objects. */
    private final boolean[] fixed;
    private int quotesPaired;
    private int quotesAlone;
    private int quotesLeft;
    private int fullStops;
    private int ellipses;
    private int dashes;
    private int marks;

    PunctuationText(String text) {
        points = text.codePoints().toArray();
        out = new String[points.length];
        fixed = new boolean[points.length];
        fixAddresses(text);
        // Quotes first: the rules after them read a closing quote as Chinese punctuation.
        quotes('"', '“', '”');
        quotes('\'', '‘', '’');
        ellipses();
        dashes();
        fullStops();
        halfWidthMarks();
    }

    /** The whole text, cleaned. */
    String text() {
        return slice(0, points.length);
    }

    /** The cleaned text of the characters from {@code start} to {@code end}, counted in code points. */
    String slice(int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int i = start; i < end; i++) {
            text.append(now(i));
        }
        return text.toString();
    }

    PunctuationCleanup.Counts counts() {
        return new PunctuationCleanup.Counts(quotesPaired, quotesAlone, quotesLeft, fullStops, ellipses, dashes,
                marks);
    }

    private void fixAddresses(String text) {
        for (int i = 0; i < points.length; i++) {
            fixed[i] = points[i] == OBJECT;
        }
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            int end = address.end();
            // A sentence's mark after an address is the sentence's, not the address's.
            while (end > address.start() && ".,;:!?)'".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            int from = text.codePointCount(0, address.start());
            int to = from + text.codePointCount(address.start(), end);
            for (int i = from; i < to; i++) {
                fixed[i] = true;
            }
        }
    }

    // --- quotes -------------------------------------------------------------------------

    private void quotes(char straight, char opening, char closing) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (fixed[i]) {
                continue;
            }
            if (c == opening || c == straight && open.isEmpty() && !isApostrophe(i)) {
                open.push(i);
            } else if ((c == closing || c == straight && !isApostrophe(i)) && !open.isEmpty()) {
                pair(open.pop(), i, straight, opening, closing);
            }
        }
        for (int i : open) {
            if (points[i] == straight) {
                alone(i, opening, closing);
            }
        }
    }

    /** A straight quote in Latin text (its own letter next to it) is an apostrophe, or a Latin sentence's quote. */
    private boolean isApostrophe(int i) {
        return points[i] == '\'' && (isLatin(at(i - 1)) || isLatin(at(i + 1)));
    }

    /** A pair stands in Chinese when either of its quotes does, or is already curly. */
    private void pair(int first, int second, char straight, char opening, char closing) {
        boolean chinese = points[first] != straight || points[second] != straight
                || inChinese(first) || inChinese(second);
        for (int i : new int[] {first, second}) {
            if (points[i] != straight) {
                continue;
            }
            if (chinese) {
                out[i] = Character.toString(i == first ? opening : closing);
                quotesPaired++;
            } else {
                quotesLeft++;
            }
        }
    }

    private void alone(int i, char opening, char closing) {
        if (!inChinese(i)) {
            quotesLeft++;
            return;
        }
        int before = before(i);
        int after = after(i);
        boolean closes = before >= 0 && STOPS.indexOf(before) >= 0 || after < 0 || after == '\n'
                || AFTER_CLOSING.indexOf(after) >= 0;
        out[i] = Character.toString(closes ? closing : opening);
        quotesAlone++;
    }

    /** Whether the nearest letter on either side, within the words around the mark, is a Han character or kana. */
    private boolean inChinese(int i) {
        return isChineseLetter(nearestLetter(i, -1)) || isChineseLetter(nearestLetter(i, 1));
    }

    private int nearestLetter(int i, int step) {
        for (int j = i + step; j >= 0 && j < points.length; j += step) {
            int c = points[j];
            if (fixed[j] || CharClasses.isSpace(c) || c == '\n') {
                return -1;
            }
            if (Character.isLetterOrDigit(c)) {
                return c;
            }
        }
        return -1;
    }

    // --- ellipses, dashes, full stops, half-width marks -----------------------------------

    private void ellipses() {
        for (int i = 0; i < points.length; ) {
            int end = runEnd(i);
            int c = points[i];
            boolean dots = (c == '.' || c == '．' || c == '。') && end - i >= 3;
            boolean lone = c == '…' && end - i == 1;
            boolean chinese = c == '．' || c == '。' || inChinese(i) || inChinese(end - 1);
            if ((dots || lone) && chinese) {
                replace(i, end, "……");
                ellipses++;
            }
            i = Math.max(end, i + 1);
        }
    }

    private void dashes() {
        for (int i = 0; i < points.length; ) {
            int end = runEnd(i);
            if (points[i] == '-' && end - i == 2) {
                int before = before(i);
                int after = after(end - 1);
                if (isWide(before) && !isLatin(after) || isWide(after) && !isLatin(before)) {
                    replace(i, end, "——");
                    dashes++;
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    private void fullStops() {
        for (int i = 0; i < points.length; i++) {
            if (fixed[i] || out[i] != null) {
                continue;
            }
            int c = points[i];
            int before = before(i);
            int after = after(i);
            boolean stop = switch (c) {
                case '．' -> !(before >= 0 && Character.isDigit(before) && after >= 0 && Character.isDigit(after));
                case '｡' -> true;
                case '.' -> before >= 0 && CharClasses.isHan(before) && !isLatin(after) && after != '.';
                default -> false;
            };
            if (stop) {
                out[i] = "。";
                fullStops++;
            }
        }
    }

    private void halfWidthMarks() {
        for (int i = 0; i < points.length; ) {
            int end = i;
            while (end < points.length && !fixed[end] && out[end] == null && HALF_WIDTH.indexOf(points[end]) >= 0) {
                end++;
            }
            if (end > i) {
                int after = after(end - 1);
                if (isWide(before(i)) && (isWide(after) || after < 0 || after == '\n')) {
                    for (int k = i; k < end; k++) {
                        out[k] = Character.toString(FULL_WIDTH.charAt(HALF_WIDTH.indexOf(points[k])));
                    }
                    marks += end - i;
                }
                i = end;
                continue;
            }
            if (!fixed[i] && out[i] == null && (points[i] == '(' || points[i] == ')')) {
                boolean opens = points[i] == '(';
                // Chinese text inside the bracket and nothing Latin outside it: f(x) and 苹果(Apple) stay.
                int inside = opens ? after(i) : before(i);
                int outside = opens ? before(i) : after(i);
                boolean nothingLatinOutside = outside < 0 || outside == '\n' || CharClasses.isSpace(outside)
                        || isWide(outside);
                if (isWide(inside) && nothingLatinOutside) {
                    out[i] = opens ? "（" : "）";
                    marks++;
                }
            }
            i++;
        }
    }

    // --- the text as it now reads ---------------------------------------------------------

    private String now(int i) {
        return out[i] != null ? out[i] : Character.toString(points[i]);
    }

    /** The character at {@code i} as written, or -1 outside the text. */
    private int at(int i) {
        return i >= 0 && i < points.length ? points[i] : -1;
    }

    /** The character just before {@code i} as the text now reads, or -1 at its start. */
    private int before(int i) {
        for (int j = i - 1; j >= 0; j--) {
            String s = now(j);
            if (!s.isEmpty()) {
                return s.codePointBefore(s.length());
            }
        }
        return -1;
    }

    /** The character just after {@code i} as the text now reads, or -1 at its end. */
    private int after(int i) {
        for (int j = i + 1; j < points.length; j++) {
            String s = now(j);
            if (!s.isEmpty()) {
                return s.codePointAt(0);
            }
        }
        return -1;
    }

    /** Where the run of one character from {@code i}, none of it fixed or changed, ends; {@code i} for none. */
    private int runEnd(int i) {
        int end = i;
        while (end < points.length && points[end] == points[i] && !fixed[end] && out[end] == null) {
            end++;
        }
        return end;
    }

    private void replace(int start, int end, String text) {
        out[start] = text;
        for (int k = start + 1; k < end; k++) {
            out[k] = "";
        }
    }

    private static boolean isChineseLetter(int c) {
        return c >= 0 && CharClasses.isWide(c) && Character.isLetter(c);
    }

    /** Han characters and the marks of Chinese text; an object is neither. */
    private static boolean isWide(int c) {
        return c >= 0 && c != OBJECT && CharClasses.isWide(c);
    }

    private static boolean isLatin(int c) {
        return c >= 0 && Character.isLetterOrDigit(c) && !CharClasses.isWide(c);
    }
}
