package org.cjkbook.xhtml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class XmlIdsTest {

    @Test
    void anIdThatIsAnXmlNameIsWrittenAsItIs() {
        assertThat(List.of("sec2", "第二章-所有权", "maître-dhôtel", "a.b-c_d", "㐀"))
                .allSatisfy(id -> assertThat(XmlIds.of(id)).isEqualTo(id));
    }

    @Test
    void anIdThatIsNoXmlNameOrLooksLikeAnEditionsOwnIsWrittenAfterAnUnderscore() {
        assertThat(XmlIds.of("1-appendix")).isEqualTo("_1-appendix");
        assertThat(XmlIds.of("x:y")).isEqualTo("_x_3a_y");
        assertThat(XmlIds.of("a b")).isEqualTo("_a_20_b");
        assertThat(XmlIds.of("chapter-2")).isEqualTo("_chapter-2");
        assertThat(XmlIds.of("page-12")).isEqualTo("_page-12");
        assertThat(XmlIds.of("toc")).isEqualTo("_toc");
        assertThat(XmlIds.of("_x")).isEqualTo("__5f_x");
    }

    @Test
    void noTwoIdsAreWrittenAlike() {
        List<String> ids = List.of("x", "_x", "__5f_x", "_5f_x", "5f_x", "x:y", "_x_3a_y", "x_3a_y", "chapter-1",
                "_chapter-1", "a b", "a_20_b");

        assertThat(ids.stream().map(XmlIds::of).distinct()).hasSameSizeAs(ids);
    }
}
