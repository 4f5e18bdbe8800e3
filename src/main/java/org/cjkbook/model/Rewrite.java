package org.cjkbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way to change a book: every node rebuilt from its rewritten children, in the
 * order {@link Walk} visits them, as Pandoc's {@code walk} rebuilds what its
 * {@code query} only reads. A rewrite overrides the nodes it changes; the rest come back
 * as they were. Its dispatch implements both visitors, so a new kind of node does not
 * compile until it is rebuilt here.
 */
public abstract class Rewrite {

    public Book book(Book book) {
        return new Book(book.metadata(), book.chapters().stream().map(this::chapter).toList(), book.layout());
    }

    public Chapter chapter(Chapter chapter) {
        return new Chapter(chapter.id(), textBlock(chapter.title()), blocks(chapter.blocks()), chapter.titleId());
    }

    public final List<Block> blocks(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            Dispatch dispatch = new Dispatch();
            block.accept(dispatch);
            out.add(dispatch.block);
        }
        return out;
    }

    public final List<Inline> inlines(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>(inlines.size());
        for (Inline inline : inlines) {
            Dispatch dispatch = new Dispatch();
            inline.accept(dispatch);
            out.add(dispatch.inline);
        }
        return out;
    }

    /**
     * The inlines of one text block: a paragraph, a heading, a table cell or a chapter
     * title. A rewrite that reads a block's text as a whole (quotes pair within a
     * paragraph) overrides this rather than {@link #text}.
     */
    protected List<Inline> textBlock(List<Inline> content) {
        return inlines(content);
    }

    // Blocks.

    protected Block paragraph(Block.Paragraph paragraph) {
        return new Block.Paragraph(textBlock(paragraph.content()));
    }

    protected Block heading(Block.Heading heading) {
        return new Block.Heading(heading.level(), textBlock(heading.content()), heading.id());
    }

    protected Block quote(Block.Quote quote) {
        return new Block.Quote(blocks(quote.blocks()));
    }

    protected Block list(Block.ListBlock list) {
        return new Block.ListBlock(list.ordered(), list.start(), list.items().stream().map(this::blocks).toList());
    }

    protected Block table(Block.Table table) {
        return new Block.Table(table.alignments(), table.header().stream().map(this::textBlock).toList(),
                table.rows().stream().map(row -> row.stream().map(this::textBlock).toList()).toList());
    }

    /** Each line of a poem, a text block of its own. */
    protected Block verse(Block.Verse verse) {
        return new Block.Verse(verse.lines().stream().map(this::textBlock).toList());
    }

    protected Block codeBlock(Block.CodeBlock code) { return code; }

    protected Block image(Block.Image image) { return image; }

    protected Block thematicBreak(Block.Break rule) { return rule; }

    // Inlines.

    protected Inline emphasis(Inline.Emphasis emphasis) { return new Inline.Emphasis(inlines(emphasis.content())); }

    protected Inline strong(Inline.Strong strong) { return new Inline.Strong(inlines(strong.content())); }

    protected Inline link(Inline.Link link) {
        return new Inline.Link(link.href(), inlines(link.content()), link.citesPage());
    }

    /** A note's blocks, where the note is referenced. */
    protected Inline note(Inline.Note note) { return new Inline.Note(blocks(note.content())); }

    protected Inline text(Inline.Text text) { return text; }

    protected Inline code(Inline.Code code) { return code; }

    protected Inline lineBreak(Inline.LineBreak lineBreak) { return lineBreak; }

    protected Inline image(Inline.Image image) { return image; }

    /** Calls the rewrite's method for a node's kind and keeps what it gives back. */
    private final class Dispatch implements Block.Visitor, Inline.Visitor {
        private Block block;
        private Inline inline;

        @Override public void paragraph(Block.Paragraph paragraph) { block = Rewrite.this.paragraph(paragraph); }

        @Override public void heading(Block.Heading heading) { block = Rewrite.this.heading(heading); }

        @Override public void quote(Block.Quote quote) { block = Rewrite.this.quote(quote); }

        @Override public void list(Block.ListBlock list) { block = Rewrite.this.list(list); }

        @Override public void verse(Block.Verse verse) { block = Rewrite.this.verse(verse); }

        @Override public void codeBlock(Block.CodeBlock code) { block = Rewrite.this.codeBlock(code); }

        @Override public void image(Block.Image image) { block = Rewrite.this.image(image); }

        @Override public void table(Block.Table table) { block = Rewrite.this.table(table); }

        @Override public void thematicBreak(Block.Break rule) { block = Rewrite.this.thematicBreak(rule); }

        @Override public void text(Inline.Text text) { inline = Rewrite.this.text(text); }

        @Override public void emphasis(Inline.Emphasis emphasis) { inline = Rewrite.this.emphasis(emphasis); }

        @Override public void strong(Inline.Strong strong) { inline = Rewrite.this.strong(strong); }

        @Override public void link(Inline.Link link) { inline = Rewrite.this.link(link); }

        @Override public void code(Inline.Code code) { inline = Rewrite.this.code(code); }

        @Override public void note(Inline.Note note) { inline = Rewrite.this.note(note); }

        @Override public void lineBreak(Inline.LineBreak lineBreak) { inline = Rewrite.this.lineBreak(lineBreak); }

        @Override public void image(Inline.Image image) { inline = Rewrite.this.image(image); }
    }
}
