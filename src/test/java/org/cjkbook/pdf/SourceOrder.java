package org.cjkbook.pdf;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;

/**
 * A chapter's text as its reader meets it in print: the title, the blocks in order (note
 * references as their numbers), then the notes, each after its number. Also its lines'
 * natural ends, to tell a paragraph's last line from a short one.
 */
final class SourceOrder extends Walk {

    /**
     * A paragraph's text up to a forced break or its end, a heading, or a line of verse;
     * {@code quoted} inside a quotation.
     */
    record Part(String text, boolean quoted) {
    }

    private final List<Inline.Note> notes = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** The inline text of the block being read. */
    private final StringBuilder inline = new StringBuilder();
    private int quotes;

    private SourceOrder() {
    }

    static String of(Chapter chapter) {
        return read(chapter).text.toString();
    }

    /** The parts of every chapter: where the lines of paragraphs and headings end. */
    static List<Part> parts(List<Chapter> chapters) {
        List<Part> parts = new ArrayList<>();
        chapters.forEach(c -> parts.addAll(read(c).parts));
        return parts;
    }

    private static SourceOrder read(Chapter chapter) {
        SourceOrder order = new SourceOrder();
        order.inlines(chapter.title());
        order.text.append(order.take());
        order.blocks(chapter.blocks());
        for (int i = 0; i < order.notes.size(); i++) {
            order.text.append(i + 1);
            order.blocks(order.notes.get(i).content());
        }
        return order;
    }

    private String take() {
        String taken = inline.toString();
        inline.setLength(0);
        return taken;
    }

    @Override
    public void paragraph(Block.Paragraph paragraph) {
        super.paragraph(paragraph);
        part(take());
    }

    @Override
    public void heading(Block.Heading heading) {
        super.heading(heading);
        part(take());
    }

    /** Each line of a poem ends where its source line does. */
    @Override
    public void verse(Block.Verse verse) {
        for (List<Inline> line : verse.lines()) {
            inlines(line);
            part(take());
        }
    }

    @Override
    public void quote(Block.Quote quote) {
        quotes++;
        super.quote(quote);
        quotes--;
    }

    @Override
    public void list(Block.ListBlock list) {
        for (int i = 0; i < list.items().size(); i++) {
            if (list.ordered()) {
                text.append(list.start() + i).append('.');
            }
            blocks(list.items().get(i));
        }
    }

    @Override
    public void codeBlock(Block.CodeBlock code) {
        text.append(code.text());
    }

    @Override
    public void image(Block.Image image) {
        if (image.caption() != null) {
            text.append(image.caption());
        }
    }

    @Override
    public void table(Block.Table table) {
        super.table(table);
        text.append(take());
    }

    @Override
    public void text(Inline.Text text) {
        inline.append(text.text());
    }

    @Override
    public void code(Inline.Code code) {
        inline.append(code.text());
    }

    @Override
    public void lineBreak(Inline.LineBreak lineBreak) {
        inline.append('\n');
    }

    /** A note is read after the chapter, its number where it is referenced. */
    @Override
    public void note(Inline.Note note) {
        notes.add(note);
        inline.append(notes.size());
    }

    private void part(String paragraph) {
        text.append(paragraph);
        for (String line : paragraph.split("\n")) {
            String text = line.replaceAll("\\s", "");
            // An empty part (two breaks in a row) would end every line.
            if (!text.isEmpty()) {
                parts.add(new Part(text, quotes > 0));
            }
        }
    }
}
