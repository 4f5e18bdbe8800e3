package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
