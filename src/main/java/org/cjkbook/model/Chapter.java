package org.cjkbook.model;

import java.util.List;

/**
 * A chapter or a section of an article. The title is empty for an opening that the
 * source sets before its first heading.
 */
public record Chapter(String id, List<Inline> title, List<Block> blocks) {
    public Chapter {
        java.util.Objects.requireNonNull(id, "id");
        title = List.copyOf(title);
        blocks = List.copyOf(blocks);
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }

    /** The title as plain text, or null for an untitled opening. */
    public String titleText() {
        return hasTitle() ? Inline.plainText(title) : null;
    }
}
