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

        assertThat(book.chapters()).extracting(Chapter::titleText)
                .as("in a book of several sources, a text's own title is its chapter's").containsExactly("原来的标题", "第二篇");
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
        BookLoader.Loaded cleaned = new BookLoader().load(folder, null, java.util.Map.of("punctuation", "normalize"));
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "zh-CN, zh-Hans", "zh_cn, zh-Hans", "zh-SG, zh-Hans", "zh-TW, zh-Hant-TW", "zh-HK, zh-Hant-HK",
            "zh-MO, zh-Hant-MO", "zh-hant, zh-Hant", "zh-Hant-TW, zh-Hant-TW", "en-us, en-US"})
    void aLanguageNamedByItsRegionIsReadAsItsScript(String given, String read) throws IOException {
        Path text = Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        assertThat(new BookLoader().load(text, null, java.util.Map.of("lang", given)).book().metadata().language())
                .isEqualTo(read);
        assertThat(new BookLoader().load(text, null, java.util.Map.of("language", given)).book().metadata()
                .language()).isEqualTo(read);
    }

    @Test
    void aBareChineseTagLeavesTheScriptToTheText() throws IOException {
        Path text = Files.writeString(folder.resolve("a.md"), "---\nlang: zh\n---\n\n這們說話的時候。\n");
        assertThat(new BookLoader().load(text).book().metadata().language()).isEqualTo("zh-Hant");
    }

    @Test
    void pandocsCreatorsTitlesAndIdentifiersAreRead() throws IOException {
        Path text = Files.writeString(folder.resolve("a.md"), """
                ---
                title:
                  - {type: main, text: 书名}
                  - {type: subtitle, text: 副题}
                  - {type: collection, text: 丛书}
                creator:
                  - {role: aut, text: 甲, file-as: 甲}
                  - {role: trl, text: 乙}
                contributor:
                  - {role: edt, text: 丙}
                  - {role: ill, text: 丁}
                subject: 历史
                identifier:
                  - {scheme: DOI, text: 10.1000/182}
                  - {scheme: ISBN-13, text: 978-7-02-000220-7}
                ---

                正文。
                """);

        BookLoader.Loaded loaded = new BookLoader().load(text);

        var m = loaded.book().metadata();
        assertThat(m.title()).isEqualTo("书名");
        assertThat(m.subtitle()).isEqualTo("副题");
        assertThat(m.column()).isEqualTo("丛书");
        assertThat(m.creators()).containsExactly(new Contributor("甲", Role.AUTHOR), new Contributor("乙", Role.TRANSLATOR));
        assertThat(m.contributors()).containsExactly(new Contributor("丙", Role.EDITOR),
                new Contributor("丁", Role.ILLUSTRATOR));
        assertThat(m.subjects()).containsExactly("历史");
        assertThat(m.identifier()).isEqualTo("doi:10.1000/182");
        assertThat(loaded.warnings()).containsExactly(text.toAbsolutePath()
                + ": identifier: a book carries one identifier, doi:10.1000/182; left out: urn:isbn:978-7-02-000220-7");
    }

    @Test
    void theMavenPluginsMetadataTakesPandocsNamesToo() throws IOException {
        Path text = Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");

        var book = org.cjkbook.Publisher.builder().source(text).set("author", List.of("甲", "乙"))
                .set("keywords", "历史").set("abstract", "简介").build().read().book();

        assertThat(book.metadata().creators()).extracting(Contributor::name).containsExactly("甲", "乙");
        assertThat(book.metadata().subjects()).containsExactly("历史");
        assertThat(book.metadata().description()).isEqualTo("简介");
    }

    @Test
    void aRoleOutsideTheModelsIsAnErrorListingThem() throws IOException {
        Path text = Files.writeString(folder.resolve("a.md"), "---\ncreator: [{role: nrt, text: 甲}]\n---\n正文\n");
        assertThatThrownBy(() -> new BookLoader().load(text)).hasMessageStartingWith(text.toAbsolutePath()
                + ": creator.role 'nrt' is not one of [author (aut), editor (edt)");
    }

    @Test
    void frontMatterMayHoldBookSettingsButNotTheSources() throws IOException {
        Path text = Files.writeString(folder.resolve("a.md"), "---\npage-size: B5\nformats: [pdf]\n---\n正文\n");
        BookLoader.Loaded loaded = new BookLoader().load(text);
        assertThat(loaded.settings().pageSize()).isEqualTo("B5");
        assertThat(loaded.settings().formats()).containsExactly("pdf");
        Path listing = Files.writeString(folder.resolve("b.md"), "---\nsources: [a.md]\n---\n正文\n");
        assertThatThrownBy(() -> new BookLoader().load(listing))
                .hasMessage(listing.toAbsolutePath() + ": 'sources' is for book.yaml, not front matter");
    }
}
