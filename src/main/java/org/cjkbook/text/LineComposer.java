package org.cjkbook.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets a paragraph of Chinese text into lines of an exact width, as a book typesetter
 * does: breaks by the rules of {@link LineBreaks}; adjacent punctuation compressed to one
 * and a half em ({@link PunctuationSqueeze}); a quarter em between Han and Latin text;
 * and every line but the last flush with both edges. A line that would be short pulls
 * in the next character when closing punctuation can give up half its em to make room;
 * otherwise its slack is spread over the gaps between its characters. A paragraph does
 * not end on a line of one Han character when the lines before can give it a second.
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

    /** Text of one style: {@code tag} is the segment's, as the caller gave it. */
    public record Run(String text, Object tag) implements Piece {
    }

    /**
     * Text of one style, measured by its own metrics; {@code tag} comes back on its runs.
     * An {@code attached} segment (a note reference) keeps to the text before it: no line
     * starts with it, and no space is set or stretched at its edges.
     */
    public record Segment(String text, Metrics metrics, Object tag, boolean attached) {
        public Segment(String text, Metrics metrics, Object tag) {
            this(text, metrics, tag, false);
        }
    }

    /** One dash of a two-em dash, with the tag of its segment. */
    public record Dash(String text, Object tag) implements Piece {
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
    /** The least stretch worth a gap of its own, in the renderer's units. */
    private static final int MIN_SHARE = 10;

    private final Metrics metrics;
    private final PunctuationSqueeze squeeze;
    private final int em;
    private final int measure;
    /** Whether lines keep their natural width, as verse does, rather than fill the measure. */
    private final boolean ragged;
    /** How far a justified line may end from the measure: under half a point at book sizes. */
    private final int tolerance;

    /** The metrics and tag of each character of the paragraph being set. */
    private Metrics[] charMetrics;
    private Object[] charTags;
    private boolean[] attached;
    /** Where a line may end inside a run of dashes too long for one line. */
    private boolean[] dashBreaks;

    /**
     * {@code em} is the body size and {@code measure} the line length, in the renderer's
     * units; {@code metrics} measures plain text. A composer sets one paragraph at a time.
     */
    public LineComposer(Metrics metrics, int em, int measure) {
        this(metrics, PunctuationSqueeze.MAINLAND, em, measure, false);
    }

    /** The same, for fonts whose marks {@code squeeze} describes. */
    public LineComposer(Metrics metrics, PunctuationSqueeze squeeze, int em, int measure) {
        this(metrics, squeeze, em, measure, false);
    }

    private LineComposer(Metrics metrics, PunctuationSqueeze squeeze, int em, int measure, boolean ragged) {
        this.metrics = metrics;
        this.squeeze = squeeze;
        this.em = em;
        this.measure = measure;
        this.ragged = ragged;
        this.tolerance = em / 24;
    }

    public int em() {
        return em;
    }

    public int measure() {
        return measure;
    }

    /** The lines of a paragraph of plain text whose first line is indented by {@code indent}. */
    public List<Line> compose(String text, int indent) {
        return compose(List.of(new Segment(text, metrics, null)), indent);
    }

    /** The same composer for a measure {@code ems} body em narrower: a quotation's, a list item's. */
    public LineComposer inset(int ems) {
        return new LineComposer(metrics, squeeze, em, measure - ems * em, ragged);
    }

    /**
     * The same composer for lines that are not justified: each keeps the natural spacing of
     * its characters, as a line of verse does. Breaks, compression and spacing are as before.
     */
    public LineComposer ragged() {
        return new LineComposer(metrics, squeeze, em, measure, true);
    }

    /**
     * The lines of a paragraph of styled segments whose first line is indented by
     * {@code indent}; a negative indent sets it out, as a hanging indent does. A line feed
     * in the text is a forced break: the line before it is not justified, and two in a row
     * leave an empty line.
     */
    public List<Line> compose(List<Segment> segments, int indent) {
        StringBuilder joined = new StringBuilder();
        segments.forEach(s -> joined.append(s.text()));
        String text = joined.toString();
        charMetrics = new Metrics[text.length()];
        charTags = new Object[text.length()];
        attached = new boolean[text.length()];
        int at = 0;
        for (Segment segment : segments) {
            for (int i = 0; i < segment.text().length(); i++, at++) {
                charMetrics[at] = segment.metrics();
                charTags[at] = segment.tag();
                attached[at] = segment.attached();
            }
        }
        dashBreaks = dashBreaks(text);
        List<Line> lines = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int stop = text.indexOf('\n', start);
            stop = stop < 0 ? text.length() : stop;
            if (start == stop) {
                lines.add(new Line(List.of(), false));
            }
            int lead = lines.isEmpty() ? indent : 0;
            List<Integer> ends = new ArrayList<>();
            for (int end = start; end < stop; ends.add(end)) {
                end = breakAfter(text, end, stop, measure - (ends.isEmpty() ? lead : 0));
            }
            if (stop == text.length()) {
                keepTwoOnLastLine(text, start, ends, lead);
            }
            for (int k = 0; k < ends.size(); k++) {
                int target = measure - (k == 0 ? lead : 0);
                lines.add(realise(text, start, ends.get(k), target, !ragged && ends.get(k) < stop));
                start = ends.get(k);
            }
            start = stop + 1;
        }
        return lines;
    }

    // --- choosing breaks ----------------------------------------------------------------

    /**
     * Where the line from {@code start} ends, at {@code stop} at the latest: the furthest break that fits, or the next
     * one when compressing the line's punctuation makes room for it with less change than
     * stretching the shorter line would need.
     */
    private int breakAfter(String text, int start, int stop, int target) {
        double width = 0;
        int fits = -1;
        double fitsWidth = 0;
        for (int i = start; i < stop; i = next(text, i)) {
            width += advance(text, i) + gap(text, start, i);
            int end = next(text, i);
            if (!canEnd(text, end, stop)) {
                continue;
            }
            // Spaces ending a line reach past the measure unseen: they do not fill it.
            double visible = width - trailingSpaces(text, start, end);
            if (visible <= target + 0.5) {
                fits = end;
                fitsWidth = visible;
                if (end >= stop) {
                    return end;
                }
            } else {
                if (fits < 0) {
                    // Nothing shorter can end the line: a long word is cut, anything else squeezed.
                    int inside = furthestInside(text, start, start, end, target);
                    return inside > start ? inside : end;
                }
                boolean roomFound = visible - compressible(text, start, end) <= target + 0.5;
                if (roomFound && visible - target <= target - fitsWidth) {
                    return end;
                }
                int gaps = Math.max(stretchable(text, start, fits, false).size(),
                        stretchable(text, start, fits, true).size());
                if (!ragged && target - fitsWidth > 2.0 * loosest() * gaps) {
                    // The word that does not fit is so long that the line before it would
                    // open its gaps twice as wide as its letters would be spaced: it is
                    // cut where the line is full instead.
                    int inside = furthestInside(text, start, fits, end, target);
                    return inside > fits ? inside : fits;
                }
                return fits;
            }
        }
        return stop;
    }

    /**
     * The furthest point between {@code from} and {@code to}, both inside one word, where a
     * line from {@code start} can be cut between two letters or digits and still fit;
     * {@code from} when there is none. No hyphen is added: the cut word is a code, a
     * number or a compound too long for any line, not a word that hyphenation would split.
     */
    private int furthestInside(String text, int start, int from, int to, int target) {
        double width = 0;
        int cut = from;
        for (int i = start; i < to; i = next(text, i)) {
            width += advance(text, i) + gap(text, start, i);
            int end = next(text, i);
            if (end > from && end < to && width <= target + 0.5 && !attached[end]
                    && isLatinLetterOrDigit(text.codePointBefore(end)) && isLatinLetterOrDigit(text.codePointAt(end))) {
                cut = end;
            }
            if (width > target + 0.5) {
                break;
            }
        }
        return cut;
    }

    private static boolean isLatinLetterOrDigit(int codePoint) {
        return Character.isLetterOrDigit(codePoint) && !CharClasses.isWide(codePoint);
    }

    /** How many lines before a lonely last line may be set again to give it company. */
    private static final int REBREAK_DEPTH = 3;

    /**
     * A paragraph's last line of one Han character (孤字) is given a second: up to three
     * lines before it are broken again, each ending at its usual break, one break earlier
     * when stretching takes at most an em, or one later when its marks compress to make
     * room. The lines nearest the end change first; without a choice, nothing changes.
     */
    private void keepTwoOnLastLine(String text, int start, List<Integer> ends, int lead) {
        int n = ends.size();
        if (n < 2 || hans(text, ends.get(n - 2), ends.get(n - 1)) >= 2) {
            return;
        }
        for (int depth = 1; depth <= Math.min(REBREAK_DEPTH, n - 1); depth++) {
            int line = n - 1 - depth;
            int from = line == 0 ? start : ends.get(line - 1);
            List<Integer> again = rebreak(text, from, ends.get(n - 1), depth + 1, line == 0 ? lead : 0, line > 0);
            if (again != null) {
                ends.subList(line, n).clear();
                ends.addAll(again);
                return;
            }
        }
    }

    /**
     * Ends for at most {@code lines} lines from {@code from} to {@code stop} whose last holds
     * two Han characters or more, or null; {@code follows} tells that a line comes before.
     */
    private List<Integer> rebreak(String text, int from, int stop, int lines, int lead, boolean follows) {
        int target = measure - lead;
        int end = breakAfter(text, from, stop, target);
        if (end == stop) {
            return !follows || hans(text, from, stop) >= 2 ? List.of(stop) : null;
        }
        if (lines == 1) {
            return null;
        }
        int earlier = end - 1;
        while (earlier > from && !canEnd(text, earlier, stop)) {
            earlier--;
        }
        int later = next(text, end);
        while (later < stop && !canEnd(text, later, stop)) {
            later = next(text, later);
        }
        for (int candidate : new int[] {end, earlier, later}) {
            if (candidate > from && (candidate == end || canSet(text, from, candidate, target))) {
                List<Integer> rest = candidate == stop ? List.of()
                        : rebreak(text, candidate, stop, lines - 1, 0, true);
                if (rest != null) {
                    List<Integer> all = new ArrayList<>(List.of(candidate));
                    all.addAll(rest);
                    return all;
                }
            }
        }
        return null;
    }

    /**
     * Whether the text from {@code start} to {@code end} can be set flush within the
     * composer's limits: stretched by an em at most, as breaking before a pair of marks
     * already leaves, or compressed by its marks' blank halves.
     */
    private boolean canSet(String text, int start, int end, int target) {
        double width = 0;
        for (int i = start; i < end; i = next(text, i)) {
            width += advance(text, i) + gap(text, start, i);
        }
        double visible = width - trailingSpaces(text, start, end);
        return visible <= target + 0.5 ? target - visible <= em
                : visible - compressible(text, start, end) <= target + 0.5;
    }

    private boolean canEnd(String text, int end, int stop) {
        return end >= stop || !attached[end] && (LineBreaks.canBreakBefore(text, end) || dashBreaks[end]);
    }

    private static int hans(String text, int start, int end) {
        return (int) text.substring(start, end).codePoints().filter(CharClasses::isHan).count();
    }

    /**
     * A run of dashes is kept whole when it fits on a line; a longer one would run past
     * the margin, so it may break between any two of its dashes, which lets every line of
     * it be flush with both edges whatever the measure. Its last two stay together.
     */
    private boolean[] dashBreaks(String text) {
        boolean[] breaks = new boolean[text.length() + 1];
        for (int i = 0; i < text.length(); ) {
            if (text.charAt(i) != DASH.charAt(0)) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) == DASH.charAt(0)) {
                end++;
            }
            if ((long) (end - i) * em > measure) {
                for (int k = i + 1; k < end - 1; k++) {
                    breaks[k] = true;
                }
            }
            i = end;
        }
        return breaks;
    }

    /** The width of the spaces that end the text from {@code start} to {@code end}. */
    private double trailingSpaces(String text, int start, int end) {
        double width = 0;
        for (int i = end - 1; i > start && text.charAt(i) == ' '; i--) {
            width += advance(text, i);
        }
        return width;
    }

    /**
     * Space that may be taken from a line beyond its paired punctuation: the blank half of
     * each other full-width mark in it (a closing mark at its end, an opening mark at its
     * start included), and the Han–Latin spacing.
     */
    private int compressible(String text, int start, int end) {
        int room = 0;
        for (int i = start; i < end; i = next(text, i)) {
            if (blankHalf(text, start, end, i) != 0) {
                room += em / 2;
            }
            if (i > start && isSpacedHanLatin(text, i)) {
                room += em / 4;
            }
        }
        return room;
    }

    /**
     * Where the mark at {@code i} may give up its blank half in a line from {@code start} to
     * {@code end}: +1 after it, -1 before it, 0 when it may not (not a mark, already paired,
     * or its blank side faces into a neighbouring mark's blank).
     */
    private int blankHalf(String text, int start, int end, int i) {
        char c = text.charAt(i);
        boolean paired = squeeze.at(text, i) != PunctuationSqueeze.Side.NONE
                || (i > start && squeeze.at(text, i - 1) == PunctuationSqueeze.Side.AFTER);
        if (paired) {
            return 0;
        }
        if (squeeze.closesWithBlank(c)) {
            return 1;
        }
        return squeeze.opensWithBlank(c) ? -1 : 0;
    }

    // --- realising a line ---------------------------------------------------------------

    private Line realise(String text, int start, int end, int target, boolean justified) {
        int count = end - start;
        int[] space = new int[count + 1]; // space[k]: before the k-th character; space[count]: after the last
        boolean[] cut = new boolean[count + 1];
        for (int i = next(text, start); i < end; i = next(text, i)) {
            int gap = (int) Math.round(gap(text, start, i));
            if (gap != 0) {
                space[i - start] = gap;
                cut[i - start] = true;
            }
        }
        // Spaces ending the line stand past the measure: the line is set flush without them.
        int ink = end;
        while (ink > start + 1 && text.charAt(ink - 1) == ' ') {
            ink--;
        }
        int slack = target - measure(text, start, ink, cut) - sum(space);
        // A line within a tolerance of the measure is flush to the eye: it takes no
        // adjustment. A paragraph's last line is not stretched, but one that pulled in its
        // closing mark is compressed like any other.
        if (slack < -tolerance) {
            compress(text, start, ink, space, cut, -slack);
        } else if (justified && slack > tolerance) {
            stretch(text, start, ink, space, cut, slack);
        }
        if (justified) {
            // Cutting a run of Latin text can change its rounded width: settle the last units.
            int residual = target - measure(text, start, ink, cut) - sum(space);
            if (Math.abs(residual) > tolerance) {
                space[ink - start] += residual;
                cut[ink - start] = true;
            }
        }
        return new Line(pieces(text, start, end, space, cut), justified);
    }

    /**
     * Takes {@code excess} from the line: first from the blank half of a closing mark at its
     * end, where the margin hides it; then evenly from the blank halves of its other marks,
     * each giving at most half an em; then from the Han–Latin spacing; what is left evenly
     * from every gap.
     */
    private void compress(String text, int start, int end, int[] space, boolean[] cut, int excess) {
        int count = end - start;
        List<Integer> marks = new ArrayList<>();
        for (int i = start; i < end; i = next(text, i)) {
            int side = blankHalf(text, start, end, i);
            if (side > 0 && next(text, i) == end) {
                int take = Math.min(em / 2, excess);
                space[count] -= take;
                cut[count] = true;
                excess -= take;
            } else if (side != 0) {
                marks.add(side > 0 ? next(text, i) - start : i - start);
            }
        }
        int taken = Math.min(excess, marks.size() * (em / 2));
        // As few marks as will do, spread through the line: each gives up to half an em.
        int used = Math.min(marks.size(), (taken + em / 2 - 1) / (em / 2));
        List<Integer> picked = new ArrayList<>(used);
        for (int n = 0; n < used; n++) {
            picked.add(marks.get((2 * n + 1) * marks.size() / (2 * used)));
        }
        spread(-taken, picked, space, cut);
        excess -= taken;
        for (int k = 1; k < count && excess > 0; k++) {
            if (isSpacedHanLatin(text, start + k) && space[k] > 0) {
                int take = Math.min(space[k], excess);
                space[k] -= take;
                excess -= take;
            }
        }
        if (excess > tolerance) {
            spread(-excess, stretchable(text, start, end, false), space, cut);
        }
    }

    /**
     * Adds {@code slack} to the line: first after its marks and at its Han–Latin gaps, up
     * to a little under the gap at which text extraction would see a space, then evenly
     * between all its characters.
     */
    private void stretch(String text, int start, int end, int[] space, boolean[] cut, int slack) {
        List<Integer> gaps = stretchable(text, start, end, false);
        if (slack > (long) loosest() * gaps.size()) {
            // A line of a URL or long words has few gaps: their letters are spaced rather
            // than the few gaps opened into holes. Other words keep their letters together.
            List<Integer> letters = stretchable(text, start, end, true);
            gaps = letters.size() > gaps.size() ? letters : gaps;
        }
        if (gaps.isEmpty()) {
            // A line that is all one word, cut from a longer one: its letters are spaced.
            gaps = new ArrayList<>();
            for (int i = next(text, start); i < end; i = next(text, i)) {
                if (!attached[i] && !attached[i - 1]) {
                    gaps.add(i - start);
                }
            }
        }
        if (gaps.isEmpty()) {
            gaps = List.of(end - start);
        }
        int limit = em / 11;
        if (slack <= limit) {
            // A few units, left over from the widths of Latin letters, in one gap: invisible
            // there, and one span instead of one per gap.
            int k = gaps.stream().filter(g -> isFavoured(text, start + g)).findFirst().orElse(gaps.get(gaps.size() / 2));
            space[k] += slack;
            cut[k] = true;
            return;
        }
        for (int k : gaps) {
            if (isFavoured(text, start + k) && slack > 0) {
                int give = Math.min(limit, slack);
                space[k] += give;
                cut[k] = true;
                slack -= give;
            }
        }
        if (slack <= tolerance) {
            return;
        }
        // The rest evenly: over every gap when each gets a visible share, otherwise over
        // gaps picked evenly through the line, so that no share is below a few units.
        int used = Math.min(gaps.size(), Math.max(1, slack / MIN_SHARE));
        List<Integer> picked = new ArrayList<>(used);
        for (int n = 0; n < used; n++) {
            picked.add(gaps.get((2 * n + 1) * gaps.size() / (2 * used)));
        }
        spread(slack, picked, space, cut);
    }

    /** Gaps that take stretch first: beside a mark's blank half, or between Han and Latin. */
    private boolean isFavoured(String text, int i) {
        return isSpacedHanLatin(text, i) || squeeze.closesWithBlank(text.charAt(i - 1))
                || squeeze.opensWithBlank(text.charAt(i));
    }

    /** The widest a gap is stretched before the letters of Latin words take a share. */
    int loosest() {
        return em / 4;
    }

    /** Gaps that take stretch; with {@code letters}, those inside Latin words too. */
    private List<Integer> stretchable(String text, int start, int end, boolean letters) {
        List<Integer> gaps = new ArrayList<>();
        for (int i = next(text, start); i < end; i = next(text, i)) {
            if (isStretchable(text, i, letters) && !attached[i] && !attached[i - 1]) {
                gaps.add(i - start);
            }
        }
        return gaps;
    }

    /** Spreads {@code slack} (positive or negative) evenly over the gaps; only gaps that change are cut. */
    private static void spread(int slack, List<Integer> gaps, int[] space, boolean[] cut) {
        if (slack == 0 || gaps.isEmpty()) {
            return;
        }
        int share = slack / gaps.size();
        int remainder = Math.abs(slack % gaps.size());
        int step = Integer.signum(slack);
        for (int n = 0; n < gaps.size(); n++) {
            // The remainder goes to gaps spread through the line, not bunched at its start.
            int extra = (n * remainder) / gaps.size() != ((n + 1) * remainder) / gaps.size() ? step : 0;
            if (share + extra != 0) {
                int k = gaps.get(n);
                space[k] += share + extra;
                cut[k] = true;
            }
        }
    }

    /** The width of the line's text as the renderer measures it: run by run between cuts. */
    private int measure(String text, int start, int end, boolean[] cut) {
        int width = 0;
        int runStart = start;
        for (int i = start; i < end; i++) {
            boolean dash = text.startsWith(DASH, i);
            if (dash || (cut[i - start] || styleChanges(i)) && i > runStart) {
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
        return from >= to ? 0 : charMetrics[from].width(text.substring(from, to));
    }

    /** True where a new style begins: a run never spans two. */
    private boolean styleChanges(int i) {
        return i > 0 && (charTags[i] != charTags[i - 1] || charMetrics[i] != charMetrics[i - 1]);
    }

    private List<Piece> pieces(String text, int start, int end, int[] space, boolean[] cut) {
        List<Piece> pieces = new ArrayList<>();
        int runStart = start;
        for (int i = start; i < end; i++) {
            int k = i - start;
            boolean dash = text.startsWith(DASH, i);
            if (cut[k] || dash || styleChanges(i)) {
                if (i > runStart) {
                    pieces.add(new Run(text.substring(runStart, i), charTags[runStart]));
                }
                if (space[k] != 0) {
                    pieces.add(new Space(space[k]));
                }
                runStart = i;
            }
            if (dash) {
                pieces.add(new Dash(DASH, charTags[i]));
                runStart = i + 1;
            }
        }
        if (end > runStart) {
            pieces.add(new Run(text.substring(runStart, end), charTags[runStart]));
        }
        // Space after the last character moves nothing in a line set flush left: a closing
        // mark giving up its blank half at the line's end needs no span, its blank simply
        // reaching into the margin.
        return pieces;
    }

    // --- character classes --------------------------------------------------------------

    private double advance(String text, int i) {
        return text.startsWith(DASH, i) ? em : charMetrics[i].advance(text.codePointAt(i));
    }

    /** The space set before character {@code i}: pair compression, or Han–Latin spacing. */
    private double gap(String text, int lineStart, int i) {
        if (i <= lineStart) {
            return 0;
        }
        if (squeeze.at(text, i - 1) == PunctuationSqueeze.Side.AFTER) {
            return -em / 2.0;
        }
        if (squeeze.at(text, i) == PunctuationSqueeze.Side.BEFORE) {
            return -em / 2.0;
        }
        return isSpacedHanLatin(text, i) ? em / 4.0 : 0;
    }

    /** A boundary between Han and Latin that takes spacing: not at a note reference's edge. */
    private boolean isSpacedHanLatin(String text, int i) {
        return !attached[i] && !attached[i - 1] && isHanLatin(text, i);
    }

    /** A boundary between a Han character and a Latin letter or digit, either way round. */
    private static boolean isHanLatin(String text, int i) {
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        return (CharClasses.isHan(before) && Character.isLetterOrDigit(after) && !CharClasses.isWide(after))
                || (CharClasses.isHan(after) && Character.isLetterOrDigit(before) && !CharClasses.isWide(before));
    }

    /**
     * Gaps that take stretch: all but those inside a Latin word or number (unless its
     * {@code letters} are spaced), inside a dash pair, and inside a compressed pair of
     * marks, which stays one and a half em.
     */
    private boolean isStretchable(String text, int i, boolean letters) {
        int before = text.codePointBefore(i);
        int after = text.codePointAt(i);
        if (before == '\u2014' && after == '\u2014') {
            return false;
        }
        if (squeeze.at(text, i - 1) == PunctuationSqueeze.Side.AFTER
                || squeeze.at(text, i) == PunctuationSqueeze.Side.BEFORE) {
            return false;
        }
        return letters && isInBreakingWord(text, i)
                || CharClasses.isWide(before) || CharClasses.isWide(after) || before == ' ' || after == ' ';
    }

    /** A gap inside a Latin word that breaks as a URL does, after its / . - _ ? &. */
    private static boolean isInBreakingWord(String text, int i) {
        int from = i;
        while (from > 0 && isLatin(text.codePointBefore(from))) {
            from -= Character.charCount(text.codePointBefore(from));
        }
        for (int k = next(text, from); k < text.length() && isLatin(text.codePointAt(k)); k = next(text, k)) {
            if (LineBreaks.canBreakBefore(text, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatin(int codePoint) {
        return !CharClasses.isWide(codePoint) && !CharClasses.isSpace(codePoint);
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
