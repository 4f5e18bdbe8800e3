package org.cjkbook.read;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.BookException;
import org.cjkbook.model.Block;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Turns one parsed Markdown document into chapters of the model. An instance serves one
 * document: it holds the file's footnote definitions and where its body starts.
 */
final class MarkdownConverter {

    /** The image title that marks an image without alternative text as decoration. */
    static final String DECORATIVE = "decorative";

    /** The title of a link into the book that cites the page it leads to in print. */
    static final String PAGE = "page";

    /**
     * The chapters, the title of the sole chapter heading when it opens the document, and
     * what the reader should be told about how it was read.
     */
    record Content(List<Chapter> chapters, String headingTitle, List<String> warnings) {
    }

    /** Quotations and lists nest this deep at most; deeper ones are set at this depth. */
    static final int MAX_DEPTH = 8;

    // Two letters at least, so that a Windows drive (C:) is not taken for a scheme.
    private static final Pattern REMOTE = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]+:|//)");

    // What lastCharacter/firstCharacter answer when a node has no text to look at.
    private static final int SKIP = -1;
    private static final int STOP = -2;

    private final Path file;
    private final Path folder;
    private final BookFolder bookFolder;
    private final Identifiers identifiers;
    private final String source;
    private final int lineOffset;
    private final Map<String, FootnoteDefinition> definitions = new HashMap<>();
    private final Map<String, List<Block>> notes = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private int chapterLevel = 1;
    /** The raw HTML element whose content the paragraph being read is inside, such as a script. */
    private String hiddenElement;
    /** Quotations and lists open around the block being converted. */
    private int depth;
    /** The line of the first quotation or list set shallower than written, or 0. */
    private int flattenedAt;

    /**
     * @param source the Markdown text the document was parsed from (the body only)
     * @param lineOffset how many lines of the file precede {@code source}
     * @param identifiers the ids of the book's headings so far, to which this document's are added
     */
    MarkdownConverter(Path file, BookFolder bookFolder, Identifiers identifiers, String source, int lineOffset) {
        this.file = file;
        this.bookFolder = bookFolder;
        this.identifiers = identifiers;
        Path parent = file.toAbsolutePath().getParent();
        this.folder = parent == null ? Path.of("").toAbsolutePath() : parent;
        this.source = source;
        this.lineOffset = lineOffset;
    }

    Content convert(Document document) {
        collectDefinitions(document);
        List<Node> top = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            top.add(node);
        }
        int level = Integer.MAX_VALUE;
        for (Node node : top) {
            if (node instanceof Heading h) {
                level = Math.min(level, h.getLevel());
            }
        }
        boolean hasChapterHeadings = level != Integer.MAX_VALUE;
        // Without chapter headings, the shallowest nested heading still maps to level 2.
        int nested = shallowestHeading(document);
        chapterLevel = hasChapterHeadings ? level : nested == 7 ? 1 : nested;

        List<Chapter> chapters = new ArrayList<>();
        HeadingAttributes title = new HeadingAttributes(List.of(), null);
        List<Block> blocks = new ArrayList<>();
        boolean titled = false;
        int chapterHeadings = 0;
        boolean opening = false;
        for (Node node : top) {
            if (hasChapterHeadings && node instanceof Heading h && h.getLevel() == chapterLevel) {
                if (titled || !blocks.isEmpty()) {
                    opening |= !titled;
                    chapters.add(new Chapter("chapter-" + (chapters.size() + 1), title.content(), blocks, title.id()));
                }
                blocks = new ArrayList<>();
                // Images cannot sit in a title, so they open the chapter instead.
                title = heading(h, blocks);
                titled = true;
                chapterHeadings++;
            } else {
                blocks.addAll(block(node));
            }
        }
        if (titled || !blocks.isEmpty()) {
            opening |= !titled;
            chapters.add(new Chapter("chapter-" + (chapters.size() + 1), title.content(), blocks, title.id()));
        }
        String headingTitle = null;
        if (chapterHeadings == 1 && !opening) {
            headingTitle = Inline.plainText(chapters.get(0).title()).replace('\n', ' ').strip();
        }
        List<String> warnings = flattenedAt == 0 ? List.of() : List.of(file + ":" + flattenedAt
                + ": quotations and lists nested deeper than " + MAX_DEPTH + " levels are set at level " + MAX_DEPTH);
        return new Content(chapters, headingTitle == null || headingTitle.isEmpty() ? null : headingTitle, warnings);
    }

    private void collectDefinitions(Node document) {
        for (Node node : blocksInOrder(document)) {
            if (node instanceof FootnoteDefinition d) {
                // commonmark keeps the first of two definitions with one label; so do we.
                definitions.putIfAbsent(normalizeLabel(d.getLabel()), d);
            }
        }
    }

    /**
     * Every block under {@code parent}, in document order, without recursion: quotations
     * and lists may nest thousands deep.
     */
    private static List<Node> blocksInOrder(Node parent) {
        List<Node> out = new ArrayList<>();
        java.util.Deque<Node> pending = new java.util.ArrayDeque<>();
        for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
            pending.push(child);
        }
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!(node instanceof org.commonmark.node.Block)) {
                continue;
            }
            out.add(node);
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return out;
    }

    // Labels match as commonmark matches them: case-insensitively, whitespace collapsed.
    private static String normalizeLabel(String label) {
        return label.strip().toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The shallowest heading level anywhere in the tree, or 7 when there is no heading. */
    private static int shallowestHeading(Node parent) {
        int found = 7;
        for (Node node : blocksInOrder(parent)) {
            if (node instanceof Heading h) {
                found = Math.min(found, h.getLevel());
            }
        }
        return found;
    }

    // ---- blocks

    private List<Block> blocks(Node parent) {
        List<Block> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            out.addAll(block(node));
        }
        return out;
    }

    private List<Block> block(Node node) {
        // A script left open in one block hides nothing in the next.
        hiddenElement = null;
        if (node instanceof Paragraph p) {
            return paragraph(p);
        } else if (node instanceof Heading h) {
            List<Block> hoisted = new ArrayList<>();
            // One below the chapter level is level 2, the first level under a chapter title.
            int level = Math.max(2, Math.min(6, 1 + h.getLevel() - chapterLevel));
            HeadingAttributes heading = heading(h, hoisted);
            List<Block> out = new ArrayList<>(List.of(new Block.Heading(level, heading.content(), heading.id())));
            // Images hoisted out of the heading follow it.
            out.addAll(hoisted);
            return out;
        } else if ((node instanceof BlockQuote || node instanceof ListBlock) && depth >= MAX_DEPTH) {
            return flattened(node);
        } else if (node instanceof BlockQuote) {
            depth++;
            try {
                return List.of(new Block.Quote(blocks(node)));
            } finally {
                depth--;
            }
        } else if (node instanceof ListBlock list) {
            depth++;
            try {
                return List.of(list(list));
            } finally {
                depth--;
            }
        } else if (node instanceof FencedCodeBlock code) {
            return List.of(new Block.CodeBlock(language(code.getInfo()), withoutFinalNewline(code.getLiteral())));
        } else if (node instanceof IndentedCodeBlock code) {
            return List.of(new Block.CodeBlock(null, withoutFinalNewline(code.getLiteral())));
        } else if (node instanceof ThematicBreak) {
            return List.of(new Block.Break());
        } else if (node instanceof TableBlock table) {
            return table(table);
        } else if (node instanceof LineBlocks.LineBlock lines) {
            return verse(lines);
        } else if (node instanceof HtmlBlock html) {
            return html(html);
        } else if (node instanceof FootnoteDefinition || node instanceof LinkReferenceDefinition) {
            return List.of(); // said where it is used
        }
        // A block from an extension this reader does not know: keep what it contains.
        return blocks(node);
    }

    /**
     * The blocks inside a quotation or list nested too deep, set in the quotation or list
     * around it: all their text, one block after another, without further nesting.
     */
    private List<Block> flattened(Node container) {
        if (flattenedAt == 0) {
            flattenedAt = lineOf(container);
        }
        List<Block> out = new ArrayList<>();
        for (Node node : blocksInOrder(container)) {
            if (!isQuoteOrList(node) && isInside(node, container)) {
                out.addAll(block(node));
            }
        }
        return out;
    }

    /** True when every container between {@code node} and {@code container} is a quotation or list. */
    private static boolean isInside(Node node, Node container) {
        for (Node at = node.getParent(); at != container; at = at.getParent()) {
            if (!isQuoteOrList(at)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuoteOrList(Node node) {
        return node instanceof BlockQuote || node instanceof ListBlock || node instanceof org.commonmark.node.ListItem;
    }

    private Block list(ListBlock list) {
        boolean ordered = list instanceof OrderedList;
        int start = 1;
        if (list instanceof OrderedList o) {
            start = Objects.requireNonNullElse(o.getMarkerStartNumber(), 1);
        }
        List<List<Block>> items = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items.add(blocks(item));
        }
        return new Block.ListBlock(ordered, start, items);
    }

    private static String language(String info) {
        if (info == null || info.isBlank()) {
            return null;
        }
        String word = info.strip().split("\\s+", 2)[0];
        // mdBook and rustdoc write attributes after a comma: rust,ignore
        int comma = word.indexOf(',');
        String language = comma >= 0 ? word.substring(0, comma) : word;
        return language.isEmpty() ? null : language;
    }

    private static String withoutFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * A paragraph. Its images stay in its lines; a paragraph of images and no text gives
     * them as blocks instead, and an image alone in its paragraph is a figure captioned by
     * its text alternative, as Pandoc's {@code implicit_figures} makes it.
     */
    private List<Block> paragraph(Paragraph paragraph) {
        String figureId = figureId(paragraph);
        List<Inline> content = new ArrayList<>();
        hiddenElement = null;
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (figureId == null || node instanceof Image) {
                inline(node, content, null);
            }
        }
        hiddenElement = null;
        content = trimmed(merged(content));
        if (!isBlank(content)) {
            return List.of(new Block.Paragraph(content));
        }
        boolean figure = figureId != null
                || paragraph.getFirstChild() instanceof Image && paragraph.getFirstChild().getNext() == null;
        String id = figureId == null ? null : identifiers.given(figureId, "figure", file, lineOf(paragraph));
        List<Block> images = new ArrayList<>();
        new Walk() {
            @Override
            public void image(Inline.Image image) {
                String caption = figure && !image.decorative() ? image.alt() : null;
                images.add(new Block.Image(image.file(), image.alt(), caption, image.decorative(), id));
            }
        }.inlines(content);
        return images;
    }

    /** Pandoc's attributes after an image: {@code {#fig:id}}, other attributes after the id read past. */
    private static final Pattern IMAGE_ATTRIBUTES = Pattern.compile("\\{#([^\\s{}]+)(?:\\s[^{}]*)?}");

    /**
     * The id of a figure written as an image alone in its paragraph followed by Pandoc's
     * attributes, {@code ![图注](a.png){#fig:a}}, which a link can lead to; null otherwise.
     */
    private static String figureId(Paragraph paragraph) {
        Node image = paragraph.getFirstChild();
        if (!(image instanceof Image) || !(image.getNext() instanceof Text attributes)
                || attributes.getNext() != null) {
            return null;
        }
        Matcher id = IMAGE_ATTRIBUTES.matcher(attributes.getLiteral().strip());
        return id.matches() ? id.group(1) : null;
    }

    /**
     * A line block as verse: each line's leading spaces become no-break spaces, which no
     * reading system collapses; an empty line separates stanzas. Images in a line follow
     * the poem. A block of empty lines holds no text, and gives nothing.
     */
    private List<Block> verse(LineBlocks.LineBlock block) {
        List<Block> out = new ArrayList<>();
        List<Block> hoisted = new ArrayList<>();
        List<List<Inline>> lines = new ArrayList<>();
        for (Node node = block.getFirstChild(); node != null; node = node.getNext()) {
            LineBlocks.Line line = (LineBlocks.Line) node;
            List<Inline> content = new ArrayList<>(trimmed(inlines(line, hoisted)));
            if (!content.isEmpty() && line.indent() > 0) {
                content.add(0, new Inline.Text("\u00A0".repeat(line.indent())));
            }
            lines.add(merged(content));
        }
        if (lines.stream().anyMatch(line -> !line.isEmpty())) {
            out.add(new Block.Verse(lines));
        }
        out.addAll(hoisted);
        return out;
    }

    private List<Block> table(TableBlock table) {
        List<Block> after = new ArrayList<>();
        List<Block.Alignment> alignments = new ArrayList<>();
        List<List<Inline>> header = new ArrayList<>();
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                checkNoCellLost((TableRow) row);
                List<List<Inline>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(trimmed(inlines(cell, after)));
                    if (section instanceof TableHead && cell instanceof TableCell c) {
                        alignments.add(alignment(c.getAlignment()));
                    }
                }
                if (section instanceof TableHead) {
                    header = cells;
                } else if (section instanceof TableBody) {
                    rows.add(cells);
                }
            }
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Table(alignments, header, rows));
        out.addAll(after);
        return out;
    }

    private static Block.Alignment alignment(TableCell.Alignment alignment) {
        if (alignment == null) {
            return Block.Alignment.NONE;
        }
        switch (alignment) {
            case LEFT:
                return Block.Alignment.LEFT;
            case CENTER:
                return Block.Alignment.CENTER;
            case RIGHT:
                return Block.Alignment.RIGHT;
            default:
                return Block.Alignment.NONE;
        }
    }

    /**
     * GFM drops the cells of a row beyond the header's count; a book must not lose text
     * without a word, so that is an error here.
     */
    private void checkNoCellLost(TableRow row) {
        List<SourceSpan> spans = row.getSourceSpans();
        if (spans.size() != 1) {
            return;
        }
        SourceSpan rowSpan = spans.get(0);
        int end = rowSpan.getInputIndex() + rowSpan.getLength();
        int cellsEnd = rowSpan.getInputIndex();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            for (SourceSpan span : cell.getSourceSpans()) {
                cellsEnd = Math.max(cellsEnd, span.getInputIndex() + span.getLength());
            }
        }
        if (end > source.length() || cellsEnd >= end) {
            return;
        }
        String rest = source.substring(cellsEnd, end).replace("|", "").strip();
        if (!rest.isEmpty()) {
            throw BookException.at(file, lineOf(row),
                    "table row has more cells than the header row; '" + rest + "' would be lost");
        }
    }

    private List<Block> html(HtmlBlock html) {
        int line = lineOf(html);
        List<Block> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (HtmlMarkup.Part part : HtmlMarkup.parts(html.getLiteral())) {
            if (part instanceof HtmlMarkup.Run run) {
                text.append(run.text());
            } else if (part instanceof HtmlMarkup.Img img) {
                addHtmlText(text, out);
                out.add(htmlImage(img, line + img.line()));
            } else {
                addHtmlText(text, out);
            }
        }
        addHtmlText(text, out);
        return out;
    }

    private static void addHtmlText(StringBuilder text, List<Block> out) {
        String words = HtmlMarkup.collapse(text.toString()).strip();
        if (!words.isEmpty()) {
            out.add(new Block.Paragraph(List.of(new Inline.Text(words))));
        }
        text.setLength(0);
    }

    /**
     * A heading's content without its attributes, and its id: the one they give, or one
     * made from its text. Images in it are added to {@code hoisted}.
     */
    private HeadingAttributes heading(Heading heading, List<Block> hoisted) {
        HeadingAttributes written = HeadingAttributes.of(inlines(heading, hoisted));
        String id = written.id() != null ? identifiers.given(written.id(), "heading", file, lineOf(heading))
                : identifiers.made(written.content());
        return new HeadingAttributes(written.content(), id);
    }

    // ---- inlines

    /**
     * The inline content of a node. Images met inside it stay in the line when
     * {@code hoisted} is null (in a paragraph); elsewhere (a heading, a cell) they are
     * added to {@code hoisted}, for the caller to place after the block.
     */
    private List<Inline> inlines(Node parent, List<Block> hoisted) {
        List<Inline> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out, hoisted);
        }
        return merged(out);
    }

    private void inline(Node node, List<Inline> out, List<Block> hoisted) {
        if (hiddenElement != null && !(node instanceof HtmlInline)) {
            return;
        }
        if (node instanceof Text t) {
            out.add(new Inline.Text(t.getLiteral()));
        } else if (node instanceof Emphasis) {
            out.add(new Inline.Emphasis(inlines(node, hoisted)));
        } else if (node instanceof StrongEmphasis) {
            out.add(new Inline.Strong(inlines(node, hoisted)));
        } else if (node instanceof Link link) {
            String destination = link.getDestination();
            if (destination.length() > 1 && destination.startsWith("#")) {
                identifiers.link(destination.substring(1), file, lineOf(link));
                boolean citesPage = link.getTitle() != null && link.getTitle().strip().equalsIgnoreCase(PAGE);
                out.add(new Inline.Link(destination, inlines(node, hoisted), citesPage));
            } else if (isSafeLink(destination)) {
                out.add(new Inline.Link(destination, inlines(node, hoisted)));
            } else {
                out.addAll(inlines(node, hoisted));
            }
        } else if (node instanceof Code code) {
            out.add(new Inline.Code(code.getLiteral()));
        } else if (node instanceof HardLineBreak) {
            out.add(new Inline.LineBreak());
        } else if (node instanceof SoftLineBreak) {
            int before = characterBefore(node);
            int after = characterAfter(node);
            String space = EastAsianLineBreaks.whitespace("\n", before, after);
            if (!space.isEmpty()) {
                out.add(new Inline.Text(space));
            }
        } else if (node instanceof FootnoteReference reference) {
            out.add(note(reference));
        } else if (node instanceof Image image) {
            Inline.Image inline = image(image);
            if (hoisted == null) {
                out.add(inline);
            } else {
                hoisted.add(new Block.Image(inline.file(), inline.alt(), null, inline.decorative()));
            }
        } else if (node instanceof HtmlInline html) {
            inlineHtml(html, out, hoisted);
        } else {
            // An inline from an extension this reader does not know: keep its text.
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                inline(child, out, hoisted);
            }
        }
    }

    /**
     * Inline HTML: tags are dropped, except that {@code <br>} is a line break and images
     * stay images, in the line or in {@code images} as {@link #inline} places them.
     */
    private void inlineHtml(HtmlInline html, List<Inline> out, List<Block> images) {
        List<HtmlMarkup.Part> parts = HtmlMarkup.parts(html.getLiteral(), hiddenElement);
        hiddenElement = !parts.isEmpty() && parts.get(parts.size() - 1) instanceof HtmlMarkup.Hidden h ? h.tag() : null;
        for (HtmlMarkup.Part part : parts) {
            if (part instanceof HtmlMarkup.Img img && images == null) {
                Block.Image image = htmlImage(img, lineOf(html) + img.line());
                out.add(new Inline.Image(image.file(), image.alt(), image.decorative()));
            } else if (part instanceof HtmlMarkup.Img img) {
                images.add(htmlImage(img, lineOf(html) + img.line()));
            } else if (part instanceof HtmlMarkup.Gap gap && gap.tag().equals("br")) {
                out.add(new Inline.LineBreak());
            } else if (part instanceof HtmlMarkup.Run run) {
                out.add(new Inline.Text(run.text()));
            }
        }
    }

    /**
     * Web and mail addresses and places in the book stay links; any other scheme, such as
     * {@code javascript:} or {@code data:}, would run or open something in the reader.
     */
    static boolean isSafeLink(String destination) {
        // Browsers ignore control characters and spaces in a scheme: java&#9;script: runs.
        String target = destination.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        return target.startsWith("#") || target.startsWith("http://") || target.startsWith("https://")
                || target.startsWith("mailto:") || !REMOTE.matcher(target).find() && !target.startsWith("/");
    }

    private Inline note(FootnoteReference reference) {
        String label = normalizeLabel(reference.getLabel());
        FootnoteDefinition definition = definitions.get(label);
        if (definition == null || expanding.contains(label)) {
            // A note that refers to itself would never end; leave the reference as written.
            return new Inline.Text("[^" + reference.getLabel() + "]");
        }
        List<Block> content = notes.get(label);
        if (content == null) {
            expanding.add(label);
            String hidden = hiddenElement;
            try {
                content = blocks(definition);
            } finally {
                expanding.remove(label);
                hiddenElement = hidden;
            }
            notes.put(label, content);
        }
        return new Inline.Note(content);
    }

    // ---- soft line breaks: the characters on either side

    private static int characterBefore(Node node) {
        return neighbour(node, true);
    }

    private static int characterAfter(Node node) {
        return neighbour(node, false);
    }

    /** The nearest character before or after a node, within its paragraph; -1 for none. */
    private static int neighbour(Node node, boolean before) {
        for (Node at = node; ; ) {
            Node next = step(at, before);
            if (next == null) {
                Node parent = at.getParent();
                if (parent == null || parent instanceof org.commonmark.node.Block) {
                    return -1;
                }
                at = parent;
                continue;
            }
            int c = edgeCharacter(next, before);
            if (c == STOP) {
                return -1;
            } else if (c != SKIP) {
                return c;
            }
            at = next;
        }
    }

    private static Node step(Node node, boolean before) {
        return before ? node.getPrevious() : node.getNext();
    }

    /**
     * The character a node shows on the side that faces the line break: its last when it
     * comes {@code before} the break, else its first; SKIP for none, STOP at a separator.
     */
    private static int edgeCharacter(Node node, boolean before) {
        String text = literal(node);
        if (text != null) {
            return text.isEmpty() ? SKIP : before ? text.codePointBefore(text.length()) : text.codePointAt(0);
        }
        if (isStop(node)) {
            return STOP;
        }
        for (Node child = before ? node.getLastChild() : node.getFirstChild(); child != null;
                child = step(child, before)) {
            int c = edgeCharacter(child, before);
            if (c != SKIP) {
                return c;
            }
        }
        return SKIP;
    }

    private static String literal(Node node) {
        if (node instanceof Text t) {
            return t.getLiteral();
        } else if (node instanceof Code c) {
            return c.getLiteral();
        }
        return null;
    }

    // Line breaks and images separate text; a footnote mark or an HTML tag does not.
    private static boolean isStop(Node node) {
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak || node instanceof Image) {
            return true;
        }
        if (node instanceof HtmlInline html) {
            for (HtmlMarkup.Part part : HtmlMarkup.parts(html.getLiteral())) {
                if (part instanceof HtmlMarkup.Img || part instanceof HtmlMarkup.Gap) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- images

    /**
     * A Markdown image. One without alternative text is an error, unless its title says it
     * is only decoration: {@code ![](rule.png "decorative")}.
     */
    private Inline.Image image(Image image) {
        String alt = Inline.plainText(inlines(image, new ArrayList<>())).replace('\n', ' ').strip();
        String title = image.getTitle();
        boolean decorative = alt.isEmpty() && title != null && title.strip().equalsIgnoreCase(DECORATIVE);
        if (alt.isEmpty() && !decorative) {
            throw BookException.at(file, lineOf(image), "image " + image.getDestination()
                    + " has no text alternative: describe it in ![…], or mark it decorative with ![]("
                    + image.getDestination() + " \"" + DECORATIVE + "\")");
        }
        return new Inline.Image(imageFile(image.getDestination(), lineOf(image)), alt, decorative);
    }

    /** An HTML image: {@code alt=""} marks decoration, as in HTML; no alt at all is an error. */
    private Block.Image htmlImage(HtmlMarkup.Img img, int line) {
        if (img.alt() == null) {
            throw BookException.at(file, line, "image " + img.src()
                    + " has no alt attribute: describe it, or give alt=\"\" if it is only decoration");
        }
        String caption = img.title() == null || img.title().isBlank() ? null : img.title();
        return new Block.Image(imageFile(img.src(), line), img.alt(), caption, img.alt().isEmpty());
    }

    /** Where an image really is: a local file inside the book's folder that draws as its name says. */
    private String imageFile(String destination, int line) {
        String target = destination.strip();
        if (REMOTE.matcher(target).find() && !target.startsWith("file:")) {
            throw BookException.at(file, line, "image " + target
                    + " not found: a book holds local files only; save the image next to " + file.getFileName());
        }
        Path path = resolve(target);
        if (path == null || !Files.exists(path)) {
            throw BookException.at(file, line, "image " + target + " not found"
                    + (path == null ? "" : " (looked for " + path + ")"));
        }
        BookFolder.Result found = bookFolder.resolve(path);
        if (found.file() == null) {
            throw BookException.at(file, line, "image " + target + " " + found.problem());
        }
        String problem = ImageFiles.problem(found.file());
        if (problem != null) {
            throw BookException.at(file, line, "image " + target + " " + problem);
        }
        return found.file().toString();
    }

    private Path resolve(String target) {
        try {
            if (target.startsWith("file:")) {
                return Path.of(URI.create(target)).normalize();
            }
            if (target.isEmpty()) {
                return null;
            }
            Path path = folder.resolve(target).normalize();
            if (!Files.exists(path) && target.contains("%")) {
                // Markdown editors write a space in a file name as %20.
                String decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
                Path decodedPath = folder.resolve(decoded).normalize();
                if (Files.exists(decodedPath)) {
                    return decodedPath;
                }
            }
            return path;
        } catch (IllegalArgumentException e) { // not a path this system can name
            return null;
        }
    }

    /** The line of the file where a node starts, counting from 1. */
    private int lineOf(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1 + lineOffset;
            }
        }
        return lineOffset + 1;
    }

    // ---- inline lists

    /** Joins neighbouring text, which the parser hands over in pieces. */
    private static List<Inline> merged(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                if (t.text().isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text last) {
                    out.set(out.size() - 1, new Inline.Text(last.text() + t.text()));
                    continue;
                }
            }
            out.add(inline);
        }
        return out;
    }

    /** Without the spaces and line breaks at either end, where cutting a paragraph leaves them. */
    private static List<Inline> trimmed(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>(inlines);
        while (!out.isEmpty() && out.get(0) instanceof Inline.LineBreak) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.LineBreak) {
            out.remove(out.size() - 1);
        }
        if (!out.isEmpty() && out.get(0) instanceof Inline.Text first) {
            String text = withoutSpaces(first.text(), true);
            if (text.isEmpty()) {
                out.remove(0);
            } else {
                out.set(0, new Inline.Text(text));
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text last) {
            String text = withoutSpaces(last.text(), false);
            if (text.isEmpty()) {
                out.remove(out.size() - 1);
            } else {
                out.set(out.size() - 1, new Inline.Text(text));
            }
        }
        return out;
    }

    // Only what Markdown counts as space: an ideographic space (U+3000) the author typed stays.
    private static String withoutSpaces(String text, boolean leading) {
        int start = 0;
        int end = text.length();
        if (leading) {
            while (start < end && isSpace(text.charAt(start))) {
                start++;
            }
        } else {
            while (end > start && isSpace(text.charAt(end - 1))) {
                end--;
            }
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isBlank(List<Inline> inlines) {
        return Inline.plainText(inlines).isBlank() && !hasNote(inlines);
    }

    private static boolean hasNote(List<Inline> inlines) {
        boolean[] found = {false};
        new Walk() {
            @Override
            public void note(Inline.Note note) {
                found[0] = true;
            }
        }.inlines(inlines);
        return found[0];
    }
}
