package org.cjkbook.pdf;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;

/**
 * A chapter's text as its reader meets it in print: the title, the blocks in order (note
 * references as their numbers), then the notes, each after its number. Also its lines'
 * natural ends, to tell a paragraph's last line from a short one.
 */
final class SourceOrder {

    /** A paragraph's text up to a forced break or its end, or a heading; {@code quoted} inside a quotation. */
    record Part(String text, boolean quoted) {
    }

    private final List<Inline.Note> notes = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

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
        order.text.append(order.inlines(chapter.title()));
        order.blocks(chapter.blocks(), false);
        for (int i = 0; i < order.notes.size(); i++) {
            order.text.append(i + 1);
            order.blocks(order.notes.get(i).content(), false);
        }
        return order;
    }

    private void blocks(List<Block> blocks, boolean quoted) {
        for (Block block : blocks) {
            if (block instanceof Block.Paragraph p) {
                part(inlines(p.content()), quoted);
            } else if (block instanceof Block.Heading h) {
                part(inlines(h.content()), quoted);
            } else if (block instanceof Block.Quote q) {
                blocks(q.blocks(), true);
            } else if (block instanceof Block.ListBlock l) {
                for (int i = 0; i < l.items().size(); i++) {
                    if (l.ordered()) {
                        text.append(l.start() + i).append('.');
                    }
                    blocks(l.items().get(i), quoted);
                }
            } else if (block instanceof Block.CodeBlock c) {
                text.append(c.text());
            } else if (block instanceof Block.Image i && i.caption() != null) {
                text.append(i.caption());
            } else if (block instanceof Block.Table t) {
                t.header().forEach(cell -> text.append(inlines(cell)));
                t.rows().forEach(row -> row.forEach(cell -> text.append(inlines(cell))));
            }
        }
    }

    private void part(String paragraph, boolean quoted) {
        text.append(paragraph);
        for (String line : paragraph.split("\n")) {
            String text = line.replaceAll("\\s", "");
            // An empty part (two breaks in a row) would end every line.
            if (!text.isEmpty()) {
                parts.add(new Part(text, quoted));
            }
        }
    }

    private String inlines(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                out.append(t.text());
            } else if (inline instanceof Inline.Emphasis e) {
                out.append(inlines(e.content()));
            } else if (inline instanceof Inline.Strong s) {
                out.append(inlines(s.content()));
            } else if (inline instanceof Inline.Link l) {
                out.append(inlines(l.content()));
            } else if (inline instanceof Inline.Code c) {
                out.append(c.text());
            } else if (inline instanceof Inline.LineBreak) {
                out.append('\n');
            } else if (inline instanceof Inline.Note n) {
                notes.add(n);
                out.append(notes.size());
            }
        }
        return out.toString();
    }
}
