package org.cjkbook.model;

import java.util.List;

/** Content inside a paragraph or a heading. */
public sealed interface Inline {

    /** Calls the visitor's method for this node's kind. */
    void accept(Visitor visitor);

    /**
     * One method per kind of inline: a visitor that implements this interface handles every
     * kind, and a new kind does not compile until each of them does. {@link Walk}
     * implements it by descending into children.
     */
    interface Visitor {
        void text(Text text);

        void emphasis(Emphasis emphasis);

        void strong(Strong strong);

        void link(Link link);

        void code(Code code);

        void note(Note note);

        void lineBreak(LineBreak lineBreak);

        void image(Image image);
    }

    /** Text as the source has it, line breaks of the editor already resolved. */
    record Text(String text) implements Inline {
        public Text { java.util.Objects.requireNonNull(text, "text"); }
        @Override public void accept(Visitor visitor) { visitor.text(this); }
    }



    /** Stressed text, shown the Chinese way in both editions: a dot under each Han character, Latin in italic. */
    record Emphasis(List<Inline> content) implements Inline {
        public Emphasis { content = List.copyOf(content); }
        @Override public void accept(Visitor visitor) { visitor.emphasis(this); }
    }



    /**
     * A link; {@code href} is what the source wrote, which the editions judge: {@code #id}
     * leads to the heading or chapter title of that id. {@code citesPage} asks an edition
     * with pages to add the page that a link into the book leads to.
     */
    record Link(String href, List<Inline> content, boolean citesPage) implements Inline {
        public Link {
            java.util.Objects.requireNonNull(href, "href");
            content = List.copyOf(content);
        }

        public Link(String href, List<Inline> content) {
            this(href, content, false);
        }

        @Override public void accept(Visitor visitor) { visitor.link(this); }
    }



    /** Text of strong importance, set bolder. */
    record Strong(List<Inline> content) implements Inline {
        public Strong { content = List.copyOf(content); }
        @Override public void accept(Visitor visitor) { visitor.strong(this); }
    }



    /**
     * A footnote, carried where it is referenced so that it can never dangle; editions
     * number notes and place their bodies.
     */
    record Note(List<Block> content) implements Inline {
        public Note { content = List.copyOf(content); }
        @Override public void accept(Visitor visitor) { visitor.note(this); }
    }



    /** Code, or any text to be set as it is. */
    record Code(String text) implements Inline {
        public Code { java.util.Objects.requireNonNull(text, "text"); }
        @Override public void accept(Visitor visitor) { visitor.code(this); }
    }

    /** A line break the author asked for, inside a paragraph. */
    record LineBreak() implements Inline {
        @Override public void accept(Visitor visitor) { visitor.lineBreak(this); }
    }

    /**
     * An image inside a line of text, set as high as the text. {@code file} and {@code alt}
     * are as in {@link Block.Image}: a checked absolute path, and a text alternative that is
     * empty only for decoration.
     */
    record Image(String file, String alt, boolean decorative) implements Inline {
        public Image {
            java.util.Objects.requireNonNull(file, "file");
            java.util.Objects.requireNonNull(alt, "alt");
        }

        @Override public void accept(Visitor visitor) { visitor.image(this); }
    }


    /** The text a reader sees, without markup; notes are left out. */
    static String plainText(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        new Walk() {
            @Override
            public void text(Text text) {
                out.append(text.text());
            }

            @Override
            public void code(Code code) {
                out.append(code.text());
            }

            @Override
            public void lineBreak(LineBreak lineBreak) {
                out.append('\n');
            }

            @Override
            public void note(Note note) {
                // A note's text is read where the note is, not in the sentence it hangs on.
            }
        }.inlines(inlines);
        return out.toString();
    }
}
