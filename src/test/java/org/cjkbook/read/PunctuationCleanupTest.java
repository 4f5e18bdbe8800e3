package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.junit.jupiter.api.Test;

/** Each rule of the punctuation clean-up, and the text beside it that no rule may touch. */
class PunctuationCleanupTest {

    private static String clean(String text) {
        return new PunctuationText(text).text();
    }

    private static PunctuationCleanup.Counts counts(String text) {
        return new PunctuationText(text).counts();
    }

    // ---- quotes

    @Test
    void straightQuotesInChineseTextArePairedInOrder() {
        assertThat(clean("故曰\"甄士隐\"云云，又曰\"贾雨村\"。")).isEqualTo("故曰“甄士隐”云云，又曰“贾雨村”。");
        assertThat(clean("他说'好'。")).isEqualTo("他说‘好’。");
        assertThat(clean("称为\"iPhone\"的手机")).isEqualTo("称为“iPhone”的手机");
        assertThat(counts("故曰\"甄士隐\"云云").quotesPaired()).isEqualTo(2);
    }

    @Test
    void aStraightQuotePairsWithACurlyOne() {
        assertThat(clean("自又云：“今风尘碌碌，不亦宜乎？\"故曰")).isEqualTo("自又云：“今风尘碌碌，不亦宜乎？”故曰");
        assertThat(clean("贾母笑道，\"你不认得他。”")).isEqualTo("贾母笑道，“你不认得他。”");
    }

    @Test
    void aQuoteWithoutPartnerClosesAfterASentenceAndOpensOtherwise() {
        // A quotation over several paragraphs opens each of them and closes only the last.
        assertThat(clean("\"第一段话。")).isEqualTo("“第一段话。");
        assertThat(clean("分辨分辨。\"宝钗笑道")).isEqualTo("分辨分辨。”宝钗笑道");
        assertThat(clean("就是了\"")).isEqualTo("就是了”");
        PunctuationCleanup.Counts counts = counts("\"第一段话。");
        assertThat(counts.quotesAlone()).isEqualTo(1);
        assertThat(counts.quotesPaired()).isZero();
    }

    @Test
    void quotesInLatinTextAndApostrophesStay() {
        assertThat(clean("He said \"hi\" to me.")).isEqualTo("He said \"hi\" to me.");
        assertThat(clean("这是 Tom's 书，不是 \"Jerry\" 的。")).isEqualTo("这是 Tom's 书，不是 \"Jerry\" 的。");
        assertThat(counts("He said \"hi\" to me.").quotesLeft()).isEqualTo(2);
    }

    // ---- full stops, ellipses, dashes

    @Test
    void fullWidthFullStopsBecomeChineseOnesButNotBetweenDigits() {
        assertThat(clean("此开卷第一回也．作者自云")).isEqualTo("此开卷第一回也。作者自云");
        assertThat(clean("圆周率约为３．１４，不是３．")).isEqualTo("圆周率约为３．１４，不是３。");
        assertThat(clean("他走了.她来了｡")).isEqualTo("他走了。她来了。");
        assertThat(counts("他走了.她来了｡").fullStops()).isEqualTo(2);
    }

    @Test
    void numbersAndLatinSentencesKeepTheirDots() {
        assertThat(clean("约3.14倍，版本1.0.2。")).isEqualTo("约3.14倍，版本1.0.2。");
        assertThat(clean("Hello, world. 你好")).isEqualTo("Hello, world. 你好");
        assertThat(clean("文件名是中文.txt")).isEqualTo("文件名是中文.txt");
    }

    @Test
    void dotsAndLoneEllipsesBecomeAPairOfEllipses() {
        assertThat(clean("等等...他来了")).isEqualTo("等等……他来了");
        assertThat(clean("等等。。。他来了")).isEqualTo("等等……他来了");
        assertThat(clean("等等…他来了")).isEqualTo("等等……他来了");
        assertThat(clean("等等……他来了")).isEqualTo("等等……他来了");
        assertThat(clean("Wait... what?")).isEqualTo("Wait... what?");
        assertThat(counts("等等...他…了").ellipses()).isEqualTo(2);
    }

    @Test
    void twoHyphensBesideChineseTextBecomeADash() {
        assertThat(clean("一个穷儒--姓贾名化")).isEqualTo("一个穷儒——姓贾名化");
        assertThat(clean("他说--")).isEqualTo("他说——");
        assertThat(clean("运行 cjkbook --help 看用法")).isEqualTo("运行 cjkbook --help 看用法");
        assertThat(clean("选项--flag")).isEqualTo("选项--flag");
        assertThat(clean("a--b，三个---不算")).isEqualTo("a--b，三个---不算");
    }

    // ---- half-width marks

    @Test
    void halfWidthMarksBetweenChineseTextBecomeFullWidth() {
        assertThat(clean("你好,世界;再见:明天?好!")).isEqualTo("你好，世界；再见：明天？好！");
        assertThat(clean("他问道:\"你好吗?\"")).isEqualTo("他问道：“你好吗？”");
        assertThat(clean("荣国府(宁国府)两处")).isEqualTo("荣国府（宁国府）两处");
        assertThat(counts("你好,世界").marks()).isEqualTo(1);
    }

    @Test
    void marksInLatinTextAndCodeLikeTextStay() {
        assertThat(clean("Hello, world. Call f(x); ok?")).isEqualTo("Hello, world. Call f(x); ok?");
        assertThat(clean("苹果(Apple)公司,好")).isEqualTo("苹果(Apple)公司，好");
        assertThat(clean("比例为3:2,对")).isEqualTo("比例为3:2,对");
    }

    @Test
    void addressesStayAsWritten() {
        assertThat(clean("见https://example.com/a--b,c?d=1!好。")).isEqualTo("见https://example.com/a--b,c?d=1!好。");
        assertThat(clean("来信寄至a.b@example.cn,谢谢")).isEqualTo("来信寄至a.b@example.cn,谢谢");
    }

    // ---- the book

    @Test
    void codeLinkTargetsAndNotesAreTheirOwnWhileQuotesPairAcrossEmphasis() {
        Block.Paragraph note = new Block.Paragraph(List.of(new Inline.Text("注中\"引语\"．")));
        Block.Paragraph paragraph = new Block.Paragraph(List.of(
                new Inline.Text("他说\""),
                new Inline.Emphasis(List.of(new Inline.Text("真好"))),
                new Inline.Text("\"，见"),
                new Inline.Code("\"a\"..."),
                new Inline.Link("https://example.com/a--b", List.of(new Inline.Text("这里,那里"))),
                new Inline.Note(List.of(note)),
                new Inline.Text("．")));
        Book book = new Book(Metadata.builder().title("标\"题\"").build(),
                List.of(new Chapter("chapter-1", List.of(new Inline.Text("第一回\"开篇\"")), List.of(paragraph))));

        PunctuationCleanup.Result result = PunctuationCleanup.of(book);

        Chapter chapter = result.book().chapters().get(0);
        assertThat(chapter.title()).containsExactly(new Inline.Text("第一回“开篇”"));
        assertThat(chapter.blocks()).containsExactly(new Block.Paragraph(List.of(
                new Inline.Text("他说“"),
                new Inline.Emphasis(List.of(new Inline.Text("真好"))),
                new Inline.Text("”，见"),
                new Inline.Code("\"a\"..."),
                new Inline.Link("https://example.com/a--b", List.of(new Inline.Text("这里，那里"))),
                new Inline.Note(List.of(new Block.Paragraph(List.of(new Inline.Text("注中“引语”。"))))),
                new Inline.Text("。"))));
        assertThat(result.book().metadata().title()).isEqualTo("标\"题\"");
        assertThat(result.counts()).isEqualTo(new PunctuationCleanup.Counts(6, 0, 0, 2, 0, 0, 1));
        assertThat(result.counts().summary()).startsWith("punctuation: 6 quotes paired, 0 alone set by their "
                + "neighbours, 2 full stops, 0 ellipses, 0 dashes, 1 marks made full-width");
    }
}
