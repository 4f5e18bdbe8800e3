package org.cjkbook.model;

import java.util.ArrayList;
import java.util.List;

/** The kinds of node a book holds, in the order the one walk meets them. */
public final class NodeKinds extends Walk {

    private final List<Class<?>> kinds = new ArrayList<>();

    private NodeKinds() {
    }

    public static List<Class<?>> of(Book book) {
        NodeKinds walk = new NodeKinds();
        walk.book(book);
        return walk.kinds;
    }

    /** Every node kind the model has: what a consumer of the whole model must handle. */
    public static List<Class<?>> all() {
        List<Class<?>> all = new ArrayList<>(List.of(Block.class.getPermittedSubclasses()));
        all.addAll(List.of(Inline.class.getPermittedSubclasses()));
        return all;
    }

    @Override
    public void paragraph(Block.Paragraph paragraph) {
        kinds.add(Block.Paragraph.class);
        super.paragraph(paragraph);
    }

    @Override
    public void heading(Block.Heading heading) {
        kinds.add(Block.Heading.class);
        super.heading(heading);
    }

    @Override
    public void quote(Block.Quote quote) {
        kinds.add(Block.Quote.class);
        super.quote(quote);
    }

    @Override
    public void list(Block.ListBlock list) {
        kinds.add(Block.ListBlock.class);
        super.list(list);
    }

    @Override
    public void codeBlock(Block.CodeBlock code) {
        kinds.add(Block.CodeBlock.class);
    }

    @Override
    public void image(Block.Image image) {
        kinds.add(Block.Image.class);
    }

    @Override
    public void table(Block.Table table) {
        kinds.add(Block.Table.class);
        super.table(table);
    }

    @Override
    public void thematicBreak(Block.Break rule) {
        kinds.add(Block.Break.class);
    }

    @Override
    public void verse(Block.Verse verse) {
        kinds.add(Block.Verse.class);
        super.verse(verse);
    }

    @Override
    public void text(Inline.Text text) {
        kinds.add(Inline.Text.class);
    }

    @Override
    public void emphasis(Inline.Emphasis emphasis) {
        kinds.add(Inline.Emphasis.class);
        super.emphasis(emphasis);
    }

    @Override
    public void strong(Inline.Strong strong) {
        kinds.add(Inline.Strong.class);
        super.strong(strong);
    }

    @Override
    public void link(Inline.Link link) {
        kinds.add(Inline.Link.class);
        super.link(link);
    }

    @Override
    public void code(Inline.Code code) {
        kinds.add(Inline.Code.class);
    }

    @Override
    public void note(Inline.Note note) {
        kinds.add(Inline.Note.class);
        super.note(note);
    }

    @Override
    public void lineBreak(Inline.LineBreak lineBreak) {
        kinds.add(Inline.LineBreak.class);
    }

    @Override
    public void image(Inline.Image image) {
        kinds.add(Inline.Image.class);
    }
}
