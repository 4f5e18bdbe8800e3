package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Inline;
import org.junit.jupiter.api.Test;

/** Both readers join a paragraph's wrapped lines by the same rule. */
class EastAsianLineBreaksTest {

    /** Wrapped lines and what a reader reads: no space between wide characters, one elsewhere. */
    private static final List<String[]> CASES = List.of(
            new String[] {"中文的句子\n在这里接着写。", "中文的句子在这里接着写。"},
            new String[] {"English words\nwrap with a space.", "English words wrap with a space."},
            new String[] {"中文与\nEnglish相接。", "中文与 English相接。"},
            new String[] {"引号“前后\n”不加空格。", "引号“前后”不加空格。"},
            new String[] {"片假名的长音カー\nド不加空格。", "片假名的长音カード不加空格。"},
            new String[] {"中点・\n后面也不加。", "中点・后面也不加。"},
            new String[] {"全角数字１\n２相连。", "全角数字１２相连。"});

    @Test
    void theRuleItself() {
        for (String[] c : CASES) {
            String[] lines = c[0].split("\n");
            assertThat(EastAsianLineBreaks.join(lines[0], lines[1])).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(EastAsianLineBreaks.whitespace("  ", '中', '文')).isEqualTo(" ");
        assertThat(EastAsianLineBreaks.whitespace("\r\n", '中', -1)).isEqualTo(" ");
    }

    @Test
    void plainTextAndMarkdownReadersJoinWrappedLinesAlike() {
        for (String[] c : CASES) {
            // Long enough to be a paragraph, never a heading, to the plain-text reader.
            String text = "标题\n\n　　开头的一段。\n\n这一段很长，写到行尾才换行，所以它的下一行接着它读：" + c[0]
                    + "\n\n另一段。\n";
            String article = paragraph(new ArticleReader().read(Path.of("case.txt"), text).chapters().get(0).blocks());
            String markdown = paragraph(new MarkdownReader().read(Path.of("case.md"), c[0] + "\n").chapters().get(0)
                    .blocks());
            assertThat(article).as("plain text: " + c[0]).isEqualTo("这一段很长，写到行尾才换行，所以它的下一行接着它读：" + c[1]);
            assertThat(markdown).as("Markdown: " + c[0]).isEqualTo(c[1]);
        }
    }

    /** The paragraph that holds the wrapped lines: the first one not written for the article reader alone. */
    private static String paragraph(List<Block> blocks) {
        return blocks.stream().map(b -> Inline.plainText(((Block.Paragraph) b).content()))
                .filter(text -> !text.equals("开头的一段。")).findFirst().orElseThrow();
    }
}
