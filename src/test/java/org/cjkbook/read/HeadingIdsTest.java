package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cjkbook.BookException;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids of headings and chapter titles, as Pandoc gives and makes them, and the links that lead to them. */
class HeadingIdsTest {

    private static final Path FILE = Path.of("src/test/resources/markdown/text.md");

    private static Book parse(String markdown) {
        return new MarkdownReader().read(FILE, markdown);
    }

    /** Every heading of the book, chapter titles included, as its text and id. */
    private static List<String> headings(Book book) {
        List<String> headings = new ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            if (chapter.hasTitle()) {
                headings.add(chapter.titleText() + " " + chapter.titleId());
            }
            new Walk() {
                @Override
                public void heading(Block.Heading heading) {
                    headings.add(Inline.plainText(heading.content()) + " " + heading.id());
                }
            }.blocks(chapter.blocks());
        }
        return headings;
    }

    @Test
    void attributesAreTakenOffTheHeadingAndItsIdKept() {
        Book book = parse("""
                # 第一章 总论 {#ch1}

                ## 第二节 {#sec2}

                ## 附录 {.unnumbered}

                ## 后记　{-}

                ## 注释 {#notes .unnumbered data-note="见 #别处"}

                设定 {#setext}
                ------
                """);

        assertThat(headings(book)).containsExactly("第一章 总论 ch1", "第二节 sec2", "附录 附录", "后记 后记",
                "注释 notes", "设定 setext");
    }

    @Test
    void bracesThatHoldNoAttributesStayText() {
        Book book = parse("# 集合{x}\n\n## 空的{}\n\n## 中间 {#a} 的括号\n");

        assertThat(headings(book)).containsExactly("集合{x} 集合x", "空的{} 空的", "中间 {#a} 的括号 中间-a-的括号");
    }

    @Test
    void aHeadingWithoutAnIdIsGivenOneMadeFromItsTextAsPandocMakesIt() {
        // The examples of Pandoc's manual, and Chinese ones.
        assertThat(Identifiers.fromText("Heading identifiers in HTML")).isEqualTo("heading-identifiers-in-html");
        assertThat(Identifiers.fromText("Maître d'hôtel")).isEqualTo("maître-dhôtel");
        assertThat(Identifiers.fromText("Dogs?--in my house?")).isEqualTo("dogs--in-my-house");
        assertThat(Identifiers.fromText("HTML, S5, or RTF?")).isEqualTo("html-s5-or-rtf");
        assertThat(Identifiers.fromText("3. Applications")).isEqualTo("applications");
        assertThat(Identifiers.fromText("33")).isEqualTo("section");
        assertThat(Identifiers.fromText("第二章 所有权")).isEqualTo("第二章-所有权");
        assertThat(Identifiers.fromText("第一回　甄士隐梦幻识通灵")).as("an ideographic space is a space")
                .isEqualTo("第一回-甄士隐梦幻识通灵");
        assertThat(Identifiers.fromText("栈（Stack）与堆（Heap）：《概论》")).isEqualTo("栈stack与堆heap概论");
        assertThat(Identifiers.fromText("2024年回顾")).isEqualTo("年回顾");
    }

    @Test
    void headingsOfTheSameTextGetNumberedIdsAfterTheFirst() {
        Book book = parse("# 第一章\n\n## 小结\n\n# 第二章\n\n## 小结\n\n> ## 小结\n\n## 小结-1 {#other}\n\n# ?\n\n# !\n");

        assertThat(headings(book)).containsExactly("第一章 第一章", "小结 小结", "第二章 第二章", "小结 小结-1",
                "小结 小结-2", "小结-1 other", "? section", "! section-1");
    }

    @Test
    void aMadeIdDoesNotTakeOneTheSourceGaveBefore() {
        Book book = parse("# 第一章 {#小结}\n\n## 小结\n");

        assertThat(headings(book)).containsExactly("第一章 小结", "小结 小结-1");
    }

    @Test
    void anIdGivenTwiceIsAnErrorNamingBothHeadings() {
        assertThatThrownBy(() -> parse("# 甲 {#same}\n\n正文。\n\n## 乙 {#same}\n"))
                .isInstanceOf(BookException.class)
                .hasMessage(FILE + ":5: #same is already the id of the heading at " + FILE + ":1");
        assertThatThrownBy(() -> parse("# 概述\n\n## 总览 {#概述}\n"))
                .hasMessage(FILE + ":3: #概述 is already the id of the heading 概述, made from its text");
    }

    @Test
    void aLinkToAnIdNoHeadingHasIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> parse("# 第一章\n\n正文，\n见[第九章](#ch9 \"page\")。\n"))
                .isInstanceOf(BookException.class)
                .hasMessage(FILE + ":4: link to #ch9: no heading has that id; give one with {#ch9} after its text");
    }

    @Test
    void linksIntoTheBookKeepTheirIdAndMayCiteThePage() {
        Book book = parse("# 第一章\n\n见[后文](#后文 \"page\")、[同上](#后文)和[网页](https://example.com \"page\")。\n\n"
                + "## 后文\n\n也见[第一章](#第一章 \"PAGE\")。\n");
        List<Inline.Link> links = new ArrayList<>();
        new Walk() {
            @Override
            public void link(Inline.Link link) {
                links.add(link);
            }
        }.book(book);

        assertThat(links).extracting(l -> l.href() + " " + l.citesPage())
                .containsExactly("#后文 true", "#后文 false", "https://example.com false", "#第一章 true");
    }

    @Test
    void aLinkMayLeadIntoALaterSourceAndIdsAreUniqueAcrossSources(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("book.yaml"), "sources: [a.md, b.txt, c.md]\n");
        Files.writeString(folder.resolve("a.md"), "# 第一章\n\n见[第三章](#第三章-终)。\n\n## 小结\n\n小结。\n");
        Files.writeString(folder.resolve("b.txt"), "第二章 中\n\n　　正文。\n\n第二回\n\n　　正文。\n");
        Files.writeString(folder.resolve("c.md"), "# 第三章 终\n\n## 小结\n\n小结。\n");

        Book book = new BookLoader().load(folder).book();

        assertThat(headings(book)).containsExactly("第一章 第一章", "小结 小结", "第二章\u3000中 第二章-中",
                "第二回 第二回", "第三章 终 第三章-终", "小结 小结-1");
    }

    @Test
    void aLinkToAnIdOfNoSourceIsAnErrorWhenTheBookIsRead(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("book.yaml"), "sources: [a.md, b.md]\n");
        Files.writeString(folder.resolve("a.md"), "# 第一章\n\n见[第三章](#第三章)。\n");
        Files.writeString(folder.resolve("b.md"), "# 第二章\n");

        assertThatThrownBy(() -> new BookLoader().load(folder))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(folder.resolve("a.md") + ":3: link to #第三章: no heading has that id");
    }

    @Test
    void chaptersAndHeadingsOfPlainTextHaveIdsMadeFromTheirText() {
        Book book = new ArticleReader().read(Path.of("a.txt"),
                "标题\n\n　　导语。\n\n一、总的要求\n\n　　正文。\n\n（一）具体要求\n\n　　正文。\n\n二、总的要求\n\n　　正文。\n");

        assertThat(headings(book)).containsExactly("一、总的要求 一总的要求", "（一）具体要求 一具体要求",
                "二、总的要求 二总的要求");
    }
}
