package org.cjkbook.xhtml;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.model.Inline;

/**
 * A chapter's notes, numbered in order of reference; their bodies are written after the
 * chapter's text. A note inside a note is numbered on after the chapter's own.
 */
public final class Notes {

    private final String chapterId;
    private final List<Inline.Note> notes = new ArrayList<>();

    Notes(String chapterId) {
        this.chapterId = chapterId;
    }

    /** Numbers a note in order of reference. */
    String add(Inline.Note note) {
        notes.add(note);
        return Integer.toString(notes.size());
    }

    /** The attributes of the link from the text to note {@code number}. */
    String[] referenceAttributes(String number) {
        return new String[] {"epub:type", "noteref", "role", "doc-noteref",
            "id", chapterId + "-ref-" + number, "href", "#" + chapterId + "-note-" + number};
    }

    /** Read by index, as notes may be added while earlier ones are written. */
    int size() {
        return notes.size();
    }

    Inline.Note get(int index) {
        return notes.get(index);
    }

    String chapterId() {
        return chapterId;
    }
}
