package org.cjkbook.model;

import java.util.List;

/**
 * A chapter or a section of an article. The title is empty for an opening that the
 * source sets before its first heading. {@code id} names the chapter among the book's
 * chapters ({@code chapter-1}, …); {@code titleId} is the name links into the book use for
 * its title, or null for none.
 */
public record Chapter(String id, List<Inline> title, List<Block> blocks, String titleId) {
    public Chapter {
        java.util.Objects.requireNonNull(id, "id");
        title = List.copyOf(title);
        blocks = List.copyOf(blocks);
    }

    /** A chapter whose title no link can lead to. */
    public Chapter(String id, List<Inline> title, List<Block> blocks) {
        this(id, title, blocks, null);
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }

    /** The title as plain text, or null for an untitled opening. */
    public String titleText() {
        return hasTitle() ? Inline.plainText(title) : null;
    }
}
