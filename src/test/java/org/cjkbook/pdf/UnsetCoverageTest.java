package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cjkbook.Corpus;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;

/**
 * The fonts are subset for what the print document draws as its first writing finds it,
 * with paragraphs not set in lines; the layout writes them again, set. The lines must not
 * change what is drawn, nor in which face, or a glyph would be missing from a subset.
 */
class UnsetCoverageTest {

    private static final FontSet FONTS = FontSet.inFolder(Path.of("fonts"));

    @Test
    void settingLinesDrawsTheCharactersTheUnsetWritingCounted() {
        for (Book book : List.of(mixed(), load(Corpus.novelOpening(3)), load(ChapteredPdfTest.CHAPTERS),
                load(Corpus.require("md-trpl-ch04-01-what-is-ownership.md")))) {
            PrintMarkup print = PdfEdition.markup(book, PageGeometry.A5, FONTS, true);
            PrintDocument set = print.document(Map.of());
            if (book.layout() == Book.Layout.ARTICLE) {
                set.whole();
            } else {
                book.chapters().forEach(set::chapterPart);
                set.frontMatter();
            }
            assertThat(set.coverage().characters()).as(book.metadata().title())
                    .isEqualTo(print.coverage().characters());
            assertThat(set.coverage().fallbacks()).isEqualTo(print.coverage().fallbacks());
            print.checkCovers(set);
        }
    }

    @Test
    void aDocumentDrawingWhatTheSubsetsLackIsStopped() {
        PrintMarkup print = PdfEdition.markup(book("甲乙丙。"), PageGeometry.A5, FONTS, true);
        PrintDocument other = PdfEdition.markup(book("甲乙丁。"), PageGeometry.A5, FONTS, true).document(Map.of());
        other.whole();
        assertThatThrownBy(() -> print.checkCovers(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("U+4E01").hasMessageContaining("BODY");
    }

    /**
     * What the composer works on: squeezed marks, a dash, a Latin word too long for a line,
     * code, emphasis, a note, verse, a list in a quotation, and characters the body face
     * lacks (Thai), set in another.
     */
    private static Book mixed() {
        String latin = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4);
        Block paragraph = new Block.Paragraph(List.of(
                new Inline.Text("“甲乙，”他说——「丙丁」。" + latin + "，ภาษาไทย，" + "戊己庚辛壬癸".repeat(20)),
                new Inline.Emphasis(List.of(new Inline.Text("着重ABC"))),
                new Inline.Code("let x = 1;"),
                new Inline.Note(List.of(new Block.Paragraph(List.of(new Inline.Text("注释（一）。")))))));
        Block quote = new Block.Quote(List.of(new Block.ListBlock(true, 1,
                List.of(List.of(new Block.Paragraph(List.of(new Inline.Text("列表中的一项，《书名》。"))))))));
        Block verse = new Block.Verse(List.of(List.of(new Inline.Text("床前明月光，")), List.of(),
                List.of(new Inline.Text("疑是地上霜。"))));
        Chapter one = new Chapter("chapter-1", List.of(new Inline.Text("第一章")), List.of(paragraph, quote));
        Chapter two = new Chapter("chapter-2", List.of(new Inline.Text("第二章")), List.of(verse));
        return new Book(Metadata.builder().title("混排").build(), List.of(one, two));
    }

    private static Book book(String text) {
        return new Book(Metadata.builder().title("书").build(), List.of(new Chapter("chapter-1",
                List.of(new Inline.Text("一")), List.of(new Block.Paragraph(List.of(new Inline.Text(text)))))),
                Book.Layout.ARTICLE);
    }

    private static Book load(Path source) {
        return new BookLoader().load(source).book();
    }
}
