package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path folder;

    @Test
    void severalSourcesInOrderWithEveryDetectedFieldOverridden() throws IOException {
        Files.writeString(folder.resolve("一.txt"), "原来的标题\n\n　　第一篇的正文。\n");
        Files.writeString(folder.resolve("二.md"), "# 第二篇\n\n第二篇的正文。\n");
        Files.writeString(folder.resolve("book.yaml"), """
                sources: [一.txt, 二.md]
                title: 合集
                kicker: 引题
                subtitle: 副题
                column: 专栏
                language: zh-Hant
                identifier: urn:isbn:9787000000000
                date: 2025-10-21
                publisher: 某出版社
                rights: 版权所有
                description: 两篇文章
                source: 某报
                creators: [张三]
                contributors:
                  - {name: 李四, role: editor}
                page-size: A4
                formats: [pdf]
                """);

        BookLoader.Loaded loaded = new BookLoader().load(folder);
        Book book = loaded.book();

        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly(null, "第二篇");
        assertThat(book.chapters()).extracting(Chapter::id).containsExactly("chapter-1", "chapter-2");
        var m = book.metadata();
        assertThat(m.title()).isEqualTo("合集");
        assertThat(m.kicker()).isEqualTo("引题");
        assertThat(m.subtitle()).isEqualTo("副题");
        assertThat(m.column()).isEqualTo("专栏");
        assertThat(m.language()).isEqualTo("zh-Hant");
        assertThat(m.identifier()).isEqualTo("urn:isbn:9787000000000");
        assertThat(m.date()).isEqualTo("2025-10-21");
        assertThat(m.publisher()).isEqualTo("某出版社");
        assertThat(m.rights()).isEqualTo("版权所有");
        assertThat(m.description()).isEqualTo("两篇文章");
        assertThat(m.source()).isEqualTo("某报");
        assertThat(m.creators()).containsExactly(new Contributor("张三", Role.AUTHOR));
        assertThat(m.contributors()).containsExactly(new Contributor("李四", Role.EDITOR));
        assertThat(loaded.settings().pageSize()).isEqualTo("A4");
        assertThat(loaded.settings().formats()).containsExactly("pdf");
    }

    @Test
    void pageSizeAndEditionsReachTheBuild() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        Files.writeString(folder.resolve("book.yaml"), "page-size: B5\nformats: [pdf]\n");
        Path out = folder.resolve("out");

        Builds.Run run = Builds.cli("build", folder.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String name = folder.getFileName().toString();
        assertThat(Builds.filesUnder(out)).containsExactly(out.resolve(name + ".pdf"));
        try (PDDocument pdf = Loader.loadPDF(out.resolve(name + ".pdf").toFile())) {
            // ISO B5 is 176 × 250 mm.
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(176 * 72 / 25.4f,
                    org.assertj.core.data.Offset.offset(0.5f));
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(250 * 72 / 25.4f,
                    org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void anUnknownPageSizeIsAnError() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        Files.writeString(folder.resolve("book.yaml"), "page-size: A3\n");
        Builds.Run run = Builds.cli("inspect", folder.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("book.yaml: page-size 'A3' is not one of");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2024-13-45", "2023-02-29", "2024-00", "0000-1-1"})
    void aDateThatIsNoDayIsAnErrorNamingTheFileAndKey(String date) throws IOException {
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        Path settings = Files.writeString(folder.resolve("book.yaml"), "date: " + date + "\n");
        Path markdown = Files.writeString(folder.resolve("b.md"), "---\ndate: " + date + "\n---\n正文。\n");

        assertThatThrownBy(() -> new BookLoader().load(folder)).isInstanceOf(org.cjkbook.BookException.class)
                .hasMessage(settings.toAbsolutePath() + ": date '" + date
                        + "' is not a date written YYYY, YYYY-MM or YYYY-MM-DD");
        assertThatThrownBy(() -> new BookLoader().load(markdown)).hasMessageStartingWith(markdown + ": date '");
    }

    @Test
    void aSourceLineWithAnImpossibleDateGivesNoDate() {
        org.cjkbook.model.Book book = new ArticleReader().read(Path.of("a.txt"),
                "标题\n\n　　正文。\n\n《 人民日报 》（ 2025年13月45日 01 版）\n");

        assertThat(book.metadata().date()).isNull();
        assertThat(book.metadata().source()).contains("人民日报");
    }

    @Test
    void punctuationAndFigureNumbersTakeTheirOwnValuesOnly() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　他说\"好\"．\n");
        Path settings = Files.writeString(folder.resolve("book.yaml"), "punctuation: tidy\n");
        assertThatThrownBy(() -> new BookLoader().load(folder))
                .hasMessage(settings.toAbsolutePath() + ": punctuation 'tidy' is not one of keep, normalize");
        Files.writeString(settings, "figure-numbers: often\n");
        assertThatThrownBy(() -> new BookLoader().load(folder))
                .hasMessage(settings.toAbsolutePath() + ": 'figure-numbers' must be true or false, not 'often'");

        Files.writeString(settings, "punctuation: keep\nfigure-numbers: true\n");
        assertThat(new BookLoader().load(folder).punctuation()).isNull();
        BookLoader.Loaded cleaned = new BookLoader().load(folder, java.util.Map.of("punctuation", "normalize"));
        assertThat(cleaned.punctuation().quotesPaired()).isEqualTo(2);
        assertThat(org.cjkbook.model.Inline.plainText(
                ((org.cjkbook.model.Block.Paragraph) cleaned.book().chapters().get(0).blocks().get(0)).content()))
                .isEqualTo("他说“好”。");
    }

    @Test
    void editionListsAreCheckedWhereverTheyAreGiven() {
        assertThat(Settings.formats(List.of("pdf,epub", "PDF"), "--format")).containsExactly("pdf", "epub");
        assertThat(Settings.formats(List.of("epub"), "--format")).containsExactly("epub");
        assertThatThrownBy(() -> Settings.formats(List.of(","), "--format"))
                .hasMessageStartingWith("--format: an empty edition name in ','").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Settings.formats(List.of(), "--format")).hasMessage("--format: no edition named; give epub, pdf");
        assertThatThrownBy(() -> Settings.formats(List.of("epub", "mobi"), "--format"))
                .hasMessage("--format: 'mobi' is not one of [epub, pdf]");
    }
}
