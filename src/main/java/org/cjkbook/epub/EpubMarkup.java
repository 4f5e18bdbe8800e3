package org.cjkbook.epub;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.xhtml.Coverage;

/** The EPUB's XHTML documents, and what their characters need of the fonts. */
public record EpubMarkup(Document cover, Document titlePage, Document navigation, List<Document> chapters,
                         Document colophon, Coverage coverage) {

    /** One XHTML document of the EPUB. */
    public record Document(String name, String title, String xml) {
    }

    public EpubMarkup {
        chapters = List.copyOf(chapters);
    }

    /** The documents in reading order; there is a colophon only when there are credits. */
    public List<Document> readingOrder() {
        List<Document> all = new ArrayList<>();
        all.add(cover);
        all.add(titlePage);
        all.add(navigation);
        all.addAll(chapters);
        if (colophon != null) {
            all.add(colophon);
        }
        return all;
    }
}
