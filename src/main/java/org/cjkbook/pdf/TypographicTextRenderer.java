package org.cjkbook.pdf;

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
 * both pages, clipped on one: searched, copied and read aloud twice.
 */
final class TypographicTextRenderer extends ITextTextRenderer {

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
