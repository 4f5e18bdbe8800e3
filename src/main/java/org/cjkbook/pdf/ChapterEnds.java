package org.cjkbook.pdf;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.text.LineMarks;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * A chapter does not end with one line alone on a page. Widows and orphans keep a
 * paragraph's own lines together, but not a last paragraph of one line with the
 * paragraph before it: when that line would stand alone, the page before gives up lines
 * to it. The paragraph before moves over whole when it is short; a longer one is divided
 * before its last two lines, which the composer set as lines already, so that neither
 * page is left with a single line of it.
 */
final class ChapterEnds {

    /** A page break before the element, whatever the stylesheet says. */
    static final String TURN = "page-break-before: always";

    /**
     * Where a divided paragraph's second part begins in the paragraph's text, so that a
     * page starting in it is found again in the EPUB.
     */
    static final String OFFSET_ATTRIBUTE = "data-offset";

    /** Lines of a paragraph that a page may keep, and that the next page must take. */
    private static final int KEPT = 2;

    /** A laid-out line: its page and the numbered text block it belongs to. */
    private record Line(int page, Element block) {
    }

    private final List<PageBox> pages;

    private ChapterEnds(List<PageBox> pages) {
        this.pages = pages;
    }

    /**
     * Changes the document so that the chapters of {@code root} whose last line stands
     * alone on a page take lines from the page before; true when any did. In an article
     * the sections run on, so only the last one's end is looked at.
     */
    static boolean mend(BlockBox root, boolean article) {
        ChapterEnds ends = new ChapterEnds(root.getLayer().getPages());
        List<List<Line>> chapters = new ArrayList<>();
        ends.collect(root, null, chapters);
        boolean changed = false;
        for (int i = article ? chapters.size() - 1 : 0; i >= 0 && i < chapters.size(); i++) {
            changed |= mend(chapters.get(i));
        }
        return changed;
    }

    private static boolean mend(List<Line> lines) {
        int n = lines.size();
        if (n < 3 || lines.get(n - 1).page() == lines.get(n - 2).page()) {
            return false;
        }
        Element before = lines.get(n - 2).block();
        long own = lines.stream().filter(l -> l.block() == before).count();
        if (before == lines.get(0).block() || !"p".equals(before.getLocalName())) {
            // Moving the chapter's first block would leave its title alone; other blocks stay whole.
            return false;
        }
        Element turned = own > 2 * KEPT - 1 && PrintDocument.COMPOSED_CLASS.equals(before.getAttribute("class"))
                ? lastLines(before) : before;
        if (turned == null) {
            return false;
        }
        // The second part goes on with the paragraph: no indent of a paragraph's first line.
        turned.setAttribute("style", (turned == before ? "" : "text-indent: 0; ") + TURN);
        return true;
    }

    /**
     * Divides a composed paragraph before its last {@link #KEPT} lines, and returns the
     * new element holding them. Its lines end in line feeds that stand directly in the
     * paragraph, so the division falls between elements or inside a text node.
     */
    private static Element lastLines(Element paragraph) {
        int feeds = 0;
        for (Node child = paragraph.getLastChild(); child != null; child = child.getPreviousSibling()) {
            if (child instanceof Text text) {
                String value = text.getData();
                for (int at = value.length() - 1; at >= 0; at--) {
                    if (value.charAt(at) == '\n' && ++feeds == KEPT) {
                        return divide(paragraph, text, at);
                    }
                }
            }
        }
        return null;
    }

    private static Element divide(Element paragraph, Text text, int feed) {
        Text after = text.splitText(feed);
        after.deleteData(0, 1);
        Element tail = (Element) paragraph.cloneNode(false);
        tail.removeAttribute("id");
        for (Node moved = after, next; moved != null; moved = next) {
            next = moved.getNextSibling();
            tail.appendChild(moved);
        }
        int base = paragraph.hasAttribute(OFFSET_ATTRIBUTE) ? Integer.parseInt(paragraph.getAttribute(OFFSET_ATTRIBUTE)) : 0;
        tail.setAttribute(OFFSET_ATTRIBUTE, Integer.toString(base + textLength(paragraph.getTextContent())));
        paragraph.getParentNode().insertBefore(tail, paragraph.getNextSibling());
        return tail;
    }

    /** The length of a composed paragraph's text: its line feeds and marks are layout, not text. */
    static int textLength(CharSequence composed) {
        return (int) composed.chars().filter(c -> c != '\n' && !LineMarks.isMark((char) c)).count();
    }

    /** Each chapter's lines in numbered blocks, in reading order. */
    private void collect(Box box, List<Line> chapter, List<List<Line>> chapters) {
        Element element = box.getElement();
        if (box instanceof BlockBox && element != null && "section".equals(element.getLocalName())
                && (" " + element.getAttribute("class") + " ").contains(" chapter ")) {
            chapter = new ArrayList<>();
            chapters.add(chapter);
        }
        if (box instanceof LineBox line) {
            Element block = numbered(box);
            if (chapter != null && block != null) {
                chapter.add(new Line(PageStarts.pageOf(pages, line.getAbsY()), block));
            }
            return;
        }
        for (Box child : box.getChildren()) {
            collect(child, chapter, chapters);
        }
    }

    private static Element numbered(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null && b.getElement().hasAttribute(PrintDocument.BLOCK_ATTRIBUTE)) {
                return b.getElement();
            }
        }
        return null;
    }
}
