package org.cjkbook.xhtml;

import java.util.List;

import org.cjkbook.font.Face;
import org.cjkbook.model.Inline;

/**
 * The one mapping from inlines to elements, and the face each one's text is set in. It
 * tells a {@link Sink} what to write: markup for the EPUB and the print document, or the
 * segments the print edition's line composer sets.
 */
public final class Inlines implements Inline.Visitor {

    /** What text is, for a sink that sets each kind at its own size. */
    public enum Role { PROSE, CODE, NOTE_REFERENCE }

    /** Receives the elements and text of inlines, in order. */
    public interface Sink {
        /** Opens an element whose text is set in {@code face}; attributes come as name, value pairs. */
        void open(Face face, String tag, String... attributes);

        void close(String tag);

        /** Text in {@code face}; {@code besideElements} when its siblings include elements. */
        void text(String text, Face face, Role role, boolean besideElements);

        void lineBreak(Face face);

        /** An image inside the line, set as high as the text of {@code face}. */
        void image(Inline.Image image, Face face);
    }

    /** Where links into the book lead in the edition being written. */
    public interface Places {
        /** The href of the heading or chapter title of the source's {@code id}, or null when the book has none. */
        String href(String id);

        /** What a link to {@code id} that cites its page adds after its text, set in {@code face}; null for nothing. */
        String pageCitation(String id, Face face);
    }

    private final Sink sink;
    private final Places places;
    /** Where note references are numbered; null where notes cannot be placed (titles). */
    private final Notes notes;
    private Face face;
    private boolean besideElements;

    private Inlines(Sink sink, Face face, Notes notes, Places places) {
        this.sink = sink;
        this.places = places;
        this.face = face;
        this.notes = notes;
    }

    /** Tells {@code sink} the elements and text of {@code inlines}, set in {@code face} unless marked up. */
    public static void write(List<Inline> inlines, Face face, Notes notes, Places places, Sink sink) {
        new Inlines(sink, face, notes, places).all(inlines);
    }

    private void all(List<Inline> inlines) {
        boolean outer = besideElements;
        besideElements = !inlines.stream().allMatch(Inline.Text.class::isInstance);
        for (Inline inline : inlines) {
            inline.accept(this);
        }
        besideElements = outer;
    }

    private void within(Face inner, String tag, List<Inline> content, String... attributes) {
        Face outer = face;
        face = inner;
        sink.open(inner, tag, attributes);
        all(content);
        sink.close(tag);
        face = outer;
    }

    @Override
    public void text(Inline.Text text) {
        sink.text(text.text(), face, Role.PROSE, besideElements);
    }

    @Override
    public void emphasis(Inline.Emphasis emphasis) {
        // In the face around it: the stylesheets mark it with dots under Han and italic Latin, not a face change.
        within(face, "em", emphasis.content());
    }

    @Override
    public void strong(Inline.Strong strong) {
        // Bolder in its own family: bold serif in the body, the (bold) heading face in headings.
        within(face == Face.BODY ? Face.BOLD : face, "strong", strong.content());
    }

    /** A link into the book leads to its place in the edition, and its page may follow its text. */
    @Override
    public void link(Inline.Link link) {
        String id = link.href().startsWith("#") ? link.href().substring(1) : null;
        String href = id != null ? places.href(id) : leadsOut(link) ? link.href() : null;
        if (href == null) {
            all(link.content());
            return;
        }
        String citation = id != null && link.citesPage() ? places.pageCitation(id, face) : null;
        List<Inline> content = link.content();
        if (citation != null) {
            content = new java.util.ArrayList<>(content);
            content.add(new Inline.Text(citation));
        }
        within(face, "a", content, "href", href);
    }

    @Override
    public void code(Inline.Code code) {
        // In the mono face wherever it stands, a heading's or emphasis's too: the reader sees it is code.
        sink.open(Face.MONO, "code");
        sink.text(code.text(), Face.MONO, Role.CODE, false);
        sink.close("code");
    }

    @Override
    public void note(Inline.Note note) {
        if (notes == null) {
            return;
        }
        String number = notes.add(note);
        sink.open(face, "sup");
        sink.open(face, "a", notes.referenceAttributes(number));
        sink.text(number, face, Role.NOTE_REFERENCE, false);
        sink.close("a");
        sink.close("sup");
    }

    @Override
    public void lineBreak(Inline.LineBreak lineBreak) {
        sink.lineBreak(face);
    }

    @Override
    public void image(Inline.Image image) {
        sink.image(image, face);
    }

    /**
     * True for a link with a scheme (https:, mailto:). Another relative link points to a
     * file or place of the source's own site that the book does not hold, so its text
     * stands without it.
     */
    private static boolean leadsOut(Inline.Link link) {
        try {
            return new java.net.URI(link.href()).isAbsolute();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
