package org.cjkbook.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cjkbook.text.LineMarks;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNameTree;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The PDF's logical structure, its tags, made from the print document as Flying Saucer
 * paints it. Each element that means something to a reader becomes the standard structure
 * element that says what it is: the body a Document; the headline or title page, the
 * contents, the notes and the colophon a Sect; a chapter a Part; headings H1 to H6 (no
 * level skipped); paragraphs and lines of verse P; quotations BlockQuote; lists and the
 * colophon's entries L, LI, Lbl and LBody; the contents' entries TOC and TOCI; tables
 * Table, TR, TH and TD (PDF/A-1 knows no THead or TBody); images Figure, with their text
 * alternative, and their captions Caption; code Code; notes Note, and the references to
 * them Reference; links Link, holding their annotations. Running heads, folios, leaders and
 * decorative images are artifacts, and so is whatever is painted outside an element of the
 * text: rules, borders, list bullets.
 *
 * <p>An element is made when its first content is painted, after its ancestors, so the
 * tree is in the order Flying Saucer paints, which for the print document is the reading
 * order; but for images, which it paints after the text of their page, and which take
 * their places as the text after them is painted. An element's kids are kept in that order
 * too: its marked content, the elements inside it, the annotations of a link. OpenPDF
 * numbers the marked content and keeps the parent tree; the kids are kept here, as OpenPDF
 * lets an element hold either content or elements, not both.
 */
final class StructureTree {

    static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName ID_TREE = new PdfName("IDTree");
    private static final PdfName TABLE_ROW = new PdfName("TR");
    /** An element with no structure element of its own: its content is its parent's. */
    private static final PdfName INSIDE = new PdfName("Inside");
    private static final PdfName[] HEADINGS = {PdfName.H1, PdfName.H2, PdfName.H3, PdfName.H4, PdfName.H5,
            PdfName.H6};
    private static final Set<String> RUNNING = Set.of("running-recto", "running-verso", "running-folio");

    private final PdfWriter writer;
    /** The part being painted, and its images, in order, and the first whose element is still to be made. */
    private Document document;
    private final List<Element> images = new ArrayList<>();
    private int nextImage;
    /** The book's Document element, which every part's body stands for. */
    private PdfStructureElement root;
    /** How many kids the Document element had when the part began, and whether the part is read before them. */
    private int kidsBefore;
    private boolean leading;
    /** The structure element of each element of the part made so far; null for an artifact. */
    private final Map<Element, PdfStructureElement> elements = new HashMap<>();
    /** Where the content of each element of the document asked for so far goes; null for an artifact. */
    private final Map<Element, PdfStructureElement> contents = new HashMap<>();
    /** The body of each list item, which holds all the item has but its label. */
    private final Map<Element, PdfStructureElement> itemBodies = new HashMap<>();
    /** The notes' elements by their ids, which PDF/UA asks for and readers find them by. */
    private final Map<String, PdfObject> notes = new TreeMap<>();
    /**
     * The level of the last heading made: a heading goes down one level at most. A part read
     * before those painted already keeps theirs aside while its own are made.
     */
    private int headingLevel;
    private int levelAfter;

    /** The structure of the book, as {@code writer}, which is tagged, writes it part by part. */
    StructureTree(PdfWriter writer) {
        this.writer = writer;
    }

    /**
     * The headings of {@code before}, a part painted later but read before the next one,
     * count for the levels of those after them.
     */
    void readAfter(Document before) {
        org.w3c.dom.NodeList all = before.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String tag = all.item(i).getLocalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                newType(HEADINGS[tag.charAt(1) - '1']);
            }
        }
    }

    /**
     * Begins the structure of {@code part}, a document painted next; a {@code leading} part is
     * read before the parts painted already.
     */
    void start(Document part, boolean leading) {
        document = part;
        this.leading = leading;
        kidsBefore = root == null ? 0 : kids(root).size();
        if (leading) {
            levelAfter = headingLevel;
            headingLevel = 0;
        }
        images.clear();
        nextImage = 0;
        org.w3c.dom.NodeList all = part.getElementsByTagNameNS("*", "img");
        for (int i = 0; i < all.getLength(); i++) {
            images.add((Element) all.item(i));
        }
    }

    /**
     * Ends the part painted: its elements are written out and forgotten, so that a book
     * keeps no more than a part's structure in memory; a leading part's go first.
     */
    void end() {
        if (root != null) {
            PdfArray kids = kids(root);
            for (int i = kidsBefore; i < kids.size(); i++) {
                if (kids.getPdfObject(i) instanceof PdfStructureElement made) {
                    kids.set(i, made.getReference());
                    write(made);
                }
            }
            for (int i = kidsBefore; leading && i < kids.size(); i++) {
                kids.add(i - kidsBefore, kids.remove(i));
            }
        }
        if (leading) {
            headingLevel = levelAfter;
        }
        elements.clear();
        contents.clear();
        itemBodies.clear();
        images.clear();
        document = null;
    }

    /** Writes a finished element, and the elements among its kids, as OpenPDF writes the tree at its end. */
    private void write(PdfStructureElement element) {
        PdfObject kids = element.get(PdfName.K);
        if (kids instanceof PdfArray array && !array.isEmpty() && !array.getPdfObject(0).isNumber()) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getPdfObject(i) instanceof PdfStructureElement kid) {
                    array.set(i, kid.getReference());
                    write(kid);
                }
            }
        }
        try {
            writer.addToBody(element, element.getReference());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the structure of the PDF cannot be written", e);
        }
    }

    private static PdfArray kids(PdfStructureElement element) {
        PdfArray kids = (PdfArray) element.get(PdfName.K);
        return kids == null ? new PdfArray() : kids;
    }

    /**
     * The structure element that {@code painted}, a text or an element inside {@code element},
     * belongs to; null for an artifact. Flying Saucer paints images after the text of their
     * page: those before {@code painted} in the document are given their places first.
     */
    PdfStructureElement contentOf(Node painted, Element element) {
        if (element == null || document == null || element.getOwnerDocument() != document) {
            return null;
        }
        while (nextImage < images.size() && (images.get(nextImage) == painted
                || (images.get(nextImage).compareDocumentPosition(painted) & Node.DOCUMENT_POSITION_FOLLOWING) != 0)) {
            contentOf(images.get(nextImage++));
        }
        return contentOf(element);
    }

    /** The structure element that content painted for {@code element} belongs to; null for an artifact. */
    private PdfStructureElement contentOf(Element element) {
        if (element == null) {
            return null;
        }
        if (contents.containsKey(element)) {
            return contents.get(element);
        }
        PdfName type = type(element);
        PdfStructureElement content;
        if (type == ARTIFACT) {
            content = null;
        } else if (type == INSIDE) {
            content = contentOf(parent(element));
        } else {
            PdfStructureElement made = element(element, type);
            content = made != null && type == PdfName.LI && element.getLocalName().equals("li")
                    ? itemBody(element, made) : made;
        }
        contents.put(element, content);
        return content;
    }

    /** The structure type {@code element} has, {@link #INSIDE} for none, or {@link #ARTIFACT}. */
    private static PdfName type(Element element) {
        String tag = element.getLocalName();
        String classes = element.getAttribute("class");
        Element parent = parent(element);
        String parentTag = parent == null ? "" : parent.getLocalName();
        return switch (tag) {
            case "body" -> PdfName.DOCUMENT;
            case "section" -> classes.startsWith("chapter") ? PdfName.PART : PdfName.SECT;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> HEADINGS[tag.charAt(1) - '1'];
            case "p" -> PdfName.P;
            case "blockquote" -> PdfName.BLOCKQUOTE;
            case "ol", "ul" -> parentTag.equals("nav") ? PdfName.TOC : PdfName.L;
            case "li" -> parent != null && parent(parent) != null && parent(parent).getLocalName().equals("nav")
                    ? PdfName.TOCI : PdfName.LI;
            case "dl" -> PdfName.L;
            case "dt" -> PdfName.LBL;
            case "dd" -> PdfName.LBODY;
            case "table" -> PdfName.TABLE;
            case "tr" -> TABLE_ROW;
            case "th" -> PdfName.TH;
            case "td" -> PdfName.TD;
            case "figure" -> PdfName.DIV;
            case "figcaption" -> PdfName.CAPTION;
            case "img" -> element.getAttribute("alt").isBlank() || "presentation".equals(element.getAttribute("role"))
                    ? ARTIFACT : PdfName.FIGURE;
            case "pre" -> PdfName.CODE;
            case "code" -> parentTag.equals("pre") ? INSIDE : PdfName.CODE;
            case "aside" -> PdfName.NOTE;
            case "sup" -> PdfName.REFERENCE;
            case "a" -> element.hasAttribute("href") ? PdfName.LINK : INSIDE;
            case "hr" -> ARTIFACT;
            case "span" -> classes.equals("item-number") ? PdfName.LBL : INSIDE;
            case "div" -> RUNNING.contains(classes.split(" ")[0]) ? ARTIFACT
                    : parentTag.equals("dl") ? PdfName.LI : PdfName.DIV;
            default -> INSIDE;
        };
    }

    /** The structure element of {@code element} itself, of {@code type}, made if it is not yet. */
    private PdfStructureElement element(Element element, PdfName type) {
        if (elements.containsKey(element)) {
            return elements.get(element);
        }
        PdfStructureElement made;
        boolean inline = type == PdfName.LINK || element.getLocalName().equals("code");
        Element first = inline ? InlineRuns.first(element) : element;
        if (first != element) {
            // The composer writes an element a line break or an adjustment cuts into several.
            made = element(first, type);
        } else if (type == PdfName.DOCUMENT) {
            if (root == null) {
                root = new PdfStructureElement(writer.getStructureTreeRoot(), type);
            }
            made = root;
        } else {
            Element parent = parent(element);
            // A list item's label is the item's own; the rest is in its body.
            PdfStructureElement container = type == PdfName.LBL && parent.getLocalName().equals("li")
                    ? element(parent, PdfName.LI) : contentOf(parent);
            made = container == null ? null : adopt(container, newType(type));
            if (made != null) {
                describe(element, made);
            }
        }
        elements.put(element, made);
        return made;
    }

    /** The type an element is given when it is made: headings at most one level below the last. */
    private PdfName newType(PdfName type) {
        for (int level = 1; level <= HEADINGS.length; level++) {
            if (HEADINGS[level - 1].equals(type)) {
                headingLevel = Math.min(level, headingLevel + 1);
                return HEADINGS[headingLevel - 1];
            }
        }
        return type;
    }

    /** What a reader needs besides the text: an image's alternative, a header cell's scope, a note's id. */
    private void describe(Element element, PdfStructureElement made) {
        PdfObject type = made.get(PdfName.S);
        if (PdfName.FIGURE.equals(type)) {
            made.put(PdfName.ALT, new PdfString(element.getAttribute("alt"), PdfObject.TEXT_UNICODE));
        } else if (PdfName.TH.equals(type)) {
            PdfDictionary attributes = new PdfDictionary();
            attributes.put(PdfName.O, PdfName.TABLE);
            attributes.put(SCOPE, COLUMN);
            made.put(PdfName.A, attributes);
        } else if (PdfName.NOTE.equals(type)) {
            String id = element.getAttribute("id");
            made.put(PdfName.ID, new PdfString(id));
            notes.put(id, made.getReference());
        }
    }

    /** The body of a list item, after its label. */
    private PdfStructureElement itemBody(Element item, PdfStructureElement itemElement) {
        return itemBodies.computeIfAbsent(item, i -> adopt(itemElement, PdfName.LBODY));
    }

    /** A new structure element of {@code type}, the last kid of {@code parent}. */
    private PdfStructureElement adopt(PdfStructureElement parent, PdfName type) {
        PdfArray kids = (PdfArray) parent.get(PdfName.K);
        if (kids != null && !kids.isEmpty() && kids.getPdfObject(0).isNumber()) {
            // OpenPDF writes the elements among an element's kids only when its first kid is not a number.
            kids.set(0, reference(((PdfNumber) kids.getPdfObject(0)).intValue(),
                    (PdfIndirectReference) parent.get(PdfName.PG)));
        }
        return new PdfStructureElement(parent, type);
    }

    /**
     * Opens, in {@code content}, a marked-content sequence of {@code element}'s, the element's
     * last kid: a number where it is on the element's own page, else a reference with the page.
     */
    void mark(PdfContentByte content, PdfStructureElement element) {
        PdfArray kids = (PdfArray) element.get(PdfName.K);
        PdfObject ownPage = element.get(PdfName.PG);
        // Without kids OpenPDF gives the element the content's number as its only kid, and the page.
        element.remove(PdfName.K);
        content.beginMarkedContentSequence(element);
        int id = ((PdfNumber) element.get(PdfName.K)).intValue();
        PdfIndirectReference page = writer.getCurrentPage();
        if (kids == null) {
            kids = new PdfArray();
        }
        boolean onOwnPage = ownPage == null || ((PdfIndirectReference) ownPage).getNumber() == page.getNumber();
        kids.add(onOwnPage ? new PdfNumber(id) : reference(id, page));
        element.put(PdfName.K, kids);
        if (ownPage != null) {
            element.put(PdfName.PG, ownPage);
        }
    }

    /** Marked content on another page than the element's own. */
    private static PdfDictionary reference(int id, PdfIndirectReference page) {
        PdfDictionary reference = new PdfDictionary(PdfName.MCR);
        reference.put(PdfName.PG, page);
        reference.put(PdfName.MCID, new PdfNumber(id));
        return reference;
    }

    /** Makes {@code annotation}, on the page being painted, a kid of {@code link}, as PDF/UA asks of a link's. */
    void annotate(PdfStructureElement link, PdfAnnotation annotation) {
        annotation.put(PdfName.STRUCTPARENT,
                new PdfNumber(writer.getStructureTreeRoot().addExistingObject(link.getReference())));
        PdfDictionary reference = new PdfDictionary(PdfName.OBJR);
        reference.put(PdfName.OBJ, annotation.getIndirectReference());
        reference.put(PdfName.PG, writer.getCurrentPage());
        PdfArray kids = (PdfArray) link.get(PdfName.K);
        if (kids == null) {
            kids = new PdfArray();
            link.put(PdfName.K, kids);
        }
        kids.add(reference);
    }

    /** The text an annotation of {@code link} gives as its description: the whole link's. */
    static String linkText(Element link) {
        StringBuilder text = new StringBuilder();
        for (Element run : InlineRuns.of(link)) {
            text.append(LineMarks.strip(run.getTextContent()).replace("\n", ""));
        }
        return text.isEmpty() ? link.getAttribute("href") : text.toString();
    }

    /**
     * What the structure needs once all is painted: the Document element, which holds the
     * parts' elements as written already, and the notes by their ids.
     */
    void finish() {
        if (root != null) {
            write(root);
            // OpenPDF looks up the kids in an array as a reader's objects, which written ones are
            // not: the tree's root holds the reference to its one kid alone, as PDF allows.
            writer.getStructureTreeRoot().put(PdfName.K, root.getReference());
        }
        if (notes.isEmpty()) {
            return;
        }
        try {
            writer.getStructureTreeRoot().put(ID_TREE,
                    writer.addToBody(PdfNameTree.writeTree(notes, writer)).getIndirectReference());
        } catch (IOException e) {
            throw new IllegalStateException("the notes' ids cannot be written", e);
        }
    }

    private static Element parent(Element element) {
        return element.getParentNode() instanceof Element parent ? parent : null;
    }

    /**
     * The runs the composer cut an inline element into: the same element again and again,
     * with nothing between them but line breaks and adjustments.
     */
    static final class InlineRuns {

        private InlineRuns() {
        }

        /** The first run of the element {@code run} belongs to. */
        static Element first(Element run) {
            Element first = run;
            for (Element before = neighbour(run, false); before != null; before = neighbour(before, false)) {
                first = before;
            }
            return first;
        }

        /** All the runs of the element that {@code run} begins, in order. */
        static List<Element> of(Element run) {
            List<Element> runs = new ArrayList<>();
            for (Element next = first(run); next != null; next = neighbour(next, true)) {
                runs.add(next);
            }
            return runs;
        }

        /** The run just before or after {@code run}, or null. */
        private static Element neighbour(Element run, boolean after) {
            Node node = run;
            // Out of the elements that end (or begin) where the run does, into the next node.
            while (node != null && (after ? node.getNextSibling() : node.getPreviousSibling()) == null) {
                node = node.getParentNode();
                if (node instanceof Element e && e.hasAttribute(PrintDocument.BLOCK_ATTRIBUTE)) {
                    return null;
                }
            }
            if (node == null) {
                return null;
            }
            Element next = element(after ? node.getNextSibling() : node.getPreviousSibling(), after);
            // Into the elements that begin (or end) there, down to a run of the same element.
            for (Element e = next; e != null; e = element(after ? e.getFirstChild() : e.getLastChild(), after)) {
                if (e.getLocalName().equals(run.getLocalName())
                        && e.getAttribute("href").equals(run.getAttribute("href"))) {
                    return e;
                }
            }
            return null;
        }

        /** The first element from {@code node} on (or back) with nothing but unseen text on the way; or null. */
        private static Element element(Node node, boolean after) {
            for (Node n = node; n != null; n = after ? n.getNextSibling() : n.getPreviousSibling()) {
                if (n instanceof Element e) {
                    return e;
                }
                if (!blank(n.getNodeValue())) {
                    return null;
                }
            }
            return null;
        }

        /** Text a reader does not see: line breaks and adjustments. */
        private static boolean blank(String text) {
            return text == null || LineMarks.strip(text).replace("\n", "").isEmpty();
        }
    }
}
