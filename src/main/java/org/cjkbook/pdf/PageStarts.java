package org.cjkbook.pdf;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

import org.cjkbook.text.LineMarks;
import org.cjkbook.xhtml.PageStart;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;

/**
 * Where each page of a laid-out print document begins in the text: the first text on the
 * page, as a numbered text block and an offset in its text. Blank pages and pages with no
 * numbered text have none.
 */
final class PageStarts {

    private final List<PageBox> pages;
    private final PdfEdition.Folios folios;
    private final List<PageStart> starts = new ArrayList<>();
    private int nextPage;
    /** The block whose text was counted last, and how far. */
    private CountedText counted;

    private PageStarts(List<PageBox> pages, PdfEdition.Folios folios) {
        this.pages = pages;
        this.folios = folios;
    }

    /**
     * The pages of the body, labelled by their {@code folios}, whose body may have begun in
     * a part before this one. The front matter's pages have no counterpart in the EPUB's
     * own title page and navigation.
     */
    static List<PageStart> of(BlockBox root, PdfEdition.Folios folios) {
        PageStarts finder = new PageStarts(root.getLayer().getPages(), folios);
        finder.nextPage = Math.max(0, folios.bodyStart());
        finder.visit(root);
        return finder.starts;
    }

    /** The index of the page where the element of {@code id} begins; 0 if there is none. */
    static int firstPage(BlockBox root, String id) {
        Box box = find(root, id);
        return box == null ? 0 : pageOf(root.getLayer().getPages(), box.getAbsY());
    }

    /**
     * The index of the page where the text of the element of {@code id} is drawn: that of
     * its first line, which a page break may have moved below the element's own top.
     */
    static int textPage(BlockBox root, String id) {
        Box box = find(root, id);
        if (box == null) {
            return 0;
        }
        Box line = firstLine(box);
        return pageOf(root.getLayer().getPages(), (line == null ? box : line).getAbsY());
    }

    private static Box firstLine(Box box) {
        if (box instanceof LineBox) {
            return box;
        }
        for (Box child : box.getChildren()) {
            Box line = firstLine(child);
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    private static Box find(Box box, String id) {
        if (box.getElement() != null && id.equals(box.getElement().getAttribute("id"))) {
            return box;
        }
        for (Box child : box.getChildren()) {
            Box found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Boxes come in reading order; each page takes the first line of text that lies on it. */
    private void visit(Box box) {
        if (nextPage >= pages.size()) {
            return;
        }
        if (box instanceof LineBox line) {
            line(line);
            return;
        }
        for (Box child : box.getChildren()) {
            visit(child);
        }
    }

    private void line(LineBox line) {
        int page = pageOf(pages, line.getAbsY());
        if (page < nextPage) {
            return;
        }
        InlineText text = firstText(line.getChildren());
        if (text == null) {
            return;
        }
        Element block = numberedBlock(text.getTextNode());
        if (block == null) {
            return;
        }
        int number = Integer.parseInt(block.getAttribute(PrintDocument.BLOCK_ATTRIBUTE));
        starts.add(new PageStart(number, offsetIn(block, text), folios.label(page)));
        nextPage = page + 1;
    }

    /** The page whose content area holds {@code y}, in document coordinates. */
    static int pageOf(List<PageBox> pages, int y) {
        for (int i = 0; i < pages.size(); i++) {
            if (y < pages.get(i).getBottom()) {
                return i;
            }
        }
        return pages.size() - 1;
    }

    /** The first text with something to read among a line's boxes, depth first. */
    private static InlineText firstText(List<?> children) {
        for (Object child : children) {
            if (child instanceof InlineText text && !LineMarks.strip(text.getSubstring()).isBlank()
                    && text.getTextNode() != null) {
                return text;
            }
            if (child instanceof InlineLayoutBox inline) {
                InlineText text = firstText(inline.getInlineChildren());
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static Element numberedBlock(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && e.hasAttribute(PrintDocument.BLOCK_ATTRIBUTE)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The offset in the block's text where this box's text begins. The line feeds between
     * a composed paragraph's lines and the marks in them are layout, not text: they do not count.
     */
    private int offsetIn(Element block, InlineText text) {
        if (counted == null || counted.block != block) {
            counted = new CountedText(block);
        }
        return counted.upTo(text.getTextNode(), text.getMasterText(), text.getStart());
    }

    /**
     * A block's text counted up to a point, going on from the last point asked: the pages
     * of a paragraph longer than many pages begin in reading order, and counting from the
     * block's start each time took time growing with the square of its length.
     */
    private static final class CountedText {
        private final Element block;
        private final boolean composed;
        private final int base;
        private Node node;
        private int before;
        private int at;
        private int withinNode;

        CountedText(Element block) {
            this.block = block;
            this.composed = PrintDocument.COMPOSED_CLASS.equals(block.getAttribute("class"));
            // The second part of a paragraph divided at a chapter's end goes on from the first.
            String offset = block.getAttribute(ChapterEnds.OFFSET_ATTRIBUTE);
            this.base = composed && !offset.isEmpty() ? Integer.parseInt(offset) : 0;
            this.node = following(block);
        }

        /** The count of the text before {@code start} in {@code master}, the laid-out text of {@code target}. */
        int upTo(Node target, String master, int start) {
            if (target != node || start < at) {
                // Behind the last point asked, which reading order never is, or a node further on.
                Node from = target == node ? block : node;
                if (from == block) {
                    before = 0;
                    node = following(block);
                }
                while (node != null && node != target) {
                    if (node.getNodeType() == Node.TEXT_NODE) {
                        before += length(node.getNodeValue(), 0, node.getNodeValue().length());
                    }
                    node = following(node);
                }
                at = 0;
                withinNode = 0;
            }
            withinNode += length(master, at, start);
            at = start;
            return base + before + withinNode;
        }

        private int length(String text, int from, int to) {
            return composed ? ChapterEnds.textLength(CharBuffer.wrap(text, from, to)) : to - from;
        }

        /** The node after {@code node} in document order, within the block; null after its last. */
        private Node following(Node node) {
            if (node.getFirstChild() != null) {
                return node.getFirstChild();
            }
            for (Node n = node; n != block; n = n.getParentNode()) {
                if (n.getNextSibling() != null) {
                    return n.getNextSibling();
                }
            }
            return null;
        }
    }
}
