package org.cjkbook.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets a paragraph of Chinese text into lines of an exact width, as a book typesetter
 * does: breaks by the rules of {@link LineBreaks}; adjacent punctuation compressed to one
 * and a half em ({@link PunctuationSqueeze}); a quarter em between Han and Latin text;
 * and every line but the last flush with both edges. A line that would be short pulls
 * in the next character when closing punctuation can give up half its em to make room;
 * otherwise its slack is spread over the gaps between its characters.
 *
 * <p>All widths are in the renderer's units, so that the lines it is handed fit exactly:
 * {@link Metrics#width} must measure a run of text as the renderer will.
 */
public final class LineComposer {

    /** How the renderer measures text. */
    public interface Metrics {
        /** The width of one character, unrounded. */
        double advance(int codePoint);

        /** The width of a run of text, rounded as the renderer rounds it. */
        int width(String run);
    }

    /** A piece of a line: text, a dash set as one em of a continuous rule, or a space. */
    public sealed interface Piece {
    }

    public record Run(String text) implements Piece {
    }

    public record Dash(String text) implements Piece {
    }

    /** Space added (positive) or taken away (negative) at this point of the line. */
    public record Space(int width) implements Piece {
    }

    /** One line; {@code justified} is false for a paragraph's last line. */
    public record Line(List<Piece> pieces, boolean justified) {
        public String text() {
            StringBuilder text = new StringBuilder();
            for (Piece piece : pieces) {
                if (piece instanceof Run run) {
                    text.append(run.text());
                } else if (piece instanceof Dash dash) {
                    text.append(dash.text());
                }
            }
            return text.toString();
        }
    }

    private static final String DASH = "\u2014";

    private final Metrics metrics;
    private final int em;
    private final int measure;

    /** {@code em} is the body size and {@code measure} the line length, in the renderer's units. */
    public LineComposer(Metrics metrics, int em, int measure) {
        this.metrics = metrics;
        this.em = em;
        this.measure = measure;
    }

    /** The lines of a paragraph whose first line is indented by {@code indent}. */
    public List<Line> compose(String text, int indent) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int target = lines.isEmpty() ? measure - indent : measure;
            int end = breakAfter(text, start, target);
            boolean last = end >= text.length();
            lines.add(realise(text, start, end, target, !last));
            start = end;
        }
        return lines;
    }

    // --- choosing breaks ----------------------------------------------------------------

    /** Where the line from {@code start} ends: the furthest break that fits, compressed if need be. */
    private int breakAfter(String text, int start, int target) {
        double width = 0;
        int fits = -1;
        for (int i = start; i < text.length(); i = next(text, i)) {
            width += advance(text, i) + gap(text, start, i);
            int end = next(text, i);
            boolean canEnd = end >= text.length() || LineBreaks.canBreakBefore(text, end);
            if (!canEnd) {
                continue;
            }
            if (width <= target + 0.5) {
                fits = end;
                if (end >= text.length()) {
                    return end;
                }
            } else {
                // The first break past the measure: take it if compression can make room
                // (or if nothing shorter can end the line at all).
                return fits < 0 || width - compressible(text, start, end) <= target + 0.5 ? end : fits;
            }
        }
        return text.length();
    }

    /** Space that may be taken from a line beyond its paired punctuation: line-end and line-start half ems. */
    private int compressible(String text, int start, int end) {
        int room = 0;
        if (PunctuationSqueeze.closesWithBlank(text.charAt(end - 1))) {
            room += em / 2;
        }
        if (PunctuationSqueeze.opensWithBlank(text.charAt(start))) {
            room += em / 2;
        }
        for (int i = next(text, start); i < end; i = next(text, i)) {
            if (isHanLatin(text, i)) {
                room += em / 4;
            }
        }
        return room;
    }

    // --- realising a line ---------------------------------------------------------------

    private Line realise(String text, int start, int end, int target, boolean justified) {
        int count = end - start;
        int[] space = new int[count + 1]; // space[k]: before the k-th character; space[count]: after the last
        boolean[] cut = new boolean[count + 1];
        for (int i = next(text, start); i < end; i = next(text, i)) {
            int k = i - start;
            int gap = (int) Math.round(gap(text, start, i));
            if (gap != 0) {
                space[k] = gap;
                cut[k] = true;
            }
        }
        List<Integer> stretchable = new ArrayList<>();
        for (int i = next(text, start); i < end; i = next(text, i)) {
            if (isStretchable(text, i)) {
                stretchable.add(i - start);
            }
        }
        int natural = measure(text, start, end, cut) + sum(space);
        if (justified && natural > target) {
            compress(text, start, end, space, cut, natural - target);
        } else if (justified && natural < target) {
            // Every gap between characters takes its share; Latin words keep their letters together.
            stretchable.forEach(k -> cut[k] = true);
        }
        if (justified) {
            int slack = target - measure(text, start, end, cut) - sum(space);
            spread(slack, stretchable.isEmpty() ? List.of(count) : stretchable, space, cut);
            // Cutting a run of Latin text can change its rounded width: settle the last unit.
            int residual = target - measure(text, start, end, cut) - sum(space);
            space[count] += residual;
            cut[count] = cut[count] || residual != 0;
        }
        return new Line(pieces(text, start, end, space, cut), justified);
    }

    /** Takes {@code excess} from half-em line ends, then Han–Latin spacing, then evenly. */
    private void compress(String text, int start, int end, int[] space, boolean[] cut, int excess) {
        int count = end - start;
        if (excess > 0 && PunctuationSqueeze.closesWithBlank(text.charAt(end - 1))) {
            space[count] -= em / 2;
            cut[count] = true;
            excess -= em / 2;
        }
        if (excess > 0 && PunctuationSqueeze.opensWithBlank(text.charAt(start))) {
            space[0] -= em / 2;
            cut[0] = true;
            excess -= em / 2;
        }
        for (int k = 1; k < count && excess > 0; k++) {
            if (isHanLatin(text, start + k) && space[k] > 0) {
                int take = Math.min(space[k], excess);
                space[k] -= take;
                excess -= take;
            }
        }
    }

    /** Spreads {@code slack} (positive or negative) over the gaps, the remainder one unit at a time. */
    private static void spread(int slack, List<Integer> gaps, int[] space, boolean[] cut) {
        if (slack == 0 || gaps.isEmpty()) {
            return;
        }
        int share = slack / gaps.size();
        int remainder = Math.abs(slack % gaps.size());
        int step = Integer.signum(slack);
        for (int n = 0; n < gaps.size(); n++) {
            int k = gaps.get(n);
            // The remainder goes to gaps spread through the line, not bunched at its start.
            int extra = remainder > 0 && (n * remainder) / gaps.size() != ((n + 1) * remainder) / gaps.size() ? step : 0;
            space[k] += share + extra;
            cut[k] = true;
        }
    }

    /** The width of the line's text as the renderer measures it: run by run between cuts. */
    private int measure(String text, int start, int end, boolean[] cut) {
        int width = 0;
        int runStart = start;
        for (int i = start; i < end; i++) {
            boolean dash = text.startsWith(DASH, i);
            if (dash || cut[i - start] && i > runStart) {
                width += runWidth(text, runStart, i);
                runStart = i;
            }
            if (dash) {
                width += em;
                runStart = i + 1;
            }
        }
        return width + runWidth(text, runStart, end);
    }

    private int runWidth(String text, int from, int to) {
        return from >= to ? 0 : metrics.width(text.substring(from, to));
    }

    private List<Piece> pieces(String text, int start, int end, int[] space, boolean[] cut) {
        List<Piece> pieces = new ArrayList<>();
        int runStart = start;
        for (int i = start; i < end; i++) {
            int k = i - start;
            boolean dash = text.startsWith(DASH, i);
            if (cut[k] || dash) {
                if (i > runStart) {
                    pieces.add(new Run(text.substring(runStart, i)));
                }
                if (space[k] != 0) {
                    pieces.add(new Space(space[k]));
                }
                runStart = i;
            }
            if (dash) {
                pieces.add(new Dash(DASH));
                runStart = i + 1;
            }
        }
        if (end > runStart) {
            pieces.add(new Run(text.substring(runStart, end)));
        }
        if (space[end - start] != 0) {
            pieces.add(new Space(space[end - start]));
        }
        return pieces;
    }

    // --- character classes --------------------------------------------------------------

    private double advance(String text, int i) {
        return text.startsWith(DASH, i) ? em : metrics.advance(text.codePointAt(i));
    }

    /** The space set before character {@code i}: pair compression, or Han–Latin spacing. */
    private double gap(String text, int lineStart, int i) {
        if (i <= lineStart) {
            return 0;
        }
        if (PunctuationSqueeze.at(text, i - 1) == PunctuationSqueeze.Side.AFTER) {
            return -em / 2.0;
        }
        if (PunctuationSqueeze.at(text, i) == PunctuationSqueeze.Side.BEFORE) {
            return -em / 2.0;
        }
        return isHanLatin(text, i) ? em / 4.0 : 0;
    }

    /** A boundary between a Han character and a Latin letter or digit, either way round. */
    private static boolean isHanLatin(String text, int i) {
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        return (CharClasses.isHan(before) && Character.isLetterOrDigit(after) && !CharClasses.isWide(after))
                || (CharClasses.isHan(after) && Character.isLetterOrDigit(before) && !CharClasses.isWide(before));
    }

    /** Gaps that take stretch: all but those inside a Latin word or number, and inside a dash pair. */
    private static boolean isStretchable(String text, int i) {
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        if (before == '\u2014' && after == '\u2014') {
            return false;
        }
        return CharClasses.isWide(before) || CharClasses.isWide(after) || before == ' ' || after == ' ';
    }

    private static int next(String text, int i) {
        return i + Character.charCount(text.codePointAt(i));
    }

    private static int sum(int[] values) {
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }
}
