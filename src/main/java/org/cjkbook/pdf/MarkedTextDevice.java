package org.cjkbook.pdf;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.text.CharClasses;
import org.cjkbook.text.LineMarks;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.style.CalculatedStyle.Edge;
import org.xhtmlrenderer.css.value.FontSpecification;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.FSFont;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfRectangle;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;


/**
 * Flying Saucer's PDF output, drawing text that carries {@link LineMarks}: each run of
 * text where the marks before it put it, and each joined dash stretched so that two of
 * them draw one continuous rule. The marks themselves are never
 * drawn, so the PDF's text is the source's.
 *
 * <p>Emphasis comes as text whose style asks for italic, which none of the book's faces
 * has: its Latin runs are drawn slanted, as Flying Saucer slants an upright face, and the
 * rest upright, with a dot under each letter (着重号), as clreq sets emphasis.
 *
 * <p>In a tagged PDF, all that is painted is marked: text and images as content of the
 * {@link StructureTree}'s element of what they belong to, everything else (running heads,
 * folios, rules, borders, leaders) as artifacts. Links are annotated here, each with its
 * text as its description and in its element, as PDF/UA asks.
 */
final class MarkedTextDevice extends ITextOutputDevice {

    /** Before a page number the stylesheet generates: print the page's folio, aligned right or left. */
    static final char FOLIO_RIGHT = '\uFDE1', FOLIO_LEFT = '\uFDE2';

    /** The dots of a leader, as Flying Saucer makes it up between a contents entry and its page. */
    private static final Pattern LEADER = Pattern.compile("[. \u00a0]*");

    /** Emphasis dots, in em of the text they mark: their diameter, and their centre's depth below the baseline. */
    private static final float DOT_DIAMETER = 0.2f, DOT_DEPTH = 0.3f;

    private final TypographicTextRenderer measure;
    private ITextFSFont font;
    /** The specification of emphasised text, asking for italic; null for other text. */
    private FontSpecification emphasis;
    private PdfEdition.Folios folios;
    private char folioMark;

    /** The part being painted, and the book's structure once a tagged PDF is written. */
    private Document document;
    private StructureTree structure;
    /** Whether the part names bookmarks of its own, and whether it is read before the parts painted already. */
    private boolean bookmarked;
    private boolean leading;
    /** A part painted last but read first, whose headings count for the levels of those painted before it. */
    private Document readFirst;
    /** The ids that links lead to from other parts: each part names the places they are in it. */
    private Set<String> crossLinked = Set.of();
    /** The element of what is painted now; null for an artifact. */
    private PdfStructureElement owner;
    /** Whether a marked-content sequence is open in the page's content, and whose. */
    private boolean marking;
    private PdfStructureElement marked;
    /** The annotations of the page, by line and link: one for each line a link is on. */
    private final Map<List<Object>, Annotated> annotations = new HashMap<>();

    private record Annotated(PdfAnnotation annotation, Rectangle area) {
    }

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

    /** The ids that links of one part lead to in another, which the parts name where they are. */
    void crossLinked(Set<String> ids) {
        crossLinked = ids;
    }

    /**
     * The part to be painted last and read first, once written with its pages unknown: its
     * headings come before the others'.
     */
    void readFirst(Document part) {
        readFirst = part;
    }

    /** Whether the part painted next is read before the parts painted already. */
    void leading(boolean leading) {
        this.leading = leading;
    }

    @Override
    public void start(Document painted) {
        super.start(painted);
        document = painted;
        bookmarked = painted.getElementsByTagNameNS("*", "bookmark").getLength() > 0;
        if (structure != null) {
            structure.start(painted, leading);
        }
    }

    @Override
    public void setWriter(PdfWriter writer) {
        super.setWriter(writer);
        if (structure == null && writer.isTagged()) {
            structure = new StructureTree(writer);
            if (readFirst != null) {
                structure.readAfter(readFirst);
            }
            structure.start(document, leading);
        }
    }

    /**
     * A part's outline is its bookmarks, none without them, rather than one made up of its
     * headings; the places other parts link to are named; its structure is written.
     */
    @Override
    public void finish(RenderingContext c, Box root) {
        if (bookmarked) {
            super.finish(c, root);
        }
        for (String id : crossLinked) {
            Box target = getSharedContext().getBoxById(id);
            PdfDestination destination = target == null ? null : destination(c, target);
            if (destination != null) {
                getCurrentPage().localDestination(id, destination);
            }
        }
        if (structure != null) {
            structure.end();
        }
    }

    /** The structure, finished once the last page is painted. */
    void finishStructure() {
        if (structure != null) {
            structure.finish();
        }
    }

    @Override
    public void initializePage(PdfContentByte page, float height) {
        super.initializePage(page, height);
        annotations.clear();
    }

    @Override
    public void finishPage() {
        unmark();
        super.finishPage();
    }

    /** Text belongs to the element it is in; a leader's dots, which Flying Saucer makes up, to none. */
    @Override
    public void drawText(RenderingContext c, InlineText text) {
        Element element = elementOf(text.getParent());
        owner = structure == null || text.getTextNode() == null && LEADER.matcher(text.getSubstring()).matches() ? null
                : structure.contentOf(text.getTextNode() == null ? element : text.getTextNode(), element);
        super.drawText(c, text);
        owner = null;
    }

    private static Element elementOf(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null) {
                return b.getElement();
            }
        }
        return null;
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        owner = structure == null ? null : structure.contentOf(box.getElement(), box.getElement());
        super.paintReplacedElement(c, box);
        owner = null;
    }

    @Override
    public void fill(Shape shape) {
        mark();
        super.fill(shape);
    }

    @Override
    public void draw(Shape shape) {
        mark();
        super.draw(shape);
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        mark();
        super.drawImage(image, x, y);
    }

    /** A new clip restores the graphics state saved before the marked content began: that ends first. */
    @Override
    public void setClip(Shape shape) {
        unmark();
        super.setClip(shape);
    }

    /** Opens the marked-content sequence of what is painted now, ending the one before. */
    private void mark() {
        if (structure == null || marking && marked == owner) {
            return;
        }
        unmark();
        if (owner == null) {
            getCurrentPage().beginMarkedContentSequence(StructureTree.ARTIFACT);
        } else {
            structure.mark(getCurrentPage(), owner);
        }
        marking = true;
        marked = owner;
    }

    private void unmark() {
        if (marking) {
            getCurrentPage().endMarkedContentSequence();
            marking = false;
        }
    }

    /**
     * In a tagged PDF, links are annotated here rather than by Flying Saucer, so that each
     * annotation is described and is a kid of its link's element. Links have no background.
     */
    @Override
    public void paintBackground(RenderingContext c, Box box) {
        Element element = box.getElement();
        if (structure != null && element != null && element.getLocalName().equals("a") && element.hasAttribute("href")) {
            annotate(c, box, element);
        } else {
            super.paintBackground(c, box);
        }
    }

    /** Annotates a link where its box is, enlarging the annotation of the link on the same line if there is one. */
    private void annotate(RenderingContext c, Box box, Element link) {
        PdfAction action = action(c, link.getAttribute("href"));
        if (action == null) {
            return;
        }
        Rectangle area = createLocalTargetArea(c, box);
        PdfStructureElement element = structure.contentOf(link, link);
        Box line = box instanceof InlineLayoutBox inline ? inline.getLineBox() : box;
        List<Object> key = List.of(line, element == null ? link : element);
        Annotated on = annotations.get(key);
        if (on != null) {
            Rectangle union = new Rectangle(Math.min(on.area().getLeft(), area.getLeft()),
                    Math.min(on.area().getBottom(), area.getBottom()), Math.max(on.area().getRight(), area.getRight()),
                    Math.max(on.area().getTop(), area.getTop()));
            on.annotation().put(PdfName.RECT, new PdfRectangle(union.getLeft(), union.getBottom(), union.getRight(),
                    union.getTop()));
            annotations.put(key, new Annotated(on.annotation(), union));
            return;
        }
        PdfAnnotation annotation = new PdfAnnotation(getWriter(), area.getLeft(), area.getBottom(), area.getRight(),
                area.getTop(), action);
        annotation.put(PdfName.SUBTYPE, PdfName.LINK);
        annotation.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        annotation.setBorder(new PdfBorderArray(0, 0, 0));
        annotation.put(PdfName.CONTENTS, new PdfString(StructureTree.linkText(link), PdfObject.TEXT_UNICODE));
        if (element != null) {
            structure.annotate(element, annotation);
        }
        getWriter().addAnnotation(annotation);
        annotations.put(key, new Annotated(annotation, area));
    }

    /**
     * A link out of the book, or to the top of the box of an id in it: in this part, or by
     * its name in another; null for an id no part has.
     */
    private PdfAction action(RenderingContext c, String href) {
        if (!href.startsWith("#")) {
            return new PdfAction(href);
        }
        String id = href.substring(1);
        Box target = getSharedContext().getBoxById(id);
        if (target == null) {
            return crossLinked.contains(id) ? PdfAction.gotoLocalPage(id, false) : null;
        }
        PdfDestination destination = destination(c, target);
        if (destination == null) {
            return null;
        }
        PdfAction action = new PdfAction();
        action.put(PdfName.S, PdfName.GOTO);
        action.put(PdfName.D, destination);
        return action;
    }

    /** The top of {@code target}'s box on the page it is on, or null where no page holds it. */
    private PdfDestination destination(RenderingContext c, Box target) {
        int y = target instanceof InlineLayoutBox inline ? inline.getAbsY() + inline.getBaseline() : target.getAbsY();
        PageBox page = c.getRootLayer().getPage(c, y);
        if (page == null) {
            return null;
        }
        float fromTop = page.getMarginBorderPadding(c, Edge.TOP) + target.getAbsY() + target.getMargin(c).top()
                - page.getTop();
        PdfDestination destination = new PdfDestination(PdfDestination.XYZ, 0,
                (page.getHeight(c) - fromTop) / getDotsPerPoint(), 0);
        destination.addPage(getWriter().getPageReference(getStartPageNo() + page.getPageNo() + 1));
        return destination;
    }

    @Override
    public void drawString(String text, float x, float y, JustificationInfo info) {
        if (text.chars().allMatch(c -> LineMarks.isMark((char) c))) {
            // Adjustments alone draw nothing: no content for the structure either.
            return;
        }
        mark();
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
