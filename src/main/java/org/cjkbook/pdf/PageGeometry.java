package org.cjkbook.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The print edition's page sizes and type sizes: the one place they are written. Each page
 * has a text block a whole number of body em wide, so that a line of Han text fills the
 * measure without stretching, and a whole number of lines high; the inner margin is the
 * narrower. The composer, the image limit, the page stylesheet and the tests all read
 * these numbers.
 */
public enum PageGeometry {
    A5("A5", 148, 210, 28, 27, 54, 60),
    A4("A4", 210, 297, 40, 38, 76, 80),
    B5("B5", 176, 250, 34, 32, 64, 66),
    SIXTEENMO("16K", 185, 260, 36, 34, 60, 68),
    THIRTYTWOMO("32K", 130, 184, 24, 23, 52, 54);

    /** The body text size, in points. */
    public static final float BODY_POINTS = 10.5f;
    /** The line pitch of body text, in body em. */
    public static final float LINE_HEIGHT = 1.75f;
    /** Inline code, code blocks and the notes, in points. */
    public static final float SMALL_POINTS = 9f;
    /** Note references, in points. */
    public static final float REFERENCE_POINTS = 7f;
    /** Chapter titles, in points. */
    public static final float TITLE_POINTS = 15f;
    /** A paragraph's first-line indent, in body em. */
    public static final int INDENT_EMS = 2;
    /** What a quotation takes from the measure on each side, in body em. */
    public static final int QUOTE_EMS = 2;
    /** What a list takes from the measure on the left, in body em. */
    public static final int LIST_EMS = 2;

    private static final double POINTS_PER_MM = 72 / 25.4;

    private final String label;
    private final int widthMm;
    private final int heightMm;
    private final int measureEms;
    private final int lines;
    private final double top;
    private final double inner;

    PageGeometry(String label, int widthMm, int heightMm, int measureEms, int lines, double top, double inner) {
        this.label = label;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.measureEms = measureEms;
        this.lines = lines;
        this.top = top;
        this.inner = inner;
    }

    /** The size called {@code label} in settings (A5, 16K, …), or null for none. */
    public static PageGeometry named(String label) {
        return Arrays.stream(values()).filter(g -> g.label.equalsIgnoreCase(label)).findFirst().orElse(null);
    }

    /** The names settings know, for messages. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(PageGeometry::label).sorted().toList();
    }

    public String label() {
        return label;
    }

    public double widthPoints() {
        return widthMm * POINTS_PER_MM;
    }

    public double heightPoints() {
        return heightMm * POINTS_PER_MM;
    }

    /** The text block's width in body em. */
    public int measureEms() {
        return measureEms;
    }

    /** The text block's height in lines of body text. */
    public int lines() {
        return lines;
    }

    public double topMargin() {
        return top;
    }

    public double innerMargin() {
        return inner;
    }

    /** What the page's width leaves beside the text block and the inner margin, to a hundredth of a point. */
    public double outerMargin() {
        return hundredths(widthPoints() - measureEms * BODY_POINTS - inner, RoundingMode.HALF_UP);
    }

    /** What the page's height leaves below the lines, to a hundredth of a point, rounded down so they all fit. */
    public double bottomMargin() {
        return hundredths(heightPoints() - top - lines * linePitch(), RoundingMode.FLOOR);
    }

    /** The distance between baselines of body text, in points. */
    public static double linePitch() {
        return BODY_POINTS * LINE_HEIGHT;
    }

    /** The page stylesheet: the page box, its mirrored margins, and the type sizes above. */
    public String stylesheet() {
        return String.format(Locale.ROOT, """
                /* %s (%dmm x %dmm): a text block of %d em by %d lines; inner margins narrower than outer. */
                html { font-size: %s; line-height: %s; }
                p { text-indent: %dem; }
                h2 { font-size: %s; }
                code, pre, .notes { font-size: %s; }
                sup { font-size: %s; }
                blockquote { margin-left: %dem; margin-right: %dem; }
                ul, ol { padding-left: %dem; }
                .item-number { width: %dem; margin-left: -%dem; }
                @page {
                  size: %dmm %dmm;
                  margin: %s %s %s %s;
                }
                @page :right { margin-left: %s; margin-right: %s; }
                @page :left { margin-left: %s; margin-right: %s; }
                """, label, widthMm, heightMm, measureEms, lines,
                pt(BODY_POINTS), number(LINE_HEIGHT), INDENT_EMS, pt(TITLE_POINTS), pt(SMALL_POINTS),
                pt(REFERENCE_POINTS), QUOTE_EMS, QUOTE_EMS, LIST_EMS, LIST_EMS, LIST_EMS,
                widthMm, heightMm, pt(top), pt(outerMargin()), pt(bottomMargin()), pt(inner),
                pt(inner), pt(outerMargin()), pt(outerMargin()), pt(inner));
    }

    private static String pt(double points) {
        return number(points) + "pt";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double hundredths(double value, RoundingMode mode) {
        return BigDecimal.valueOf(value).setScale(2, mode).doubleValue();
    }
}
