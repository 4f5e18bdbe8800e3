package org.cjkbook.model;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The same book with its words rewritten: every text a reader reads as language (text
 * inlines, image descriptions and captions, and the metadata's titles, names, subjects
 * and notes) passes through a function, while code, link targets, files, identifiers and
 * dates stay as they are.
 */
public final class TextRewrite extends Rewrite {

    private final UnaryOperator<String> words;

    private TextRewrite(UnaryOperator<String> words) {
        this.words = words;
    }

    /** {@code book} with {@code words} applied to each of its texts; the layout and ids are kept. */
    public static Book of(Book book, UnaryOperator<String> words) {
        TextRewrite rewrite = new TextRewrite(words);
        Book rewritten = rewrite.book(book);
        return new Book(rewrite.metadata(book.metadata()), rewritten.chapters(), rewritten.layout());
    }

    private Metadata metadata(Metadata m) {
        return m.toBuilder().title(words.apply(m.title())).kicker(text(m.kicker())).subtitle(text(m.subtitle()))
                .column(text(m.column())).publisher(text(m.publisher())).rights(text(m.rights()))
                .description(text(m.description())).source(text(m.source()))
                .subjects(m.subjects().stream().map(words).toList())
                .creators(people(m.creators())).contributors(people(m.contributors())).build();
    }

    private List<Contributor> people(List<Contributor> people) {
        return people.stream().map(p -> new Contributor(words.apply(p.name()), p.role())).toList();
    }

    /** An optional text, rewritten where there is one. */
    private String text(String text) {
        return text == null ? null : words.apply(text);
    }

    @Override
    protected Block image(Block.Image image) {
        return new Block.Image(image.file(), words.apply(image.alt()), text(image.caption()), image.decorative(),
                image.id());
    }

    @Override
    protected Inline image(Inline.Image image) {
        return new Inline.Image(image.file(), words.apply(image.alt()), image.decorative());
    }

    @Override
    protected Inline text(Inline.Text text) {
        return new Inline.Text(words.apply(text.text()));
    }
}
