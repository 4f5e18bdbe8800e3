package org.cjkbook.model;

import java.util.List;

/** A block of a chapter's body. */
public sealed interface Block {

    /** Calls the visitor's method for this node's kind. */
    void accept(Visitor visitor);

    /**
     * One method per kind of block: a visitor that implements this interface handles every
     * kind, and a new kind does not compile until each of them does. {@link Walk}
     * implements it by descending into children.
     */
    interface Visitor {
        void paragraph(Paragraph paragraph);

        void heading(Heading heading);

        void quote(Quote quote);

        void list(ListBlock list);

        void codeBlock(CodeBlock code);

        void image(Image image);

        void table(Table table);

        void thematicBreak(Break rule);

        void verse(Verse verse);
    }

    /** A paragraph of text. */
    record Paragraph(List<Inline> content) implements Block {
        public Paragraph { content = List.copyOf(content); }
        @Override public void accept(Visitor visitor) { visitor.paragraph(this); }
    }

    /**
     * A heading inside a chapter; level 2 is the first level below the chapter title.
     * {@code id} is the name links into the book use for it, or null for none.
     */
    record Heading(int level, List<Inline> content, String id) implements Block {
        public Heading {
            if (level < 2 || level > 6) {
                throw new IllegalArgumentException("heading level " + level);
            }
            content = List.copyOf(content);
        }

        /** A heading no link can lead to. */
        public Heading(int level, List<Inline> content) {
            this(level, content, null);
        }

        @Override public void accept(Visitor visitor) { visitor.heading(this); }
    }

    /** A quotation set off from the text. */
    record Quote(List<Block> blocks) implements Block {
        public Quote { blocks = List.copyOf(blocks); }
        @Override public void accept(Visitor visitor) { visitor.quote(this); }
    }

    /** A list; each item is a list of blocks. {@code start} matters only when ordered. */
    record ListBlock(boolean ordered, int start, List<List<Block>> items) implements Block {
        public ListBlock { items = items.stream().map(List::copyOf).toList(); }
        @Override public void accept(Visitor visitor) { visitor.list(this); }
    }

    /** Preformatted code; {@code language} is null when the source names none. */
    record CodeBlock(String language, String text) implements Block {
        public CodeBlock { java.util.Objects.requireNonNull(text, "text"); }
        @Override public void accept(Visitor visitor) { visitor.codeBlock(this); }
    }

    /**
     * An image, standing on its own. {@code file} is an absolute path the reader has
     * checked exists; {@code alt} is the text alternative, empty only for an image the
     * source marks as decoration; {@code caption} may be null.
     */
    record Image(String file, String alt, String caption, boolean decorative, String id) implements Block {
        public Image {
            java.util.Objects.requireNonNull(file, "file");
            java.util.Objects.requireNonNull(alt, "alt");
        }

        /** An image no link leads to. */
        public Image(String file, String alt, String caption, boolean decorative) {
            this(file, alt, caption, decorative, null);
        }

        @Override public void accept(Visitor visitor) { visitor.image(this); }
    }

    /** A table: header cells, then rows of body cells; alignment is per column. */
    record Table(List<Alignment> alignments, List<List<Inline>> header, List<List<List<Inline>>> rows)
            implements Block {
        public Table {
            alignments = List.copyOf(alignments);
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }

        @Override public void accept(Visitor visitor) { visitor.table(this); }
    }

    enum Alignment { NONE, LEFT, CENTER, RIGHT }

    /**
     * A poem, or any text whose lines are the author's: each line is kept, set unjustified.
     * An empty line separates stanzas.
     */
    record Verse(List<List<Inline>> lines) implements Block {
        public Verse { lines = lines.stream().map(List::copyOf).toList(); }
        @Override public void accept(Visitor visitor) { visitor.verse(this); }
    }

    /** A change of scene or topic (Markdown's thematic break). */
    record Break() implements Block {
        @Override public void accept(Visitor visitor) { visitor.thematicBreak(this); }
    }
}
