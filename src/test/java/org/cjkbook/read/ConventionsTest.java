package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Role;
import org.junit.jupiter.api.Test;

/** The conventions of Chinese articles and books, each on a fixture of its own. */
class ConventionsTest {

    private static Book load(String name) {
        return new BookLoader().load(Path.of("src/test/resources/articles", name)).book();
    }

    private static List<String> titles(Book book) {
        return book.chapters().stream().map(Chapter::titleText).toList();
    }

    private static List<Long> paragraphs(Book book) {
        return book.chapters().stream()
                .map(c -> c.blocks().stream().filter(Block.Paragraph.class::isInstance).count()).toList();
    }

    @Test
    void headlineBlockWithKickerColumnSubtitleAndPaddedByline() {
        Book book = load("numbered.txt");
        assertThat(book.metadata().kicker()).isEqualTo("聚焦乡村振兴");
        assertThat(book.metadata().title()).isEqualTo("一座小城的十年");
        assertThat(book.metadata().column()).isEqualTo("新时代新作为");
        assertThat(book.metadata().subtitle()).isEqualTo("来自山区县的调查");
        assertThat(book.metadata().creators()).containsExactly(
                new Contributor("吴凯", Role.AUTHOR), new Contributor("张芳曼", Role.AUTHOR));
    }

    @Test
    void numberedHeadingsNestByTheirStyle() {
        Book book = load("numbered.txt");
        assertThat(titles(book)).containsExactly(null, "一、产业从无到有", "二、人才从走到回");
        assertThat(paragraphs(book)).containsExactly(2L, 3L, 1L);
        List<String> inner = book.chapters().get(1).blocks().stream()
                .filter(Block.Heading.class::isInstance)
                .map(b -> ((Block.Heading) b).level() + ":" + Inline.plainText(((Block.Heading) b).content()))
                .toList();
        assertThat(inner).containsExactly("2:（一）茶叶", "2:（二）竹编");
        assertThat(book.metadata().contributors()).containsExactly(new Contributor("陈静", Role.EDITOR));
    }

    @Test
    void datelineNamesTheReportersAndStaysInTheText() {
        Book book = load("dateline.txt");
        assertThat(book.metadata().kicker()).isEqualTo("城市更新的新答卷");
        assertThat(book.metadata().title()).isEqualTo("老旧小区改造观察");
        assertThat(book.metadata().creators()).containsExactly(
                new Contributor("王君平", Role.AUTHOR), new Contributor("李明", Role.AUTHOR));
        Block first = book.chapters().get(0).blocks().get(0);
        assertThat(Inline.plainText(((Block.Paragraph) first).content())).startsWith("本报北京3月5日电（记者王君平");
    }

    @Test
    void markedHeadingsAndATrailerOfSeveralCredits() {
        Book book = load("dateline.txt");
        assertThat(titles(book)).containsExactly(null, "■ 改造先问计于民", "■ 资金多方筹措");
        assertThat(paragraphs(book)).containsExactly(1L, 1L, 1L);
        assertThat(book.metadata().contributors()).containsExactly(
                new Contributor("王三", Role.EDITOR), new Contributor("李四", Role.EDITOR),
                new Contributor("张芳曼", Role.BOOK_DESIGNER), new Contributor("赵五", Role.ILLUSTRATOR));
        assertThat(book.metadata().source()).isEqualTo("人民日报 2025年10月21日 01 版");
        assertThat(book.metadata().date()).isEqualTo("2025-10-21");
    }

    @Test
    void commentaryBylineArabicNumberedHeadingsAndAPhotoCredit() {
        Book book = load("commentary.txt");
        assertThat(book.metadata().creators()).containsExactly(new Contributor("本报评论员", Role.AUTHOR));
        assertThat(titles(book)).containsExactly(null, "1. 坚持问题导向", "2. 坚持系统观念");
        assertThat(book.metadata().contributors()).containsExactly(new Contributor("张三", Role.PHOTOGRAPHER));
    }

    @Test
    void bookChaptersWithTheirTitlesAndNoFalseHeadings() {
        Book book = load("book.txt");
        assertThat(book.metadata().title()).isEqualTo("石头记");
        assertThat(book.metadata().creators()).containsExactly(new Contributor("曹雪芹", Role.AUTHOR));
        assertThat(titles(book)).containsExactly("楔子", "第一章\u3000开端", "第二章\u3000发展", "卷二", "后记");
        // 第二章中… is a sentence, and a repeated 第二章 heading is the chapter's text.
        assertThat(paragraphs(book)).containsExactly(1L, 2L, 3L, 1L, 1L);
    }

    @Test
    void unindentedSectionHeadingsBetweenIndentedParagraphs() {
        Book book = new ArticleReader().read(Path.of("plain.txt"), """
                标题

                　　开头的一段正文。
                不加缩进的小标题
                　　小标题下的正文。
                　　（责编：王五）
                """);
        assertThat(titles(book)).containsExactly(null, "不加缩进的小标题");
        assertThat(paragraphs(book)).containsExactly(1L, 1L);
        assertThat(book.metadata().contributors()).containsExactly(new Contributor("王五", Role.EDITOR));
    }

    @Test
    void prefacesSectionsAndHundredsNumberedTheOldWay() {
        Book book = new ArticleReader().read(Path.of("old.txt"), """
                书名

                序
                    序的正文。
                第一节　开端
                    第一节的正文。
                第一二零回　终局
                    最后一回的正文。
                """);
        assertThat(titles(book)).containsExactly("序", "第一节\u3000开端", "第一二零回\u3000终局");
        assertThat(paragraphs(book)).containsExactly(1L, 1L, 1L);
    }

    @Test
    void traditionalTextIsDetectedAsZhHant() {
        Book book = load("traditional.txt");
        assertThat(book.metadata().language()).isEqualTo("zh-Hant");
        assertThat(load("numbered.txt").metadata().language()).isEqualTo("zh-Hans");
    }
}
