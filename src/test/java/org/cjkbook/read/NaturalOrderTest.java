package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder::compare);
        return list;
    }

    @Test
    void digitRunsCompareAsNumbers() {
        assertThat(sorted("10.md", "2.md", "1.md")).containsExactly("1.md", "2.md", "10.md");
        assertThat(sorted("第10章.md", "第2章.md", "第1章.md")).containsExactly("第1章.md", "第2章.md", "第10章.md");
        assertThat(sorted("卷2-1.md", "卷1-10.md", "卷1-2.md")).containsExactly("卷1-2.md", "卷1-10.md", "卷2-1.md");
    }

    @Test
    void numberedNamesKeepTheirNumbersOrderWhateverTheirWords() {
        assertThat(sorted("10-后记.md", "02-第一章.md", "3-第二章.md", "01-前言.md"))
                .containsExactly("01-前言.md", "02-第一章.md", "3-第二章.md", "10-后记.md");
    }

    @Test
    void theRestComparesByCodePoint() {
        assertThat(sorted("b.md", "a.md", "B.md", "乙.md", "甲.md", "𠀀.md"))
                .containsExactly("B.md", "a.md", "b.md", "乙.md", "甲.md", "𠀀.md");
        assertThat(sorted("1a.md", "1.md")).containsExactly("1.md", "1a.md");
    }

    @Test
    void numbersLongerThanAnyIntegerAndLeadingZerosStillHaveAnOrder() {
        assertThat(sorted("100000000000000000000.md", "99999999999999999999.md"))
                .containsExactly("99999999999999999999.md", "100000000000000000000.md");
        assertThat(sorted("1.md", "001.md", "01.md")).containsExactly("001.md", "01.md", "1.md");
    }
}
