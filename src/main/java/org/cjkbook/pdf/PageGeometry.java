package org.cjkbook.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The print edition's page sizes and type sizes: the one place they are written. Each page
 * has a text block a whole number of body em wide, so that a line of Han text fills the
 * measure without stretching, and a whole number of lines high; the inner margin is the
 * narrower. The composer, the image limit, the page stylesheet and the tests all read
 * these numbers.
 */
public record PageGeometry(String label, int widthMm, int heightMm, int measureEms, int lines, double topMargin,
                           double innerMargin) {

    public static final PageGeometry A5 = new PageGeometry("A5", 148, 210, 28, 27, 54, 60);
    public static final PageGeometry A4 = new PageGeometry("A4", 210, 297, 40, 38, 76, 80);
    public static final PageGeometry B5 = new PageGeometry("B5", 176, 250, 34, 32, 64, 66);
    public static final PageGeometry SIXTEENMO = new PageGeometry("16K", 185, 260, 36, 34, 60, 68);
    public static final PageGeometry THIRTYTWOMO = new PageGeometry("32K", 130, 184, 24, 23, 52, 54);
    /** Every size settings may name. */
    public static final List<PageGeometry> ALL = List.of(A5, A4, B5, SIXTEENMO, THIRTYTWOMO);

    /** Type sizes in points: body text; code and notes; note references; chapter titles. */
    public static final float BODY_POINTS = 10.5f, SMALL_POINTS = 9f, REFERENCE_POINTS = 7f, TITLE_POINTS = 15f;
    /** The line pitch of body text, in body em. */
    public static final float LINE_HEIGHT = 1.75f;
    /**
     * Indents in body em: a paragraph's first line; a quotation, on each side; a list, on the
     * left; a poem, on the left; and the later lines of a verse line too long for the measure.
     */
    public static final int INDENT_EMS = 2, QUOTE_EMS = 2, LIST_EMS = 2, VERSE_EMS = 2, VERSE_HANG_EMS = 2;

    private static final double POINTS_PER_MM = 72 / 25.4;
    /** Room below the last line for the renderer's rounding, in points: without it a line is lost. */
    private static final double SLACK = 0.1;

    /** The size called {@code label} in settings (A5, 16K, …), or null for none. */
    public static PageGeometry named(String label) {
        return ALL.stream().filter(g -> g.label.equalsIgnoreCase(label)).findFirst().orElse(null);
    }

    /** The names settings know, for messages. */
    public static List<String> labels() {
        return ALL.stream().map(PageGeometry::label).sorted().toList();
    }

    public double widthPoints() {
        return widthMm * POINTS_PER_MM;
    }

    public double heightPoints() {
        return heightMm * POINTS_PER_MM;
    }

    /** What the page's width leaves beside the text block and the inner margin, to a hundredth of a point. */
    public double outerMargin() {
        return hundredths(widthPoints() - measureEms * BODY_POINTS - innerMargin, RoundingMode.HALF_UP);
    }

    /** What the page's height leaves below the lines, to a hundredth of a point, rounded down so they all fit. */
    public double bottomMargin() {
        return hundredths(heightPoints() - topMargin - lines * linePitch() - SLACK, RoundingMode.FLOOR);
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
                .verse { margin-left: %dem; }
                .verse .line { padding-left: %dem; text-indent: -%dem; }
                @page {
                  size: %dmm %dmm;
                  margin: %s %s %s %s;
                }
                @page :right { margin-left: %s; margin-right: %s; }
                @page :left { margin-left: %s; margin-right: %s; }
                """, label, widthMm, heightMm, measureEms, lines,
                pt(BODY_POINTS), number(LINE_HEIGHT), INDENT_EMS, pt(TITLE_POINTS), pt(SMALL_POINTS),
                pt(REFERENCE_POINTS), QUOTE_EMS, QUOTE_EMS, LIST_EMS, LIST_EMS, LIST_EMS,
                VERSE_EMS, VERSE_HANG_EMS, VERSE_HANG_EMS,
                widthMm, heightMm, pt(topMargin), pt(outerMargin()), pt(bottomMargin()), pt(innerMargin),
                pt(innerMargin), pt(outerMargin()), pt(outerMargin()), pt(innerMargin));
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
