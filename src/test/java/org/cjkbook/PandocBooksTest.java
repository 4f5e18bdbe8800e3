package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Books written the way Pandoc users write them: Pandoc's metadata names in front matter,
 * its {@code -M} and {@code --metadata-file} options, and a folder of chapter files.
 */
class PandocBooksTest {

    @TempDir
    Path temp;

    @Test
    void pandocFrontMatterReachesThePackageDocumentAndThePdf() throws IOException {
        Path book = Files.createDirectories(temp.resolve("诗"));
        ImageIO.write(new BufferedImage(320, 512, BufferedImage.TYPE_INT_RGB), "png", book.resolve("封面.png").toFile());
        Files.writeString(book.resolve("诗.md"), """
                ---
                title: 春江花月夜
                author:
                  - 张若虚
                  - 王一
                lang: zh-CN
                keywords: [唐诗, 乐府]
                cover-image: 封面.png
                rights: 版权所有，翻印必究
                identifier:
                  - scheme: ISBN-13
                    text: 978-7-02-000220-7
                abstract: 一首写春江月夜的长诗。
                ---

                # 春江花月夜

                春江潮水连海平，海上明月共潮生。
                """);
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", book.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path epub = out.resolve("诗.epub");
        String opf = new String(Builds.entries(epub).get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<dc:title id=\"title\">春江花月夜</dc:title>",
                "<dc:creator id=\"creator-1\">张若虚</dc:creator>", "<dc:creator id=\"creator-2\">王一</dc:creator>",
                "<dc:language>zh-Hans</dc:language>", "<dc:subject>唐诗</dc:subject>", "<dc:subject>乐府</dc:subject>",
                "<dc:rights>版权所有，翻印必究</dc:rights>",
                "<dc:identifier id=\"pub-id\">urn:isbn:978-7-02-000220-7</dc:identifier>",
                "<dc:description>一首写春江月夜的长诗。</dc:description>");
        assertThat(Builds.entries(epub).get("EPUB/images/cover.png"))
                .isEqualTo(Files.readAllBytes(book.resolve("封面.png")));
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("诗.pdf").toFile())) {
            PDDocumentInformation information = pdf.getDocumentInformation();
            assertThat(information.getTitle()).isEqualTo("春江花月夜");
            assertThat(information.getAuthor()).isEqualTo("张若虚\u3000王一");
            assertThat(information.getSubject()).isEqualTo("一首写春江月夜的长诗。");
            assertThat(information.getKeywords()).isEqualTo("唐诗, 乐府");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-Hans");
        }
    }

    @Test
    void aMistypedKeyIsAnErrorSuggestingTheNearestNameAndWritesNothing() throws IOException {
        Path source = Files.writeString(temp.resolve("文.md"), "---\nautor: 王一帆\n---\n\n正文。\n");
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cjkbook: " + source + ": unknown key 'autor'; did you mean 'author'?\n");
        assertThat(Builds.filesUnder(out)).isEmpty();
        Builds.Run given = Builds.cli("inspect", source.toString(), "-M", "lnag=zh-TW");
        assertThat(given.exitCode()).isEqualTo(1);
        assertThat(given.err()).contains(": unknown key 'lnag'; did you mean 'lang'?");
    }

    @Test
    void bothNamesOfOneFieldAreAnErrorNamingBoth() throws IOException {
        Path source = Files.writeString(temp.resolve("文.md"), "---\nauthor: 王一帆\ncreators: [张三]\n---\n\n正文。\n");

        Builds.Run run = Builds.cli("inspect", source.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cjkbook: " + source
                + ": 'author' and 'creators' both give the creators; keep one\n");
    }

    @Test
    void theCommandLineOverridesTheFrontMatterWhichOverridesTheMetadataFile() throws IOException {
        Path book = Files.createDirectories(temp.resolve("文"));
        Files.writeString(book.resolve("文.md"), """
                ---
                title: 文中的书名
                author: 张若虚
                lang: zh-CN
                rights: 文中的版权
                ---

                正文。
                """);
        Path metadata = Files.writeString(temp.resolve("metadata.yaml"), """
                title: 文件中的书名
                publisher: 某出版社
                rights: 文件中的版权
                keywords: [诗]
                toc: true
                """);

        Builds.Run run = Builds.cli("build", book.toString(), "-o", book.resolve("out").toString(), "--format",
                "epub", "--fonts", "fonts", "-M", "author=王一帆", "-M", "lang=zh-TW", "--metadata-file",
                metadata.toString(), "--metadata", "rights:命令行的版权");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(metadata + ": 'toc' is a Pandoc setting that cjkbook has no use for; ignored");
        Path epub = book.resolve("out/文.epub");
        String opf = new String(Builds.entries(epub).get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<dc:creator id=\"creator-1\">王一帆</dc:creator>", "<dc:language>zh-Hant-TW</dc:language>",
                "<dc:title id=\"title\">文中的书名</dc:title>", "<dc:publisher>某出版社</dc:publisher>",
                "<dc:subject>诗</dc:subject>", "<dc:rights>命令行的版权</dc:rights>")
                .doesNotContain("张若虚", "文件中的书名", "文中的版权");
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    @Test
    void pandocKeysThatCjkbookHasNoUseForAreIgnoredWithAWarning() throws IOException {
        Path source = Files.writeString(temp.resolve("文.md"), """
                ---
                title: 文章
                documentclass: ctexart
                geometry: margin=2cm
                CJKmainfont: Noto Serif CJK SC
                ---

                正文。
                """);

        Builds.Run run = Builds.cli("inspect", source.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"title\": \"文章\"");
        assertThat(run.err().lines()).containsExactly(
                "cjkbook: " + source + ": 'documentclass' is a Pandoc setting that cjkbook has no use for; ignored",
                "cjkbook: " + source + ": 'geometry' is a Pandoc setting that cjkbook has no use for; ignored",
                "cjkbook: " + source + ": 'CJKmainfont' is a Pandoc setting that cjkbook has no use for; ignored");
    }

    @Test
    void aFolderOfMarkdownFilesIsABookOfTheirChaptersInNaturalOrder() throws IOException {
        Path book = Files.createDirectories(temp.resolve("诗集"));
        Files.writeString(book.resolve("10.md"), "# 第十首\n\n第十首的正文。\n");
        Files.writeString(book.resolve("2.md"), "# 第二首\n\n第二首的正文。\n");
        Files.writeString(book.resolve("1.md"), "# 第一首\n\n第一首的正文。\n");
        Files.writeString(book.resolve("README.md"), "# 说明\n\n这个文件夹的说明。\n");
        Files.writeString(book.resolve(".草稿.md"), "# 草稿\n\n藏起来的草稿。\n");

        Builds.Run inspect = Builds.cli("inspect", book.toString());
        Path epub = Builds.epubOf(book);

        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("\"title\": \"诗集\"", "\"sources\": [\"1.md\", \"2.md\", \"10.md\"]");
        var entries = Builds.entries(epub);
        String opf = new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).containsSubsequence("<itemref idref=\"r-chapter-1-xhtml\"/>",
                "<itemref idref=\"r-chapter-2-xhtml\"/>", "<itemref idref=\"r-chapter-3-xhtml\"/>")
                .doesNotContain("chapter-4");
        List<String> chapters = List.of("第一首", "第二首", "第十首");
        for (int i = 0; i < chapters.size(); i++) {
            String document = new String(entries.get("EPUB/chapter-" + (i + 1) + ".xhtml"), StandardCharsets.UTF_8);
            assertThat(document).contains(">" + chapters.get(i) + "</h2>", chapters.get(i) + "的正文。");
        }
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    @Test
    void aFolderOfTextFilesIsABookOfTheirChaptersInNaturalOrder() throws IOException {
        Path book = Files.createDirectories(temp.resolve("小说"));
        Files.writeString(book.resolve("02-春天.txt"), "春天\n\n　　第二个文件的正文。\n");
        Files.writeString(book.resolve("10-尾声.txt"), "尾声\n\n　　最后一个文件的正文。\n");
        Files.writeString(book.resolve("01-开端.txt"), "第一章　开端\n\n　　第一个文件的正文。\n");

        Builds.Run run = Builds.cli("inspect", book.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"title\": \"小说\"",
                "\"sources\": [\"01-开端.txt\", \"02-春天.txt\", \"10-尾声.txt\"]")
                .containsSubsequence("{\"title\": \"第一章　开端\", \"paragraphs\": 1}",
                        "{\"title\": \"春天\", \"paragraphs\": 1}", "{\"title\": \"尾声\", \"paragraphs\": 1}");
    }

    @Test
    void markdownFilesMakeTheBookAndTextFilesBesideThemAreNamedInAWarning() throws IOException {
        Path book = Files.createDirectories(temp.resolve("书"));
        Files.writeString(book.resolve("1.md"), "# 第一章\n\n正文。\n");
        Files.writeString(book.resolve("笔记.txt"), "不是书的一部分。\n");

        Builds.Run run = Builds.cli("inspect", book.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"sources\": [\"1.md\"]");
        assertThat(run.err()).contains(book.toAbsolutePath() + ": the .md files make the book; left out: 笔记.txt");
    }
}
