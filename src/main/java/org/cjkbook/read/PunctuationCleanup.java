package org.cjkbook.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Rewrite;
import org.cjkbook.model.Walk;

/**
 * Punctuation clean-up ({@code punctuation: normalize}): the text of every paragraph,
 * heading, cell and chapter title, notes included, with the marks of web texts and old
 * conversions made those of Chinese print, by the rules of {@link PunctuationText}. Each
 * block is read whole, across emphasis and links, so that its quotes pair; code, link
 * targets and the metadata are not touched.
 */
public final class PunctuationCleanup extends Rewrite {

    /** How many marks of each kind the clean-up changed, and how many straight quotes it left. */
    public record Counts(int quotesPaired, int quotesAlone, int quotesLeft, int fullStops, int ellipses, int dashes,
                         int marks) {

        Counts plus(Counts other) {
            return new Counts(quotesPaired + other.quotesPaired, quotesAlone + other.quotesAlone,
                    quotesLeft + other.quotesLeft, fullStops + other.fullStops, ellipses + other.ellipses,
                    dashes + other.dashes, marks + other.marks);
        }

        /** The progress line. */
        public String summary() {
            return String.format("punctuation: %,d quotes paired, %,d alone set by their neighbours, %,d full stops, "
                    + "%,d ellipses, %,d dashes, %,d marks made full-width; %,d straight quotes left as written",
                    quotesPaired, quotesAlone, fullStops, ellipses, dashes, marks, quotesLeft);
        }
    }

    private Counts counts = new Counts(0, 0, 0, 0, 0, 0, 0);
    /** The cleaned text of each text node of the blocks read so far, for the rebuild to take. */
    private final Map<Inline.Text, String> cleaned = new IdentityHashMap<>();

    private PunctuationCleanup() {
    }

    /** The book with its punctuation cleaned up, and what was changed. */
    public record Result(Book book, Counts counts) {
    }

    public static Result of(Book book) {
        PunctuationCleanup cleanup = new PunctuationCleanup();
        Book cleaned = cleanup.book(book);
        return new Result(cleaned, cleanup.counts);
    }

    @Override
    protected List<Inline> textBlock(List<Inline> content) {
        List<Inline.Text> texts = new ArrayList<>();
        // Where each text node starts in the joined text, in code points.
        List<Integer> starts = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        new Walk() {
            private int length;

            @Override
            public void text(Inline.Text text) {
                texts.add(text);
                starts.add(length);
                joined.append(text.text());
                length += text.text().codePointCount(0, text.text().length());
            }

            @Override
            public void code(Inline.Code code) {
                object();
            }

            @Override
            public void image(Inline.Image image) {
                object();
            }

            /** A note's paragraphs are text blocks of their own, cleaned when the rebuild reaches them. */
            @Override
            public void note(Inline.Note note) {
                object();
            }

            @Override
            public void lineBreak(Inline.LineBreak lineBreak) {
                joined.append('\n');
                length++;
            }

            private void object() {
                joined.append(PunctuationText.OBJECT);
                length++;
            }
        }.inlines(content);
        PunctuationText text = new PunctuationText(joined.toString());
        for (int i = 0; i < texts.size(); i++) {
            Inline.Text node = texts.get(i);
            int start = starts.get(i);
            cleaned.put(node, text.slice(start, start + node.text().codePointCount(0, node.text().length())));
        }
        counts = counts.plus(text.counts());
        return super.textBlock(content);
    }

    @Override
    protected Inline text(Inline.Text text) {
        String clean = cleaned.remove(text);
        return clean == null ? text : new Inline.Text(clean);
    }
}
