package org.cjkbook.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The same book with its words rewritten: every text a reader reads as language (text
 * inlines, image descriptions and captions, and the metadata's titles, names, subjects
 * and notes) passes through a function, while code, link targets, files, identifiers and
 * dates stay as they are. Like {@link Walk}, it implements both visitors, so a new kind of
 * node does not compile until it is rewritten here too.
 */
public final class TextRewrite implements Block.Visitor, Inline.Visitor {

    private final UnaryOperator<String> words;
    /** The node the last visit made. */
    private Block block;
    private Inline inline;

    private TextRewrite(UnaryOperator<String> words) {
        this.words = words;
    }

    /** {@code book} with {@code words} applied to each of its texts; the layout and chapter ids are kept. */
    public static Book of(Book book, UnaryOperator<String> words) {
        TextRewrite rewrite = new TextRewrite(words);
        List<Chapter> chapters = new ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            chapters.add(new Chapter(chapter.id(), rewrite.inlines(chapter.title()), rewrite.blocks(chapter.blocks())));
        }
        return new Book(rewrite.metadata(book.metadata()), chapters, book.layout());
    }

    private Metadata metadata(Metadata m) {
        return m.toBuilder().title(words.apply(m.title())).kicker(text(m.kicker())).subtitle(text(m.subtitle()))
                .column(text(m.column())).publisher(text(m.publisher())).rights(text(m.rights()))
                .description(text(m.description())).source(text(m.source()))
                .subjects(m.subjects().stream().map(words).toList())
                .creators(people(m.creators())).contributors(people(m.contributors())).build();
    }

    private List<Contributor> people(List<Contributor> people) {
        return people.stream().map(p -> new Contributor(words.apply(p.name()), p.role())).toList();
    }

    /** An optional text, rewritten where there is one. */
    private String text(String text) {
        return text == null ? null : words.apply(text);
    }

    private List<Block> blocks(List<Block> blocks) {
        List<Block> result = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            b.accept(this);
            result.add(block);
        }
        return result;
    }

    private List<Inline> inlines(List<Inline> inlines) {
        List<Inline> result = new ArrayList<>(inlines.size());
        for (Inline i : inlines) {
            i.accept(this);
            result.add(inline);
        }
        return result;
    }

    private List<List<Inline>> lines(List<List<Inline>> lines) {
        return lines.stream().map(this::inlines).toList();
    }

    @Override public void paragraph(Block.Paragraph p) { block = new Block.Paragraph(inlines(p.content())); }

    @Override public void heading(Block.Heading h) { block = new Block.Heading(h.level(), inlines(h.content())); }

    @Override public void quote(Block.Quote q) { block = new Block.Quote(blocks(q.blocks())); }

    @Override
    public void list(Block.ListBlock l) {
        block = new Block.ListBlock(l.ordered(), l.start(), l.items().stream().map(this::blocks).toList());
    }

    @Override public void codeBlock(Block.CodeBlock code) { block = code; }

    @Override
    public void image(Block.Image i) {
        block = new Block.Image(i.file(), words.apply(i.alt()), text(i.caption()), i.decorative());
    }

    @Override
    public void table(Block.Table t) {
        block = new Block.Table(t.alignments(), lines(t.header()), t.rows().stream().map(this::lines).toList());
    }

    @Override public void thematicBreak(Block.Break rule) { block = rule; }

    @Override public void verse(Block.Verse v) { block = new Block.Verse(lines(v.lines())); }

    @Override public void text(Inline.Text t) { inline = new Inline.Text(words.apply(t.text())); }

    @Override public void emphasis(Inline.Emphasis e) { inline = new Inline.Emphasis(inlines(e.content())); }

    @Override public void strong(Inline.Strong s) { inline = new Inline.Strong(inlines(s.content())); }

    @Override public void link(Inline.Link l) { inline = new Inline.Link(l.href(), inlines(l.content())); }

    @Override public void code(Inline.Code code) { inline = code; }

    @Override public void note(Inline.Note n) { inline = new Inline.Note(blocks(n.content())); }

    @Override public void lineBreak(Inline.LineBreak lineBreak) { inline = lineBreak; }
}
