package org.cjkbook.model;

import java.util.List;

/**
 * A whole book as read from its sources: what it is, what it says, in order, and how it
 * is laid out on pages.
 */
public record Book(Metadata metadata, List<Chapter> chapters, Layout layout) {

    /** How a book's pages are made up. */
    public enum Layout {
        /** An article: its headline over the opening, its sections run on, no front matter. */
        ARTICLE,
        /** A book of chapters: front matter, each chapter opening on a right-hand page. */
        BOOK
    }

    public Book {
        java.util.Objects.requireNonNull(metadata, "metadata");
        java.util.Objects.requireNonNull(layout, "layout");
        chapters = List.copyOf(chapters);
    }

    /**
     * The identifier the settings give, or else one derived from the book's metadata, text
     * and structure: it changes when, and only when, they change, and both editions of the
     * same sources carry the same one.
     */
    public String identifier() {
        return metadata.identifier() != null ? metadata.identifier() : TextDigest.uuid(this);
    }

    /**
     * The start of the book's text, its title and then its chapters', about
     * {@code characters} long: enough to tell the script it is written in.
     */
    public String opening(int characters) {
        StringBuilder text = new StringBuilder(metadata.title());
        new Walk() {
            @Override
            public void text(Inline.Text t) {
                if (text.length() < characters) {
                    text.append(t.text());
                }
            }
        }.book(this);
        return text.toString();
    }

    /** A book of chapters. */
    public Book(Metadata metadata, List<Chapter> chapters) {
        this(metadata, chapters, Layout.BOOK);
    }
}
