package org.cjkbook.pdf;

import org.cjkbook.text.LineMarks;
import org.xhtmlrenderer.extend.FontContext;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFSFontMetrics;
import org.xhtmlrenderer.pdf.ITextTextRenderer;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.FSFontMetrics;

import com.lowagie.text.pdf.BaseFont;

/**
 * Flying Saucer's text renderer, but with a line's ascent and descent taken from the
 * font's typographic metrics instead of its bounding box. The Noto CJK bounding box
 * reaches 1.81 em up and 1.05 em down, so a line beside a page break would be painted on
 * both pages, clipped on one: searched, copied and read aloud twice. Text carrying
 * {@link LineMarks} is measured as {@link MarkedTextDevice} draws it.
 */
final class TypographicTextRenderer extends ITextTextRenderer {

    /** Each run rounded on its own, as the composer measured it; a joined dash is one em. */
    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        if (!string.isEmpty() && (string.charAt(0) == MarkedTextDevice.FOLIO_RIGHT
                || string.charAt(0) == MarkedTextDevice.FOLIO_LEFT)) {
            return super.getWidth(context, font, string.substring(1));
        }
        if (!LineMarks.marked(string)) {
            return super.getWidth(context, font, string);
        }
        int[] width = {0};
        LineMarks.read(string, new LineMarks.Reader() {
            @Override
            public void text(int from, int to, boolean joined) {
                width[0] += joined ? joinedWidth(font)
                        : TypographicTextRenderer.super.getWidth(context, font, string.substring(from, to));
            }

            @Override
            public void space(int units) {
                width[0] += units;
            }
        });
        return width[0];
    }

    /** A joined dash takes exactly one em of its font. */
    static int joinedWidth(FSFont font) {
        return Math.round(font.getSize2D());
    }

    @Override
    public FSFontMetrics getFSFontMetrics(FontContext context, FSFont font, String string) {
        FontDescription description = ((ITextFSFont) font).getFontDescription();
        BaseFont base = description.getFont();
        float size = font.getSize2D();
        float strikethroughThickness = description.getYStrikeoutSize() != 0
                ? description.getYStrikeoutSize() / 1000f * size : size / 12.0f;
        return new ITextFSFontMetrics(
                base.getFontDescriptor(BaseFont.ASCENT, size),
                -base.getFontDescriptor(BaseFont.DESCENT, size),
                -description.getYStrikeoutPosition() / 1000f * size,
                strikethroughThickness,
                -description.getUnderlinePosition() / 1000f * size,
                description.getUnderlineThickness() / 1000f * size);
    }
}
