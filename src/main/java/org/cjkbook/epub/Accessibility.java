package org.cjkbook.epub;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.cjkbook.xhtml.Markup;

/**
 * What the package document says about the book's accessibility (EPUB Accessibility 1.1),
 * from what the book holds: it claims WCAG 2.2 AA only when every image has a text
 * alternative and every link has text, the parts of it that depend on the source.
 */
record Accessibility(boolean images, boolean pageList, boolean conforms, String evaluator) {

    /**
     * The evaluator of a conformance claim is whoever publishes the book, if the settings
     * name one: the tool that made the book cannot vouch for its own output.
     */
    static Accessibility of(Book book, boolean pageList) {
        Scan scan = new Scan();
        scan.book(book);
        return new Accessibility(scan.images > 0, pageList, scan.unnamedImages == 0 && scan.emptyLinks == 0,
                book.metadata().publisher());
    }

    void write(Markup m) {
        meta(m, "schema:accessMode", "textual");
        if (images) {
            meta(m, "schema:accessMode", "visual");
        }
        meta(m, "schema:accessModeSufficient", "textual");
        List<String> features = new ArrayList<>(List.of("structuralNavigation", "tableOfContents", "readingOrder",
                "displayTransformability"));
        if (images) {
            features.add("alternativeText");
        }
        if (pageList) {
            features.add("pageNavigation");
            features.add("printPageNumbers");
        }
        features.forEach(feature -> meta(m, "schema:accessibilityFeature", feature));
        meta(m, "schema:accessibilityHazard", "none");
        meta(m, "schema:accessibilitySummary", summary());
        if (conforms) {
            meta(m, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
            if (evaluator != null) {
                meta(m, "a11y:certifiedBy", evaluator);
            }
        }
    }

    private String summary() {
        StringBuilder summary = new StringBuilder("A reflowable EPUB 3 with a table of contents, landmarks and "
                + "headings for navigation, in reading order, with its language marked on every document.");
        if (images) {
            summary.append(" Images have text alternatives.");
        }
        if (pageList) {
            summary.append(" Page numbers follow the print edition.");
        }
        summary.append(conforms ? " It meets WCAG 2.2 Level AA." : " It does not claim WCAG conformance: "
                + "some images lack text alternatives or some links lack text.");
        return summary.toString();
    }

    private static void meta(Markup m, String property, String value) {
        m.element("meta", value, "property", property).newline();
    }

    /** Counts what decides conformance, everywhere in the text, notes included. */
    private static final class Scan extends Walk {
        int images;
        int unnamedImages;
        int emptyLinks;

        @Override
        public void image(Block.Image image) {
            count(image.alt(), image.decorative());
        }

        @Override
        public void image(Inline.Image image) {
            count(image.alt(), image.decorative());
        }

        private void count(String alt, boolean decorative) {
            images++;
            if (alt.isBlank() && !decorative) {
                unnamedImages++;
            }
        }

        @Override
        public void link(Inline.Link link) {
            if (Inline.plainText(link.content()).isBlank()) {
                emptyLinks++;
            }
            super.link(link);
        }
    }
}
