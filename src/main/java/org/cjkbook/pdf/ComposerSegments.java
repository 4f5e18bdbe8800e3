package org.cjkbook.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.cjkbook.font.Face;
import org.cjkbook.model.Inline;
import org.cjkbook.text.LineComposer;
import org.cjkbook.xhtml.Inlines;
import org.cjkbook.xhtml.Markup;

/**
 * The bridge from inlines to the line composer: a paragraph's content as segments, each
 * measured as the renderer will measure it and tagged with the elements it is written
 * in. A character its face lacks is a segment of its own, in the face that will draw it;
 * a line break is a line feed, and an image one character as wide as the image.
 */
final class ComposerSegments implements Inlines.Sink {

    /** An element around a composed run, and the face its text is set in. */
    record Wrapper(Face face, String tag, String... attributes) {
    }

    /**
     * The elements around a composed run, outermost first: none for plain text; and the
     * image the run stands for, or null for text.
     */
    record Look(List<Wrapper> wrappers, Inline.Image image) {
    }

    /** What stands for an image in the composed text: one character of the image's width. */
    private static final String IMAGE = "\uFFFC";

    private static final Look PLAIN = new Look(List.of(), null);

    private final Markup markup;
    private final PrintDocument.Measures measures;
    private final ToIntFunction<Inline.Image> imageWidths;
    private final List<Wrapper> open = new ArrayList<>();
    private Look look = PLAIN;
    private final List<LineComposer.Segment> segments = new ArrayList<>();

    /**
     * {@code markup} decides, and records, which face draws a character its own face lacks;
     * {@code imageWidths} gives the width at which an image in a line is set.
     */
    ComposerSegments(Markup markup, PrintDocument.Measures measures, ToIntFunction<Inline.Image> imageWidths) {
        this.markup = markup;
        this.measures = measures;
        this.imageWidths = imageWidths;
    }

    List<LineComposer.Segment> segments() {
        return segments;
    }

    /** Whether any segment is inside an element, or is one. */
    boolean wrapped() {
        return segments.stream().map(s -> (Look) s.tag())
                .anyMatch(look -> !look.wrappers().isEmpty() || look.image() != null);
    }

    @Override
    public void open(Face face, String tag, String... attributes) {
        open.add(new Wrapper(face, tag, attributes));
        look = new Look(List.copyOf(open), null);
    }

    @Override
    public void close(String tag) {
        open.remove(open.size() - 1);
        look = open.isEmpty() ? PLAIN : new Look(List.copyOf(open), null);
    }

    @Override
    public void text(String text, Face face, Inlines.Role role, boolean besideElements) {
        switch (role) {
            case PROSE -> faced(text, face, PageGeometry.BODY_POINTS);
            case CODE -> faced(text, face, PageGeometry.SMALL_POINTS);
            case NOTE_REFERENCE -> segments.add(new LineComposer.Segment(text,
                    measures.of(face, PageGeometry.REFERENCE_POINTS), look, true));
            default -> throw new IllegalArgumentException(role.toString());
        }
    }

    @Override
    public void lineBreak(Face face) {
        segments.add(new LineComposer.Segment("\n", body(face), look));
    }

    /** An image is one character as wide as the image, breaking as a Han character does; its own look marks it. */
    @Override
    public void image(Inline.Image image, Face face) {
        int width = imageWidths.applyAsInt(image);
        LineComposer.Metrics metrics = new LineComposer.Metrics() {
            @Override
            public double advance(int codePoint) {
                return width;
            }

            @Override
            public int width(String run) {
                return width * run.length();
            }
        };
        segments.add(new LineComposer.Segment(IMAGE, metrics, new Look(look.wrappers(), image)));
    }

    private LineComposer.Metrics body(Face face) {
        return measures.of(face, PageGeometry.BODY_POINTS);
    }

    /**
     * Text in {@code face} at {@code points}, a character it lacks split off into the face
     * that has it: the fallback's span sets only the face, so it keeps the size.
     */
    private void faced(String text, Face face, float points) {
        LineComposer.Metrics metrics = measures.of(face, points);
        int start = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            Face other = markup.fallback(face, text.codePointAt(i));
            if (other != null) {
                if (i > start) {
                    segments.add(new LineComposer.Segment(text.substring(start, i), metrics, look));
                }
                start = i + Character.charCount(text.codePointAt(i));
                List<Wrapper> inner = new ArrayList<>(look.wrappers());
                inner.add(new Wrapper(other, "span", "class", Markup.fallbackClass(other)));
                segments.add(new LineComposer.Segment(text.substring(i, start), measures.of(other, points),
                        new Look(inner, null)));
            }
        }
        if (start < text.length()) {
            segments.add(new LineComposer.Segment(text.substring(start), metrics, look));
        }
    }
}
