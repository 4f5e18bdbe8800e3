package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain text as people have it: encodings, line ends, paragraph layouts. */
class SourceFormsTest {

    private static final String ARTICLE = "城市的早晨\n\n　　清晨六点，早市已经热闹起来。\n　　卖菜的人来自附近的村子。\n";

    @TempDir
    Path temp;

    private BookLoader.Loaded load(String name, byte[] bytes) throws IOException {
        return new BookLoader().load(Files.write(temp.resolve(name), bytes));
    }

    private static byte[] withBom(byte[] bom, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private static void assertArticle(Book book) {
        assertThat(book.metadata().title()).isEqualTo("城市的早晨");
        assertThat(book.chapters()).hasSize(1);
        assertThat(book.chapters().get(0).blocks()).hasSize(2);
    }

    @Test
    void utf8WithoutAndWithByteOrderMark() throws IOException {
        BookLoader.Loaded plain = load("plain.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
        BookLoader.Loaded bom = load("bom.txt", withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ARTICLE, StandardCharsets.UTF_8));
        assertArticle(plain.book());
        assertThat(bom.book().chapters()).isEqualTo(plain.book().chapters());
        assertThat(bom.book().metadata()).isEqualTo(plain.book().metadata());
        assertThat(plain.sources().get(0).encoding()).isEqualTo("UTF-8");
        assertThat(bom.sources().get(0).encoding()).isEqualTo("UTF-8 with BOM");
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        BookLoader.Loaded little = load("le.txt", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                ARTICLE, StandardCharsets.UTF_16LE));
        BookLoader.Loaded big = load("be.txt", withBom(new byte[] {(byte) 0xFE, (byte) 0xFF},
                ARTICLE, StandardCharsets.UTF_16BE));
        assertArticle(little.book());
        assertArticle(big.book());
        assertThat(little.sources().get(0).encoding()).isEqualTo("UTF-16LE");
        assertThat(big.sources().get(0).encoding()).isEqualTo("UTF-16BE");
    }

    @Test
    void gb18030IsDetectedWhenTheBytesAreNotUtf8() throws IOException {
        BookLoader.Loaded gb = load("gb.txt", ARTICLE.getBytes(Charset.forName("GB18030")));
        BookLoader.Loaded gbk = load("gbk.txt", ARTICLE.getBytes(Charset.forName("GBK")));
        assertArticle(gb.book());
        assertArticle(gbk.book());
        assertThat(gb.sources().get(0).encoding()).isEqualTo("GB18030");
        assertThat(gbk.sources().get(0).encoding()).isEqualTo("GB18030");
    }

    @Test
    void big5IsToldFromGb18030ByWhichReadingGivesCommonCharacters() throws IOException {
        String traditional = Files.readString(Path.of("src/test/resources/articles/traditional.txt"));
        BookLoader.Loaded big5 = load("big5.txt", traditional.getBytes(Charset.forName("Big5")));
        BookLoader.Loaded gb = load("gb-traditional.txt", traditional.getBytes(Charset.forName("GB18030")));
        BookLoader.Loaded utf8 = load("utf8.txt", traditional.getBytes(StandardCharsets.UTF_8));

        assertThat(big5.sources().get(0).encoding()).isEqualTo("Big5");
        assertThat(big5.sources().get(0).text()).isEqualTo(utf8.sources().get(0).text());
        assertThat(big5.book()).isEqualTo(utf8.book());
        assertThat(gb.sources().get(0).encoding()).isEqualTo("GB18030");
        assertThat(gb.book()).isEqualTo(utf8.book());
        for (String simplified : List.of(ARTICLE, "长江\n\n　　我们的国家有很多河流，长江是其中最长的一条。\n")) {
            BookLoader.Loaded gbSimplified = load("gb-simplified.txt", simplified.getBytes(Charset.forName("GBK")));
            assertThat(gbSimplified.sources().get(0).encoding()).isEqualTo("GB18030");
            assertThat(gbSimplified.sources().get(0).text()).isEqualTo(simplified);
        }
    }

    @Test
    void crlfAndCrLineEnds() throws IOException {
        Book lf = load("lf.txt", ARTICLE.getBytes(StandardCharsets.UTF_8)).book();
        Book crlf = load("crlf.txt", ARTICLE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)).book();
        Book cr = load("cr.txt", ARTICLE.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)).book();
        assertThat(crlf.chapters()).isEqualTo(lf.chapters());
        assertThat(cr.chapters()).isEqualTo(lf.chapters());
        assertThat(crlf.metadata()).isEqualTo(lf.metadata());
    }

    @Test
    void hardWrappedParagraphsSeparatedByBlankLines() throws IOException {
        String text = "山里的学校\n\n孩子们每天走两个小时的山路，\n来到这所只有一间教室的学校。\n\n"
                + "老师说，The road is long,\nbut they never miss a day.\n";
        Book book = load("wrapped.txt", text.getBytes(StandardCharsets.UTF_8)).book();
        Chapter chapter = book.chapters().get(0);
        assertThat(chapter.blocks()).extracting(b -> Inline.plainText(((Block.Paragraph) b).content()))
                .containsExactly("孩子们每天走两个小时的山路，来到这所只有一间教室的学校。",
                        "老师说，The road is long, but they never miss a day.");
    }

    @Test
    void oneParagraphPerLineWithoutIndent() throws IOException {
        String text = "山里的学校\n\n孩子们每天走两个小时的山路。\n来到这所只有一间教室的学校。\n老师每天等在门口。\n";
        Book book = load("lines.txt", text.getBytes(StandardCharsets.UTF_8)).book();
        assertThat(book.chapters().get(0).blocks()).hasSize(3);
    }
}
