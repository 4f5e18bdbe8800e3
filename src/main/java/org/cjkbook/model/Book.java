package org.cjkbook.model;

import java.util.List;

/** A whole book as read from its sources: what it is, and what it says, in order. */
public record Book(Metadata metadata, List<Chapter> chapters) {
    public Book {
        java.util.Objects.requireNonNull(metadata, "metadata");
        chapters = List.copyOf(chapters);
    }
}
