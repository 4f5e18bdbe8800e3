package org.cjkbook.pdf;

import java.awt.geom.AffineTransform;

import org.cjkbook.text.LineMarks;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;


/**
 * Flying Saucer's PDF output, drawing text that carries {@link LineMarks}: each run of
 * text where the marks before it put it, and each joined dash stretched so that two of
 * them draw one continuous rule. The marks themselves are never
 * drawn, so the PDF's text is the source's.
 */
final class MarkedTextDevice extends ITextOutputDevice {

    /** Before a page number the stylesheet generates: print the page's folio, aligned right or left. */
    static final char FOLIO_RIGHT = '\uFDE1', FOLIO_LEFT = '\uFDE2';

    private final TypographicTextRenderer measure;
    private ITextFSFont font;
    private PdfEdition.Folios folios;
    private char folioMark;

    MarkedTextDevice(float dotsPerPoint, TypographicTextRenderer measure) {
        super(dotsPerPoint);
        this.measure = measure;
    }

    @Override
    public void setFont(FSFont font) {
        this.font = (ITextFSFont) font;
        super.setFont(font);
    }

    /** How pages are numbered, known once the book is laid out. */
    void folios(PdfEdition.Folios folios) {
        this.folios = folios;
    }

    @Override
    public void drawString(String text, float x, float y, JustificationInfo info) {
        if (!text.isEmpty() && (text.charAt(0) == FOLIO_RIGHT || text.charAt(0) == FOLIO_LEFT)) {
            // A generated number may come as text of its own, after its mark.
            folioMark = text.charAt(0);
            folio(text.substring(1), x, y);
            return;
        }
        if (folioMark != 0) {
            folio(text, x, y);
            return;
        }
        if (!LineMarks.marked(text)) {
            if (text.contains("\u2014\u2014")) {
                dashed(text, x, y, info);
            } else {
                super.drawString(text, x, y, info);
            }
            return;
        }
        ITextFSFont own = font;
        float[] at = {x};
        LineMarks.read(text, new LineMarks.Reader() {
            @Override
            public void text(int from, int to, boolean joined) {
                String run = text.substring(from, to);
                if (joined) {
                    joinedRule(own, run, at[0], y, TypographicTextRenderer.joinedWidth(own));
                    at[0] += TypographicTextRenderer.joinedWidth(own);
                } else {
                    MarkedTextDevice.super.drawString(run, at[0], y, null);
                    at[0] += measure.getWidth(null, own, run);
                }
            }

            @Override
            public void space(int units) {
                at[0] += units;
            }
        });
    }

    /** A page number counted from the first page, printed as the folio of that page. */
    private void folio(String number, float x, float y) {
        if (number.isEmpty()) {
            return;
        }
        String folio = folios.label(Integer.parseInt(number) - 1);
        float shift = folioMark == FOLIO_LEFT ? 0
                : measure.getWidth(null, font, number) - measure.getWidth(null, font, folio);
        folioMark = 0;
        super.drawString(folio, x + shift, y, null);
    }

    /**
     * Text the composer did not set (headings, titles, notes, cells, the colophon): each
     * dash of a run of them is drawn as a joined rule in its own advance, the rest as it is.
     */
    private void dashed(String text, float x, float y, JustificationInfo info) {
        ITextFSFont own = font;
        float at = x;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean dash = i < text.length() && text.charAt(i) == '\u2014'
                    && (i > 0 && text.charAt(i - 1) == '\u2014' || i + 1 < text.length() && text.charAt(i + 1) == '\u2014');
            if (i > from && (dash || i == text.length())) {
                String run = text.substring(from, i);
                super.drawString(run, at, y, info);
                at += advance(own, run, info);
            }
            if (dash) {
                float width = advance(own, "\u2014", info);
                joinedRule(own, "\u2014", at, y, width);
                at += width;
                from = i + 1;
            }
        }
    }

    /** How far a run of text moves the pen, with the spacing a justified line adds. */
    private float advance(ITextFSFont own, String run, JustificationInfo info) {
        float width = measure.getWidth(null, own, run);
        if (info != null) {
            for (int i = 0; i < run.length(); i++) {
                width += run.charAt(i) == ' ' ? info.spaceAdjust() : info.nonSpaceAdjust();
            }
        }
        return width;
    }

    /**
     * A dash as a stretch of a continuous rule {@code width} long: the glyph stretched
     * sideways until its ink spans the width with a little overlap, centred in it. Its
     * height, weight and baseline stay those of the text around it.
     */
    private void joinedRule(ITextFSFont own, String dash, float x, float y, float width) {
        int[] box = own.getFontDescription().getFont().getCharBBox(dash.codePointAt(0));
        if (box == null || box[2] <= box[0]) {
            super.drawString(dash, x, y, null);
            return;
        }
        float size = own.getSize2D();
        float stretch = 1020f * width / size / (box[2] - box[0]);
        float inkCentre = (box[0] + box[2]) / 2000f * size * stretch;
        AffineTransform transform = getTransform();
        AffineTransform saved = (AffineTransform) transform.clone();
        transform.translate(x + width / 2 - inkCentre, y);
        transform.scale(stretch, 1);
        super.drawString(dash, 0, 0, null);
        transform.setTransform(saved);
    }
}
