package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cjkbook.Builds;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Role;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {

    private final ArticleReader reader = new ArticleReader();

    private Book read(String text) {
        return reader.read(Path.of("fixture.txt"), text);
    }

    private static List<String> titles(Book book) {
        return book.chapters().stream().map(Chapter::titleText).toList();
    }

    private static List<Long> paragraphCounts(Book book) {
        return book.chapters().stream()
                .map(c -> c.blocks().stream().filter(Block.Paragraph.class::isInstance).count()).toList();
    }

    private static List<String> paragraphs(Chapter chapter) {
        return chapter.blocks().stream().map(b -> Inline.plainText(((Block.Paragraph) b).content())).toList();
    }

    @Test
    void seedArticleHasTheStructureItsLayoutShows() {
        Book book = new BookLoader().load(Builds.SEED).book();

        assertThat(book.metadata().kicker()).isEqualTo("“不忘初心、牢记使命”主题教育");
        assertThat(book.metadata().title()).isEqualTo("永葆初心本色 践行使命担当");
        assertThat(book.metadata().column()).isEqualTo("辉煌历程");
        assertThat(book.metadata().subtitle()).isNull();
        assertThat(book.metadata().language()).isEqualTo("zh-Hans");
        assertThat(titles(book)).containsExactly(null, "以上率下、立根铸魂，补足精神之钙",
                "对准目标、从严从实，勇于自我革命", "初心永挚、行稳致远，永葆赤子之心");
        assertThat(paragraphCounts(book)).containsExactly(4L, 8L, 8L, 9L);
        assertThat(book.metadata().contributors()).containsExactly(
                new Contributor("张芳曼", Role.BOOK_DESIGNER), new Contributor("沈亦伶", Role.BOOK_DESIGNER));
        assertThat(book.metadata().creators()).isEmpty();
    }

    @Test
    void seedParagraphsAreTheSourceLinesWithoutTheirIndent() throws IOException {
        Book book = new BookLoader().load(Builds.SEED).book();
        List<String> lines = Files.readAllLines(Builds.SEED.resolve("article.txt"), StandardCharsets.UTF_8);
        List<String> indented = lines.stream().filter(l -> l.startsWith("\u3000\u3000"))
                .map(l -> l.substring(2)).toList();
        List<String> fromModel = new java.util.ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            if (chapter.hasTitle()) {
                fromModel.add(chapter.titleText());
            }
            fromModel.addAll(paragraphs(chapter));
        }
        // Every indented source line is a heading or a paragraph, in order, except the credit.
        assertThat(indented.get(indented.size() - 1)).startsWith("版式设计");
        assertThat(fromModel).isEqualTo(indented.subList(0, indented.size() - 1));
        assertThat(paragraphs(book.chapters().get(1))).contains("以上率下，步步深入。");
    }

    @Test
    void kickerEndingInAColonAndAFeatureSubtitle() {
        Book book = read("""
                聚焦乡村振兴：
                一座小城的十年
                ——来自山区县的调查

                　　第一段正文，讲述了很多事情。
                　　第二段正文。
                """);
        assertThat(book.metadata().kicker()).isEqualTo("聚焦乡村振兴");
        assertThat(book.metadata().title()).isEqualTo("一座小城的十年");
        assertThat(book.metadata().subtitle()).isEqualTo("来自山区县的调查");
        assertThat(paragraphCounts(book)).containsExactly(2L);
    }

    @Test
    void aLoneTitleWithAColumnAndAByline() {
        Book book = read("""
                把论文写在大地上（新时代新作为）
                本报记者　吴　凯  张芳曼

                　　正文的第一段。
                """);
        assertThat(book.metadata().kicker()).isNull();
        assertThat(book.metadata().title()).isEqualTo("把论文写在大地上");
        assertThat(book.metadata().column()).isEqualTo("新时代新作为");
        assertThat(book.metadata().creators()).extracting(Contributor::name).containsExactly("吴凯", "张芳曼");
        assertThat(book.metadata().creators()).extracting(Contributor::role).containsOnly(Role.AUTHOR);
    }

    @Test
    void shortLinesEndingASentenceStayParagraphs() {
        Book book = read("""
                标题

                　　第一段很长很长的正文，用来开头。
                　　小标题在这里
                　　短句也是段落。
                　　“引号里的短句！”
                　　最后一段正文。
                """);
        assertThat(titles(book)).containsExactly(null, "小标题在这里");
        assertThat(paragraphs(book.chapters().get(1)))
                .containsExactly("短句也是段落。", "“引号里的短句！”", "最后一段正文。");
    }

    @Test
    void trailerCreditsBecomeContributorsNotParagraphs() {
        Book book = read("""
                标题

                　　正文。
                　　（责任编辑：陈静）
                制图：李四
                《 人民日报 》（ 2025年10月21日 01 版）
                """);
        assertThat(paragraphCounts(book)).containsExactly(1L);
        assertThat(book.metadata().contributors()).containsExactly(
                new Contributor("陈静", Role.EDITOR), new Contributor("李四", Role.ILLUSTRATOR));
        assertThat(book.metadata().source()).isEqualTo("人民日报 2025年10月21日 01 版");
        assertThat(book.metadata().date()).isEqualTo("2025-10-21");
    }

    @Test
    void paragraphsSeparatedByBlankLinesJoinTheirWrappedLines() {
        Book book = read("""
                标题

                第一段的第一行，
                第一段的第二行。

                Second paragraph wraps
                here, with a space.
                """);
        assertThat(paragraphs(book.chapters().get(0)))
                .containsExactly("第一段的第一行，第一段的第二行。", "Second paragraph wraps here, with a space.");
    }

    private static Block.Verse verse(String... lines) {
        return new Block.Verse(java.util.Arrays.stream(lines)
                .map(l -> l.isEmpty() ? List.<Inline>of() : List.<Inline>of(new Inline.Text(l))).toList());
    }

    private static Block.Paragraph paragraph(String text) {
        return new Block.Paragraph(List.of(new Inline.Text(text)));
    }

    /**
     * A poem's lines are kept as verse; two short sentences of prose around it, a line
     * each, are built alike but for a clause a character shorter, and stay paragraphs.
     */
    @Test
    void aRunOfShortLinesOfOneBuildIsVerseAndANearMissStaysProse() {
        Book book = new BookLoader().load(Path.of("src/test/resources/articles/verse.txt")).book();

        assertThat(book.chapters()).hasSize(1);
        assertThat(book.chapters().get(0).blocks()).containsExactly(
                paragraph("前一段是正文，写山居的日子，话说得长一些，好让它像一段寻常的文字，而不像诗。"),
                paragraph("他在墙上写了四句："),
                verse("空山新雨后，天气晚来秋。", "明月松间照，清泉石上流。"),
                paragraph("写完，他把笔一扔，出门去了。"),
                paragraph("我们走了很久，终于到了山顶。"),
                paragraph("大家坐下来，歇了一会儿。"),
                paragraph("最后一段也是正文，说的是下山的事，也说得长一些，免得像诗。"));
    }

    /** Where blank lines separate paragraphs, a poem's stanzas are paragraphs of their own: one poem. */
    @Test
    void stanzasBetweenBlankLinesAreOnePoemAndWrappedProseIsJoined() {
        Book book = read("""
                标题

                这是第一段的头一行，
                在文件里折了行，读进来
                要连成一段。

                床前明月光，疑是地上霜。
                举头望明月，低头思故乡。

                白日依山尽，黄河入海流。
                欲穷千里目，更上一层楼。

                又是一段正文。
                """);
        assertThat(book.chapters().get(0).blocks()).containsExactly(
                paragraph("这是第一段的头一行，在文件里折了行，读进来要连成一段。"),
                verse("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。", "",
                        "白日依山尽，黄河入海流。", "欲穷千里目，更上一层楼。"),
                paragraph("又是一段正文。"));
    }

    /** Lines of a list or of dialogue, however short and alike, are no poem. */
    @Test
    void listItemsAndDialogueOfOneBuildStayParagraphs() {
        Book book = read("""
                标题

                　　第一，坚持党的领导；
                　　第二，坚持人民至上；
                　　他说：“山高，路远。”
                　　她说：“水深，天寒。”
                　　一字排开的四行，
                　　一字排开的四行，
                　　一字排开的四行。
                """);
        assertThat(book.chapters().get(0).blocks()).allMatch(Block.Paragraph.class::isInstance).hasSize(7);
    }

    @Test
    void bookChaptersKeepTheirNumberAndTitle() {
        Book book = read("""
                书名

                第一回  甄士隐梦幻识通灵
                    第一回的正文。
                    第四回中也提到此事，但这是正文。
                第二回　贾夫人仙逝扬州城
                    第二回的正文。
                """);
        assertThat(titles(book)).containsExactly("第一回\u3000甄士隐梦幻识通灵", "第二回\u3000贾夫人仙逝扬州城");
        assertThat(paragraphCounts(book)).containsExactly(2L, 1L);
    }

    @Test
    void crlfLineEndsReadLikeLf() {
        Book unix = read("标题\n\n　　第一段。\n　　小节\n　　第二段。\n");
        Book windows = read("标题\r\n\r\n　　第一段。\r\n　　小节\r\n　　第二段。\r\n");
        assertThat(windows).isEqualTo(unix);
    }
}
