package org.cjkbook.model;

import java.util.List;

/**
 * The one traversal of a book: every node in reading order, a note's blocks where the note
 * is referenced. Each method descends into the node's children, so a consumer overrides
 * only the nodes it cares about and calls {@code super} to go on below them, as Pandoc's
 * {@code query} does. Because this class implements both visitors, a new node type does
 * not compile until it is walked here, and then every consumer sees it.
 */
public abstract class Walk implements Block.Visitor, Inline.Visitor {

    public void book(Book book) {
        book.chapters().forEach(this::chapter);
    }

    public void chapter(Chapter chapter) {
        inlines(chapter.title());
        blocks(chapter.blocks());
    }

    public final void blocks(List<Block> blocks) {
        for (Block block : blocks) {
            block.accept(this);
        }
    }

    public final void inlines(List<Inline> inlines) {
        for (Inline inline : inlines) {
            inline.accept(this);
        }
    }

    // Containers: their children, in order.

    @Override public void paragraph(Block.Paragraph paragraph) { inlines(paragraph.content()); }

    @Override public void heading(Block.Heading heading) { inlines(heading.content()); }

    @Override public void quote(Block.Quote quote) { blocks(quote.blocks()); }

    @Override public void list(Block.ListBlock list) { list.items().forEach(this::blocks); }

    @Override public void verse(Block.Verse verse) { verse.lines().forEach(this::inlines); }

    @Override
    public void table(Block.Table table) {
        table.header().forEach(this::inlines);
        table.rows().forEach(row -> row.forEach(this::inlines));
    }

    @Override public void emphasis(Inline.Emphasis emphasis) { inlines(emphasis.content()); }

    @Override public void strong(Inline.Strong strong) { inlines(strong.content()); }

    @Override public void link(Inline.Link link) { inlines(link.content()); }

    /** A note's blocks, where the note is referenced. */
    @Override public void note(Inline.Note note) { blocks(note.content()); }

    // Leaves: nothing below them.

    @Override public void codeBlock(Block.CodeBlock code) { }

    @Override public void image(Block.Image image) { }

    @Override public void thematicBreak(Block.Break rule) { }

    @Override public void text(Inline.Text text) { }

    @Override public void code(Inline.Code code) { }

    @Override public void lineBreak(Inline.LineBreak lineBreak) { }

    @Override public void image(Inline.Image image) { }
}
