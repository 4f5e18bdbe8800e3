package org.cjkbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineBreaksTest {

    /** The text cut at every break opportunity, with | between the pieces. */
    private static String pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int next = LineBreaks.next(text, 0); next > 0; next = LineBreaks.next(text, next)) {
            pieces.add(text.substring(start, next));
            start = next;
        }
        pieces.add(text.substring(start));
        return String.join("|", pieces);
    }

    @Test
    void hanTextBreaksBetweenAnyTwoCharacters() {
        assertThat(pieces("不忘初心")).isEqualTo("不|忘|初|心");
    }

    @Test
    void closingMarksStayWithTheCharacterBefore() {
        assertThat(pieces("初心，使命。")).isEqualTo("初|心，|使|命。");
        assertThat(pieces("说：“好！”他")).isEqualTo("说：|“好！”|他");
    }

    @Test
    void openingMarksStayWithTheCharacterAfter() {
        assertThat(pieces("读《红楼梦》")).isEqualTo("读|《红|楼|梦》");
    }

    @Test
    void dashesAndEllipsesAreNeitherSplitNorStartALine() {
        assertThat(pieces("工作——北京")).isEqualTo("工|作——|北|京");
        assertThat(pieces("改革……")).isEqualTo("改|革……");
    }

    @Test
    void numbersAndLatinWordsStayWhole() {
        assertThat(pieces("约9000人")).isEqualTo("约|9000|人");
        assertThat(pieces("下降69％")).isEqualTo("下|降|69％");
        assertThat(pieces("圆周率3.14")).isEqualTo("圆|周|率|3.14");
        assertThat(pieces("the road is long")).isEqualTo("the |road |is |long");
    }

    @Test
    void straightQuotesKeepToBothNeighbours() {
        assertThat(pieces("云云．\"故曰")).isEqualTo("云|云．\"故|曰");
    }

    @Test
    void urlsBreakAfterTheirSeparatorsButNumbersStayWhole() {
        assertThat(pieces("https://doc.rust-lang.org/ch04_01.html?a=1&b=2"))
                .isEqualTo("https://|doc.|rust-|lang.|org/|ch04_|01.|html?|a=1&|b=2");
        assertThat(pieces("v3.14")).isEqualTo("v3.14");
    }
}
