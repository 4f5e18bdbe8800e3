package org.cjkbook.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.regex.Matcher;

import org.cjkbook.text.CharClasses;
import org.cjkbook.text.LineMarks;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.JustificationInfo;


/**
 * Flying Saucer's PDF output, drawing text that carries {@link LineMarks}: each run of
 * text where the marks before it put it, and each joined dash stretched so that two of
 * them draw one continuous rule. The marks themselves are never
 * drawn, so the PDF's text is the source's.
 *
 * <p>Emphasis comes as text whose style asks for italic, which none of the book's faces
 * has: its Latin runs are drawn slanted, as Flying Saucer slants an upright face, and the
 * rest upright, with a dot under each letter (着重号), as clreq sets emphasis.
 */
final class MarkedTextDevice extends ITextOutputDevice {

    /** Before a page number the stylesheet generates: print the page's folio, aligned right or left. */
    static final char FOLIO_RIGHT = '\uFDE1', FOLIO_LEFT = '\uFDE2';

    /** Emphasis dots, in em of the text they mark: their diameter, and their centre's depth below the baseline. */
    private static final float DOT_DIAMETER = 0.2f, DOT_DEPTH = 0.3f;

    private final TypographicTextRenderer measure;
    private ITextFSFont font;
    /** The specification of emphasised text, asking for italic; null for other text. */
    private FontSpecification emphasis;
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

    /** Emphasised text is drawn upright but for its Latin runs, which take the italic it asks for. */
    @Override
    public void setFontSpecification(FontSpecification spec) {
        emphasis = spec != null && spec.fontStyle == IdentValue.ITALIC ? spec : null;
        super.setFontSpecification(emphasis == null ? spec : upright(spec));
    }

    private static FontSpecification upright(FontSpecification italic) {
        FontSpecification upright = new FontSpecification();
        upright.size = italic.size;
        upright.fontWeight = italic.fontWeight;
        upright.families = italic.families;
        upright.fontStyle = IdentValue.NORMAL;
        upright.variant = italic.variant;
        return upright;
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
                show(text, x, y, info);
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
                    show(run, at[0], y, null);
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
                show(run, at, y, info);
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
    private static float advance(ITextFSFont own, String run, JustificationInfo info) {
        float width = 0;
        for (int i = 0; i < run.length(); i += Character.charCount(run.codePointAt(i))) {
            width += advance(own, run.codePointAt(i), info);
        }
        return width;
    }

    /** How far a character moves the pen: its advance in the font, and the space justification adds after it. */
    private static float advance(ITextFSFont own, int c, JustificationInfo info) {
        float width = own.getFontDescription().getFont().getWidthPoint(c, own.getSize2D());
        if (info == null) {
            return width;
        }
        // The characters Flying Saucer widens as spaces.
        return width + (c == ' ' || c == '\u00a0' || c == '\u3000' ? info.spaceAdjust() : info.nonSpaceAdjust());
    }

    /** A run of text as it is, or, in emphasis, its Latin runs slanted and the rest dotted. */
    private void show(String run, float x, float y, JustificationInfo info) {
        if (emphasis == null) {
            super.drawString(run, x, y, info);
            return;
        }
        float at = x;
        int start = 0;
        for (Matcher latin = CharClasses.LATIN_RUN.matcher(run); latin.find(); start = latin.end()) {
            at = dotted(run.substring(start, latin.start()), at, y, info);
            FontSpecification upright = getFontSpecification();
            super.setFontSpecification(emphasis);
            super.drawString(latin.group(), at, y, info);
            super.setFontSpecification(upright);
            at += advance(font, latin.group(), info);
        }
        dotted(run.substring(start), at, y, info);
    }

    /**
     * Emphasised text drawn upright, with a dot centred under each letter or digit, none
     * under a mark or space; returns where the pen ends.
     */
    private float dotted(String text, float x, float y, JustificationInfo info) {
        super.drawString(text, x, y, info);
        float size = font.getSize2D();
        float diameter = DOT_DIAMETER * size;
        Path2D.Float dots = new Path2D.Float();
        float at = x;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                float centre = at + font.getFontDescription().getFont().getWidthPoint(c, size) / 2;
                dots.append(new Ellipse2D.Float(centre - diameter / 2, y + DOT_DEPTH * size - diameter / 2,
                        diameter, diameter), false);
            }
            at += advance(font, c, info);
        }
        if (dots.getCurrentPoint() != null) {
            fill(dots);
        }
        return at;
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
