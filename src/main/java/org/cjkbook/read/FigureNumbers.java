package org.cjkbook.read;

import java.util.Locale;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Rewrite;

/**
 * Numbers the captioned figures of a book in reading order, notes included: 图 1, 图 2, …
 * (圖 in Traditional Chinese). The number is written into the caption, as Pandoc's
 * cross-reference filter writes it, so that both editions print it as text.
 */
final class FigureNumbers extends Rewrite {

    private final String label;
    private int count;

    private FigureNumbers(String label) {
        this.label = label;
    }

    static Book of(Book book) {
        String language = book.metadata().language().toLowerCase(Locale.ROOT);
        boolean traditional = language.matches("zh-(hant|tw|hk|mo)(-.*)?");
        return new FigureNumbers(traditional ? "圖" : "图").book(book);
    }

    @Override
    protected Block image(Block.Image image) {
        if (image.caption() == null) {
            return image;
        }
        count++;
        return new Block.Image(image.file(), image.alt(), label + " " + count + "\u3000" + image.caption(),
                image.decorative(), image.id());
    }
}
