package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.cjkbook.BookException;
import org.cjkbook.Publisher;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.text.ScriptConverter;
import org.junit.jupiter.api.Test;

class ScriptConversionTest {

    private static final Path FIXTURE = Path.of("src/test/resources/markdown/script.md");

    private static Book read(Path source, String script) {
        return Publisher.builder().source(source).set("script", script).build().read().book();
    }

    @Test
    void taiwanEditionTakesTaiwansCharactersWordsAndQuotesButLeavesCodeLinksAndLatinAlone() {
        Book book = read(FIXTURE, "hant-tw");
        Metadata m = book.metadata();
        assertThat(m.language()).isEqualTo("zh-Hant-TW");
        assertThat(m.title()).isEqualTo("軟體與資訊");
        assertThat(m.creators().get(0).name()).isEqualTo("張三");
        assertThat(m.subjects()).containsExactly("計算機", "網路");
        assertThat(m.description()).isEqualTo("一本關於軟體的書");
        assertThat(book.chapters().get(0).titleText()).isEqualTo("第一章 滑鼠");

        List<Inline> paragraph = ((Block.Paragraph) book.chapters().get(0).blocks().get(0)).content();
        assertThat(paragraph.get(0)).isEqualTo(new Inline.Text("他說：「這個軟體的資訊在"));
        assertThat(paragraph.get(1)).isEqualTo(new Inline.Code("软件.txt"));
        assertThat(paragraph.get(2)).isEqualTo(new Inline.Text("裡面，don’t worry，見"));
        assertThat(paragraph.get(3)).isEqualTo(new Inline.Link("https://example.com/软件",
                List.of(new Inline.Text("軟體網站"))));
        assertThat(paragraph.get(4)).isEqualTo(new Inline.Text("。」"));
        assertThat(book.chapters().get(0).blocks().get(1)).isEqualTo(new Block.CodeBlock(null, "打印 \"软件信息\""));
        assertThat(book.chapters().get(0).blocks().get(2))
                .isEqualTo(new Block.Paragraph(List.of(new Inline.Text("Software 軟體 and 2019年的頭髮。"))));
    }

    @Test
    void traditionalEditionKeepsTheMainlandsWordsAndQuotes() {
        Book book = read(FIXTURE, "hant");
        assertThat(book.metadata().language()).isEqualTo("zh-Hant");
        assertThat(book.metadata().title()).isEqualTo("軟件與信息");
        assertThat(((Block.Paragraph) book.chapters().get(0).blocks().get(0)).content().get(0))
                .isEqualTo(new Inline.Text("他說：“這個軟件的信息在"));
        assertThat(read(FIXTURE, "hant-hk").metadata().language()).isEqualTo("zh-Hant-HK");
    }

    @Test
    void aTraditionalTextBecomesSimplifiedAndASimplifiedOneStaysAsItIs() {
        Book simplified = read(Path.of("src/test/resources/articles/traditional.txt"), "hans");
        assertThat(simplified.metadata().language()).isEqualTo("zh-Hans");
        assertThat(simplified.metadata().title()).isEqualTo("台湾的山与海");
        Book unchanged = read(FIXTURE, "hans");
        assertThat(unchanged.metadata().title()).isEqualTo("软件与信息");
        assertThat(unchanged.chapters()).isEqualTo(Publisher.builder().source(FIXTURE).build().read().book().chapters());
    }

    @Test
    void regionalFormsFollowTheRegion() {
        String text = "为了里面的面条，着手";
        assertThat(ScriptConverter.to(ScriptConverter.Target.HANT, false).convert(text)).isEqualTo("爲了裏面的麪條，着手");
        assertThat(ScriptConverter.to(ScriptConverter.Target.HANT_TW, false).convert(text)).isEqualTo("為了裡面的麵條，著手");
        assertThat(ScriptConverter.to(ScriptConverter.Target.HANT_HK, false).convert(text)).isEqualTo("為了裏面的麪條，着手");
    }

    @Test
    void anUnknownScriptIsAnErrorNamingTheChoices() {
        assertThatThrownBy(() -> read(FIXTURE, "hant-cn")).isInstanceOf(BookException.class)
                .hasMessageContaining("script 'hant-cn' is not one of [hans, hant, hant-tw, hant-hk]");
    }
}
