package org.cjkbook.pdf;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.cjkbook.xhtml.Coverage;

/**
 * The print document, written from the model whenever a layout needs it, and what its
 * characters need of the fonts.
 */
public final class PrintMarkup {

    private final Function<Map<String, String>, PrintDocument> documents;
    private final Coverage coverage;
    private final boolean citesPages;
    private final Set<String> crossLinked;

    PrintMarkup(Function<Map<String, String>, PrintDocument> documents, Coverage coverage, boolean citesPages,
            Set<String> crossLinked) {
        this.documents = documents;
        this.coverage = coverage;
        this.citesPages = citesPages;
        // In order: the parts name these places as they go through them, the same way every build.
        this.crossLinked = Collections.unmodifiableSortedSet(new TreeSet<>(crossLinked));
    }

    /** What the document's characters need of the fonts. */
    public Coverage coverage() {
        return coverage;
    }

    /** The whole document as one XHTML document, before any layout has found its pages. */
    public String xml() {
        return document(Map.of()).whole();
    }

    /** Whether links in the text cite the page of the place they lead to, which only a layout finds. */
    boolean citesPages() {
        return citesPages;
    }

    /** The XHTML ids that links lead to from another part of the book than the one they are in. */
    Set<String> crossLinked() {
        return crossLinked;
    }

    /**
     * Fails when the layout's {@code document} drew a character in a face that this
     * markup's coverage, which the fonts were subset for, does not count: the two writings
     * differ only in lines, and a glyph missing from a subset would print as nothing.
     */
    void checkCovers(PrintDocument document) {
        document.coverage().characters().forEach((face, drawn) -> {
            for (int codePoint : drawn) {
                if (!coverage.characters().get(face).contains(codePoint)) {
                    throw new IllegalStateException(String.format("the PDF draws U+%04X in the %s face, "
                            + "which its subset was not made for", codePoint, face));
                }
            }
        });
    }

    /**
     * A writer of the document whose pages, of the places links cite and of the chapters
     * the contents list, are {@code pages} by id, where known.
     */
    PrintDocument document(Map<String, String> pages) {
        return documents.apply(pages);
    }
}
