package org.cjkbook.pdf;

import java.util.function.IntUnaryOperator;

import org.cjkbook.text.LineComposer;

/**
 * Text measured as Flying Saucer measures it: in dots (1/26.67 pt), a run's width being the
 * sum of its glyphs' advances at the font size, rounded up to a whole dot unless within a
 * hundredth of one below. Lines composed with these widths end exactly at the measure.
 */
final class RendererMetrics implements LineComposer.Metrics {

    /** Flying Saucer's resolution: dots per point. */
    static final float DOTS_PER_POINT = 20f * 4f / 3f;

    private final IntUnaryOperator advances;
    private final float size;
    /** Advances of the Basic Multilingual Plane, looked up once each; -1 until then. */
    private final int[] known = new int[0x10000];

    /** {@code advances} gives thousandths of an em; {@code points} is the font size. */
    RendererMetrics(IntUnaryOperator advances, float points) {
        this.advances = advances;
        this.size = points * DOTS_PER_POINT;
        java.util.Arrays.fill(known, -1);
    }

    private int thousandths(int codePoint) {
        if (codePoint >= known.length) {
            return advances.applyAsInt(codePoint);
        }
        if (known[codePoint] < 0) {
            known[codePoint] = advances.applyAsInt(codePoint);
        }
        return known[codePoint];
    }

    @Override
    public double advance(int codePoint) {
        return thousandths(codePoint) * 0.001 * size;
    }

    @Override
    public int width(String run) {
        int total = 0;
        for (int i = 0; i < run.length(); i += Character.charCount(run.codePointAt(i))) {
            total += thousandths(run.codePointAt(i));
        }
        float width = total * 0.001f * size;
        return width - (float) Math.floor(width) < 0.01f ? (int) width : (int) Math.ceil(width);
    }
}
