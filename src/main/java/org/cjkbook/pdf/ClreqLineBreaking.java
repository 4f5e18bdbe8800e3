package org.cjkbook.pdf;

import org.cjkbook.text.LineBreaks;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.breaker.BreakPoint;
import org.xhtmlrenderer.layout.breaker.BreakPointsProvider;
import org.xhtmlrenderer.layout.breaker.LineBreakingStrategy;

/**
 * Line breaks for Flying Saucer by Chinese rules. Java's line break iterator, Flying
 * Saucer's default, lets a line start with ，or ？ after a straight quote and splits ——
 * and …… pairs; these breaks come from {@link LineBreaks} instead.
 */
final class ClreqLineBreaking implements LineBreakingStrategy {

    @Override
    public BreakPointsProvider getBreakPointsProvider(String text, String lang, CalculatedStyle style) {
        // Flying Saucer asks again for each line, with the text from the line's start:
        // find breaks lazily, so that a long paragraph is not scanned once per line.
        return new BreakPointsProvider() {
            private int position;

            @Override
            public BreakPoint next() {
                if (position < 0) {
                    return BreakPoint.getDonePoint();
                }
                int next = LineBreaks.next(text, position);
                // The end of the text is always a place to stop, as with a break iterator.
                position = next < 0 && position < text.length() ? text.length() : next;
                return position < 0 ? BreakPoint.getDonePoint() : new BreakPoint(position);
            }
        };
    }
}
