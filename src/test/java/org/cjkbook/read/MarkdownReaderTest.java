package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.cjkbook.BookException;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.NodeKinds;
import org.cjkbook.model.Walk;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/markdown");
    private static final String DOT = FIXTURES.resolve("img/dot.png").toAbsolutePath().normalize().toString();

    private final MarkdownReader reader = new MarkdownReader();

    private Book read(String name) throws IOException {
        Path file = FIXTURES.resolve(name);
        return reader.read(file, Files.readString(file));
    }

    private Book parse(String markdown) {
        return reader.read(FIXTURES.resolve("text.md"), markdown);
    }

    private static Inline.Text text(String text) {
        return new Inline.Text(text);
    }

    private static Block.Paragraph paragraph(Inline... content) {
        return new Block.Paragraph(List.of(content));
    }

    private static Block.Paragraph paragraph(String text) {
        return paragraph(text(text));
    }

    // ---- front matter

    @Test
    void frontMatterGivesTheMetadata() throws IOException {
        Book book = read("front-matter.md");

        assertThat(book.metadata().title()).isEqualTo("春天的故事");
        assertThat(book.metadata().subtitle()).isEqualTo("一篇测试文章");
        assertThat(book.metadata().date()).as("a date stays as written").isEqualTo("2024-05-01");
        assertThat(book.metadata().language()).isEqualTo("zh-Hans");
        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly("第一章");
        assertThat(book.chapters().get(0).blocks()).containsExactly(paragraph("正文从第七行开始。"));
    }

    @Test
    void bodyLinesAreCountedFromTheStartOfTheFileWhenThereIsFrontMatter() {
        String markdown = "---\ntitle: 标题\nsubtitle: 副标题\n---\n\n正文。\n\n![缺](none.png)\n";

        assertThatThrownBy(() -> parse(markdown))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(FIXTURES.resolve("text.md") + ":8: image none.png not found");
    }

    @Test
    void frontMatterWithWindowsLineEndsKeepsLineNumbers() {
        String markdown = "---\r\ntitle: 标题\r\n---\r\n![缺](none.png)\r\n";

        assertThatThrownBy(() -> parse(markdown)).hasMessageContaining("text.md:4: image none.png");
    }

    @Test
    void yamlSyntaxErrorNamesTheFileLineInOneLine() {
        assertThatThrownBy(() -> read("bad-yaml.md"))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(FIXTURES.resolve("bad-yaml.md") + ":3: not valid YAML: ")
                .hasMessageContaining("mapping values are not allowed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void frontMatterThatIsNotAMapIsAnError() {
        assertThatThrownBy(() -> read("list-yaml.md"))
                .isInstanceOf(BookException.class)
                .hasMessage(FIXTURES.resolve("list-yaml.md") + ":2: settings must be a map of keys, not a list");
    }

    @Test
    void unknownFrontMatterKeyIsAnError() {
        assertThatThrownBy(() -> parse("---\nauthour: 某人\n---\n正文\n"))
                .isInstanceOf(BookException.class)
                .hasMessageContaining("unknown key 'authour'");
    }

    @Test
    void openingThematicBreakFollowedByABlankLineIsNotFrontMatter() {
        Book book = parse("---\n\n正文。\n");

        assertThat(book.chapters().get(0).blocks()).containsExactly(new Block.Break(), paragraph("正文。"));
    }

    // ---- chapters and title

    @Test
    void levelOneHeadingsStartChaptersAfterAnUntitledOpening() throws IOException {
        Book book = read("chapters.md");

        assertThat(book.chapters()).extracting(Chapter::id).containsExactly("chapter-1", "chapter-2", "chapter-3");
        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly(null, "第一章　出发", "第二章　到达");
        assertThat(book.chapters().get(0).blocks()).containsExactly(paragraph("这是开篇的话，写在第一个一级标题之前。"));
        assertThat(book.chapters().get(1).blocks()).containsExactly(
                paragraph("出发前的准备。"),
                new Block.Heading(2, List.of(text("行李")), "行李"),
                new Block.Heading(3, List.of(text("衣物")), "衣物"),
                new Block.Heading(6, List.of(text("很深的标题")), "很深的标题"));
        assertThat(book.metadata().title()).as("an opening comes first, so the file names the book")
                .isEqualTo("chapters");
    }

    @Test
    void withoutLevelOneHeadingsTheShallowestLevelStartsChapters() throws IOException {
        Book book = read("shallowest.md");

        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly("上篇", "下篇");
        assertThat(book.chapters().get(0).blocks()).containsExactly(
                paragraph("上篇的正文。"),
                new Block.Heading(2, List.of(text("上篇第一节")), "上篇第一节"),
                new Block.Heading(3, List.of(text("更细的一点")), "更细的一点"));
        assertThat(book.metadata().title()).as("two chapter headings, neither is the book's title")
                .isEqualTo("shallowest");
    }

    @Test
    void headingShallowerThanTheChaptersInsideAQuoteStaysAtLevelTwo() {
        Book book = parse("## 章\n\n> # 引用里的标题\n");

        assertThat(book.chapters().get(0).blocks()).containsExactly(
                new Block.Quote(List.of(new Block.Heading(2, List.of(text("引用里的标题")), "引用里的标题"))));
    }

    @Test
    void soleHeadingThatOpensTheDocumentTitlesTheBookAndItsChapter() throws IOException {
        Book book = read("single-heading.md");

        assertThat(book.metadata().title()).isEqualTo("唯一的标题");
        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly("唯一的标题");
        assertThat(book.chapters().get(0).blocks()).contains(new Block.Heading(2, List.of(text("一节")), "一节"));
    }

    @Test
    void frontMatterTitleWinsOverTheHeading() {
        Book book = parse("---\ntitle: 设定的标题\n---\n# 标题\n\n正文\n");

        assertThat(book.metadata().title()).isEqualTo("设定的标题");
        assertThat(book.chapters().get(0).titleText()).isEqualTo("标题");
    }

    @Test
    void documentWithoutHeadingsIsOneUntitledChapterNamedAfterTheFile() {
        Book book = parse("只有一段话。\n");

        assertThat(book.metadata().title()).isEqualTo("text");
        assertThat(book.chapters()).hasSize(1);
        assertThat(book.chapters().get(0).hasTitle()).isFalse();
        assertThat(book.chapters().get(0).id()).isEqualTo("chapter-1");
    }

    @Test
    void emptyDocumentGivesABookWithoutChapters() {
        assertThat(parse("").chapters()).isEmpty();
        assertThat(parse(" \n\n<!-- 只有注释 -->\n").chapters()).isEmpty();
        Book titled = parse("---\ntitle: 空的书\n---\n\n");
        assertThat(titled.metadata().title()).isEqualTo("空的书");
        assertThat(titled.chapters()).isEmpty();
    }

    // ---- inlines

    @Test
    void inlineMarkupBecomesEmphasisStrongLinkAndCode() throws IOException {
        List<Block> blocks = read("inlines.md").chapters().get(0).blocks();

        assertThat(blocks.get(0)).isEqualTo(paragraph(
                text("这里有"), new Inline.Emphasis(List.of(text("强调"))),
                text("，有"), new Inline.Strong(List.of(text("加粗"))),
                text("，有"), new Inline.Link("https://example.com/路径", List.of(text("链接"))),
                text("，还有"), new Inline.Code("代码"), text("。")));
        assertThat(blocks.get(1)).isEqualTo(paragraph(text("第一行"), new Inline.LineBreak(), text("第二行是硬换行。")));
    }

    @Test
    void lineBreakBetweenHanCharactersDisappearsAndOtherwiseBecomesASpace() throws IOException {
        List<Block> blocks = read("inlines.md").chapters().get(0).blocks();

        assertThat(blocks.subList(2, 6)).containsExactly(
                paragraph("中文的第一行接着第二行，两行之间不该有空格。"),
                paragraph("English words on two lines become one space."),
                paragraph("中文结尾 Latin start becomes a space."),
                paragraph("句号。“引号开头”也合在一起。"));
        assertThat(blocks.get(6)).as("the character before the break may sit inside emphasis")
                .isEqualTo(paragraph(new Inline.Emphasis(List.of(text("强调结尾"))), text("接着中文也合在一起。")));
    }

    @Test
    void lineBreakRuleKnowsKanaHangulAndHanExtensions() {
        assertThat(parse("かな\nカナ\n한글\n𠀀字\nx").chapters().get(0).blocks())
                .containsExactly(paragraph("かなカナ한글𠀀字 x"));
    }

    @Test
    void inlineHtmlTagsAreDroppedAndTheirTextKeptInOneText() throws IOException {
        List<Block> blocks = read("inlines.md").chapters().get(0).blocks();

        assertThat(blocks.get(7)).isEqualTo(paragraph("标签里的字保留。"));
    }

    @Test
    void htmlLineBreakTagIsALineBreak() {
        assertThat(parse("上<br>下\n").chapters().get(0).blocks())
                .containsExactly(paragraph(text("上"), new Inline.LineBreak(), text("下")));
    }

    // ---- blocks

    @Test
    void blocksBecomeCodeListsQuotesBreaksAndTables() throws IOException {
        List<Block> blocks = read("blocks.md").chapters().get(0).blocks();

        assertThat(blocks).containsExactly(
                new Block.CodeBlock("python", "print(\"你好\")"),
                new Block.CodeBlock(null, "缩进的代码\n第二行"),
                new Block.ListBlock(false, 1, List.of(List.of(paragraph("苹果")), List.of(paragraph("香蕉")))),
                new Block.ListBlock(true, 3, List.of(List.of(paragraph("第三")), List.of(paragraph("第四")))),
                new Block.ListBlock(true, 1,
                        List.of(List.of(paragraph("松散的一项")), List.of(paragraph("松散的第二项")))),
                new Block.Quote(List.of(paragraph("引用的话。"), paragraph("第二段引用。"))),
                new Block.Break(),
                new Block.Table(
                        List.of(Block.Alignment.LEFT, Block.Alignment.CENTER, Block.Alignment.RIGHT, Block.Alignment.NONE),
                        List.of(List.of(text("左对齐")), List.of(text("居中")), List.of(text("右对齐")), List.of(text("默认"))),
                        List.of(
                                List.of(List.of(text("甲")), List.of(new Inline.Strong(List.of(text("乙")))),
                                        List.of(text("丙")), List.of(text("丁"))),
                                List.of(List.of(text("一")), List.of(text("二")), List.of(), List.of()))));
    }

    @Test
    void lineBlocksBecomeVerseWithTheirIndentsStanzasAndInlineMarkup() throws IOException {
        List<Block> blocks = read("verse.md").chapters().get(0).blocks();

        assertThat(blocks).containsExactly(
                new Block.Verse(List.of(
                        List.of(text("床前明月光，")),
                        List.of(text("\u00A0\u00A0\u00A0\u00A0疑是地上霜。")),
                        List.of(),
                        List.of(text("举头望"), new Inline.Emphasis(List.of(text("明月"))), text("，低头思故乡。")))),
                new Block.Table(List.of(Block.Alignment.NONE, Block.Alignment.NONE),
                        List.of(List.of(text("诗")), List.of(text("表"))),
                        List.of(List.of(List.of(text("一")), List.of(text("二"))))),
                paragraph("|竖线后没有空格，是一段文字。"));
    }

    @Test
    void aLineFollowedByADelimiterRowHeadsATableAndEndsTheLineBlock() {
        assertThat(parse("> | 诗行，\n> | 甲 | 乙 |\n> |---|---|\n> | 一 | 二 |\n").chapters().get(0).blocks())
                .containsExactly(new Block.Quote(List.of(
                        new Block.Verse(List.of(List.of(text("诗行，")))),
                        new Block.Table(List.of(Block.Alignment.NONE, Block.Alignment.NONE),
                                List.of(List.of(text("甲")), List.of(text("乙"))),
                                List.of(List.of(List.of(text("一")), List.of(text("二"))))))));
    }

    @Test
    void aLineBlockDoesNotInterruptAParagraph() {
        assertThat(parse("一段文字，\n| 接着写。\n").chapters().get(0).blocks())
                .containsExactly(paragraph("一段文字， | 接着写。"));
    }

    @Test
    void codeBlockLanguageStopsAtAComma() {
        assertThat(parse("```rust,ignore\nlet s = 1;\n```\n").chapters().get(0).blocks())
                .containsExactly(new Block.CodeBlock("rust", "let s = 1;"));
    }

    @Test
    void tableRowWithMoreCellsThanTheHeaderIsAnError() {
        assertThatThrownBy(() -> parse("| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n| 三 | 四 | 五 |\n"))
                .isInstanceOf(BookException.class)
                .hasMessageContaining("text.md:4: table row has more cells")
                .hasMessageContaining("五");
    }

    // ---- footnotes

    @Test
    void footnotesAreCarriedWhereTheyAreReferenced() throws IOException {
        List<Block> blocks = read("footnotes.md").chapters().get(0).blocks();
        Inline.Note note = new Inline.Note(List.of(paragraph(
                text("脚注的"), new Inline.Emphasis(List.of(text("内容"))), text("。"))));

        assertThat(blocks).containsExactly(paragraph(
                text("正文有一个脚注"), note, text("，一个未定义的[^nope]，再用一次"), note, text("。")));
    }

    @Test
    void footnoteThatRefersToItselfStaysAsWritten() {
        Book book = parse("正文[^a]\n\n[^a]: 注里又引用[^a]\n");

        assertThat(book.chapters().get(0).blocks()).containsExactly(paragraph(
                text("正文"), new Inline.Note(List.of(paragraph("注里又引用[^a]")))));
    }

    // ---- images and HTML blocks

    @Test
    void anImageAloneIsAFigureCaptionedByItsTextAndAnImageInTextStaysInItsLine() throws IOException {
        List<Block> blocks = read("images.md").chapters().get(0).blocks();

        assertThat(blocks).containsExactly(
                new Block.Image(DOT, "一个点", "一个点", false),
                paragraph(text("图片前的文字 "), new Inline.Image(DOT, "行内的点", false), text(" 图片后的文字。")),
                new Block.Image(DOT, "多行的替代文字", null, false),
                paragraph("HTML 块里的文字"));
        assertThat(Path.of(DOT)).isAbsolute().exists();
    }

    @Test
    void imagesWithoutTextBetweenThemAreBlocksWithoutCaptions() {
        assertThat(parse("![甲](img/dot.png)\n![乙](img/dot.png)\n").chapters().get(0).blocks()).containsExactly(
                new Block.Image(DOT, "甲", null, false), new Block.Image(DOT, "乙", null, false));
    }

    @Test
    void imagesInsideLinksAndHtmlStayInTheirLine() {
        Book book = parse("看[这里 ![点](img/dot.png)](https://example.com)，<img src=\"img/dot.png\" alt=\"又一点\">。\n");

        assertThat(book.chapters().get(0).blocks()).containsExactly(paragraph(text("看"),
                new Inline.Link("https://example.com", List.of(text("这里 "), new Inline.Image(DOT, "点", false))),
                text("，"), new Inline.Image(DOT, "又一点", false), text("。")));
    }

    @Test
    void imagesInHeadingsAndCellsFollowThem() {
        List<Block> blocks = parse("# 章\n\n## 标题![点](img/dot.png)\n\n| 甲 |\n|---|\n| ![格](img/dot.png) |\n")
                .chapters().get(0).blocks();

        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(1)).isEqualTo(new Block.Image(DOT, "点", null, false));
        assertThat(blocks.get(3)).isEqualTo(new Block.Image(DOT, "格", null, false));
    }

    @Test
    void imageWithoutTextAlternativeIsAnErrorUnlessMarkedDecorative() {
        assertThatThrownBy(() -> parse("正文。\n\n![](img/dot.png)\n"))
                .isInstanceOf(BookException.class)
                .hasMessageContaining(":3: image img/dot.png has no text alternative");
        assertThatThrownBy(() -> parse("<img src=\"img/dot.png\">\n"))
                .isInstanceOf(BookException.class)
                .hasMessageContaining(":1: image img/dot.png has no alt attribute");

        assertThat(parse("![](img/dot.png \"decorative\")\n").chapters().get(0).blocks())
                .containsExactly(new Block.Image(DOT, "", null, true));
        assertThat(parse("<img src=\"img/dot.png\" alt=\"\">\n").chapters().get(0).blocks())
                .containsExactly(new Block.Image(DOT, "", null, true));
    }

    @Test
    void missingImageIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> read("missing-image.md"))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(FIXTURES.resolve("missing-image.md") + ":6: image img/none.png not found");
    }

    @Test
    void remoteImageIsAnError() {
        assertThatThrownBy(() -> read("remote-image.md"))
                .isInstanceOf(BookException.class)
                .hasMessageStartingWith(FIXTURES.resolve("remote-image.md")
                        + ":3: image https://example.com/a.png not found");
    }

    @Test
    void missingImageInAnHtmlBlockNamesTheLineOfItsTag() {
        assertThatThrownBy(() -> parse("正文\n\n<p>\n说明\n<img alt=\"缺\"\n src=\"none.svg\">\n</p>\n"))
                .hasMessageStartingWith(FIXTURES.resolve("text.md") + ":5: image none.svg not found");
    }

    // ---- the fixture that uses everything

    @Test
    void allElementsFixtureUsesEveryElement() throws IOException {
        Book book = read("all-elements.md");
        List<Class<?>> kinds = NodeKinds.of(book);

        assertThat(book.metadata().title()).isEqualTo("测试文档");
        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly(null, "第一章　行内", "第二章　块");
        assertThat(kinds).contains(Block.Paragraph.class, Block.Heading.class, Block.Quote.class,
                Block.ListBlock.class, Block.CodeBlock.class, Block.Image.class, Block.Table.class,
                Block.Break.class, Block.Verse.class, Inline.Text.class, Inline.Emphasis.class, Inline.Strong.class,
                Inline.Link.class, Inline.Code.class, Inline.Note.class, Inline.LineBreak.class);
        BufferedImage dot = ImageIO.read(Path.of(DOT).toFile());
        assertThat(dot).as("img/dot.png is a real PNG").isNotNull();
        assertThat(plain(book)).contains("中文换行不加空格；English line breaks become spaces.");
    }

    // ---- the corpus

    @Test
    void copywritingGuidelinesIsOneChapterUnderItsTitle() throws IOException {
        Path file = org.cjkbook.Corpus.require("md-chinese-copywriting-guidelines.md");
        String source = Files.readString(file);
        Book book = reader.read(file, source);

        assertThat(book.metadata().title()).isEqualTo("中文文案排版指北");
        assertThat(book.chapters()).extracting(Chapter::titleText).containsExactly("中文文案排版指北");
        List<Block> blocks = book.chapters().get(0).blocks();
        assertThat(headings(blocks, 2)).hasSize(9).startsWith("空格", "标点符号").endsWith("Forks");
        assertThat(headings(blocks, 3)).hasSize(13).contains("用 text-spacing 来挽救？");
        assertThat(blocks).filteredOn(Block.Break.class::isInstance).hasSize(1);
        List<Block.Table> tables = blocks.stream()
                .filter(Block.Table.class::isInstance).map(Block.Table.class::cast).toList();
        assertThat(tables).extracting(t -> t.rows().size()).containsExactly(24, 11);
        assertThat(Inline.plainText(tables.get(1).rows().get(0).get(0))).isEqualTo("Apple 中国");
        assertThat(hanOf(plain(book))).isEqualTo(hanOf(withoutMarkup(source)));
    }

    @Test
    void ownershipChapterKeepsItsImagesCaptionsAndText() throws IOException {
        Path file = org.cjkbook.Corpus.require("md-trpl-ch04-01-what-is-ownership.md");
        String source = Files.readString(file);
        Book book = reader.read(file, source);

        assertThat(book.metadata().title()).isEqualTo("什么是所有权？");
        assertThat(book.chapters()).hasSize(1);
        List<Block> blocks = book.chapters().get(0).blocks();
        assertThat(headings(blocks, 2)).containsExactly("所有权规则", "变量作用域", "String 类型",
                "内存与分配", "所有权与函数", "返回值与作用域");
        assertThat(headings(blocks, 3)).containsExactly("使用移动的变量与数据交互", "作用域与赋值",
                "使用克隆的变量与数据交互", "只在栈上的数据：拷贝");
        Block.Quote stackAndHeap = (Block.Quote) blocks.stream()
                .filter(Block.Quote.class::isInstance).findFirst().orElseThrow();
        assertThat(stackAndHeap.blocks().get(0)).isEqualTo(new Block.Heading(2, List.of(text("栈（Stack）与堆（Heap）")), "栈stack与堆heap"));
        List<Block.Image> images = blocks.stream()
                .filter(Block.Image.class::isInstance).map(Block.Image.class::cast).toList();
        assertThat(images).extracting(i -> Path.of(i.file()).getFileName().toString())
                .containsExactly("trpl04-01.svg", "trpl04-02.svg", "trpl04-03.svg", "trpl04-04.svg", "trpl04-05.svg");
        assertThat(images.get(0).alt()).startsWith("Two tables: the first table contains the representation of s1 on the stack,")
                .doesNotContain("\n");
        int firstImage = blocks.indexOf(images.get(0));
        assertThat(blocks.get(firstImage + 1)).as("the caption after the image is kept as text")
                .isEqualTo(paragraph(text("图 4-1：将值 "), new Inline.Code("\"hello\""), text(" 绑定给 "),
                        new Inline.Code("s1"), text(" 的 "), new Inline.Code("String"), text(" 在内存中的表现形式")));
        assertThat(blocks).contains(new Block.CodeBlock("rust", "let s = \"hello\";"));
        assertThat(hanOf(plain(book))).isEqualTo(hanOf(withoutMarkup(source)));
    }

    // ---- what may not run

    @Test
    void onlyWebMailAndInBookLinksStayLinks() {
        Book book = parse("# 第一章\n\n[甲](javascript:alert(2)) [乙](data:text/html,<b>x</b>) [丙](<JaVa\tscript:x>)"
                + " [丁](vbscript:msgbox) <javascript:alert(3)> [戊](https://example.com) [己](mailto:a@b.cn)"
                + " [庚](#第一章) [辛](HTTP://EXAMPLE.COM)\n");
        List<Inline> links = new java.util.ArrayList<>();
        new Walk() {
            @Override
            public void link(Inline.Link link) {
                links.add(link);
                super.link(link);
            }
        }.book(book);

        assertThat(links).extracting(i -> ((Inline.Link) i).href())
                .containsExactly("https://example.com", "mailto:a@b.cn", "#第一章", "HTTP://EXAMPLE.COM");
        assertThat(plain(book)).contains("甲", "乙", "丙", "丁", "javascript:alert(3)");
    }

    @Test
    void scriptsAndStylesGiveNoTextInlineOrAsBlocks() {
        Book book = parse("前<script>alert('脚本')</script>后，*强<style>p{}</style>调*\n\n"
                + "<script>\nvar 变量 = 1;\n</script>\n\n段<noscript>请开启</noscript>落 <template>模板</template>完\n\n"
                + "未闭合<script>不见\n\n下一段\n");

        assertThat(plain(book)).doesNotContain("脚本", "p{}", "变量", "请开启", "模板", "不见")
                .contains("前", "后", "强", "调", "段", "落", "完", "未闭合", "下一段");
    }

    // ---- deep nesting

    @Test
    void quotationsAndListsNestedDeeperThanEightLevelsAreSetAtTheEighthWithAllTheirText() {
        for (String marker : List.of(">", "> ", "- ", "1. ", "* ")) {
            String markdown = "开头\n\n" + marker.repeat(14) + "深处的文字\n" + marker.repeat(14) + "第二行\n\n结尾\n";
            List<String> warnings = new java.util.ArrayList<>();
            Book book = reader.read(FIXTURES.resolve("text.md"), markdown,
                    BookFolder.of(FIXTURES), warnings, new Identifiers()).book();

            assertThat(plain(book)).as(marker).contains("开头", "深处的文字", "第二行", "结尾");
            assertThat(depth(book.chapters().get(0).blocks())).as(marker).isEqualTo(MarkdownConverter.MAX_DEPTH);
            assertThat(warnings).as(marker).containsExactly(FIXTURES.resolve("text.md")
                    + ":3: quotations and lists nested deeper than 8 levels are set at level 8");
        }
    }

    @Test
    void tenThousandNestedQuotationsOrListsKeepTheirText() {
        for (String marker : List.of(">", "> ", "- ", "1. ")) {
            String markdown = marker.repeat(10_000) + "最深处\n\n" + (marker + "\n").repeat(3) + "后文\n";

            Book book = parse(markdown);

            assertThat(plain(book)).as(marker).contains("最深处", "后文");
            assertThat(depth(book.chapters().get(0).blocks())).as(marker).isEqualTo(MarkdownConverter.MAX_DEPTH);
        }
    }

    @Test
    void notesAndHeadingsDeepInsideQuotationsAreFound() {
        Book book = parse(">".repeat(5_000) + " ## 深处的标题\n\n正文[^a]\n\n" + ">".repeat(5_000) + " [^a]: 深处的注\n");

        assertThat(plain(book)).contains("深处的标题", "深处的注");
    }

    /** How deep quotations and lists nest in the blocks. */
    private static int depth(List<Block> blocks) {
        int deepest = 0;
        for (Block block : blocks) {
            if (block instanceof Block.Quote q) {
                deepest = Math.max(deepest, 1 + depth(q.blocks()));
            } else if (block instanceof Block.ListBlock l) {
                for (List<Block> item : l.items()) {
                    deepest = Math.max(deepest, 1 + depth(item));
                }
            }
        }
        return deepest;
    }

    /** The source without what is not a reader's text: HTML tags, link targets, link definitions. */
    private static String withoutMarkup(String markdown) {
        return markdown
                .replaceAll("(?s)<[^<>]*>", "")
                .replaceAll("(?m)^\\[[^\\]]+\\]:.*$", "")
                .replaceAll("\\]\\([^)]*\\)", "]");
    }

    private static String hanOf(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static List<String> headings(List<Block> blocks, int level) {
        return blocks.stream()
                .filter(b -> b instanceof Block.Heading h && h.level() == level)
                .map(b -> Inline.plainText(((Block.Heading) b).content()))
                .toList();
    }

    // ---- walking the model

    /** Every node's text, notes where they are referenced, a line feed after each block. */
    private static String plain(Book book) {
        StringBuilder out = new StringBuilder();
        Walk walk = new Walk() {
            @Override
            public void chapter(Chapter chapter) {
                inlines(chapter.title());
                out.append('\n');
                blocks(chapter.blocks());
            }

            @Override
            public void paragraph(Block.Paragraph paragraph) {
                super.paragraph(paragraph);
                out.append('\n');
            }

            @Override
            public void heading(Block.Heading heading) {
                super.heading(heading);
                out.append('\n');
            }

            @Override
            public void codeBlock(Block.CodeBlock code) {
                out.append(code.text()).append('\n');
            }

            @Override
            public void table(Block.Table table) {
                super.table(table);
                out.append('\n');
            }

            @Override
            public void text(Inline.Text text) {
                out.append(text.text());
            }

            @Override
            public void code(Inline.Code code) {
                out.append(code.text());
            }

            @Override
            public void lineBreak(Inline.LineBreak lineBreak) {
                out.append('\n');
            }
        };
        walk.book(book);
        return out.toString();
    }
}
