package org.cjkbook.model;

import java.util.List;

/** Content inside a paragraph or a heading. */
public sealed interface Inline {

    record Text(String text) implements Inline {
        public Text {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    record Emphasis(List<Inline> content) implements Inline {
        public Emphasis {
            content = List.copyOf(content);
        }
    }

    record Strong(List<Inline> content) implements Inline {
        public Strong {
            content = List.copyOf(content);
        }
    }

    record Link(String href, List<Inline> content) implements Inline {
        public Link {
            java.util.Objects.requireNonNull(href, "href");
            content = List.copyOf(content);
        }
    }

    record Code(String text) implements Inline {
        public Code {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A footnote, carried where it is referenced so that it can never dangle; editions
     * number notes and place their bodies.
     */
    record Note(List<Block> content) implements Inline {
        public Note {
            content = List.copyOf(content);
        }
    }

    record LineBreak() implements Inline {
    }

    /** The text a reader sees, without markup; notes are left out. */
    static String plainText(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        appendText(inlines, out);
        return out.toString();
    }

    private static void appendText(List<Inline> inlines, StringBuilder out) {
        for (Inline inline : inlines) {
            if (inline instanceof Text t) {
                out.append(t.text());
            } else if (inline instanceof Emphasis e) {
                appendText(e.content(), out);
            } else if (inline instanceof Strong s) {
                appendText(s.content(), out);
            } else if (inline instanceof Link l) {
                appendText(l.content(), out);
            } else if (inline instanceof Code c) {
                out.append(c.text());
            } else if (inline instanceof LineBreak) {
                out.append('\n');
            }
        }
    }
}
