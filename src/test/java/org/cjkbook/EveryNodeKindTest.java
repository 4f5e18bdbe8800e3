package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.cjkbook.epub.EpubEdition;
import org.cjkbook.epub.EpubMarkup;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.model.NodeKinds;
import org.cjkbook.model.Walk;
import org.cjkbook.pdf.PageGeometry;
import org.cjkbook.pdf.PdfEdition;
import org.cjkbook.xhtml.Coverage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of node the model has, each nested where consumers used to miss it (inside
 * emphasis, inside a note), reaches every consumer of the whole model: the walk, both
 * editions' markup, the fonts' coverage and the EPUB's images. A new kind of node fails
 * here until the fixture holds it and each edition writes it.
 */
class EveryNodeKindTest {

    private static final Path DOT = Path.of("src/test/resources/markdown/img/dot.png").toAbsolutePath();
    /** The element each kind of node becomes in both editions. */
    private static final Map<Class<?>, String> ELEMENTS = new LinkedHashMap<>();

    static {
        ELEMENTS.put(Block.Paragraph.class, "<p");
        ELEMENTS.put(Block.Heading.class, "<h3");
        ELEMENTS.put(Block.Quote.class, "<blockquote");
        ELEMENTS.put(Block.ListBlock.class, "<ol");
        ELEMENTS.put(Block.CodeBlock.class, "<pre");
        ELEMENTS.put(Block.Image.class, "<img src=\"");
        ELEMENTS.put(Block.Table.class, "<table");
        ELEMENTS.put(Block.Break.class, "<hr");
        ELEMENTS.put(Block.Verse.class, "<div class=\"verse\"");
        ELEMENTS.put(Inline.Text.class, "甲");
        ELEMENTS.put(Inline.Emphasis.class, "<em");
        ELEMENTS.put(Inline.Strong.class, "<strong");
        ELEMENTS.put(Inline.Link.class, "<a href=\"https://example.com\"");
        ELEMENTS.put(Inline.Code.class, "<code");
        ELEMENTS.put(Inline.Note.class, "epub:type=\"footnote\"");
        ELEMENTS.put(Inline.LineBreak.class, "<br");
        ELEMENTS.put(Inline.Image.class, "alt=\"行中之图\"");
    }

    private static Book book;
    private static FontSet fonts;

    @BeforeAll
    static void everything() {
        fonts = FontSet.inFolder(Path.of("fonts"));
        // The deepest places first: a note inside emphasis holding blocks of every kind.
        List<Block> noteBlocks = List.of(
                new Block.Paragraph(List.of(new Inline.Text("注中段落"), new Inline.LineBreak(),
                        new Inline.Strong(List.of(new Inline.Text("注中强调"),
                                new Inline.Image(DOT.toString(), "行中之图", false))))),
                new Block.Heading(2, List.of(new Inline.Text("注中小标题"))),
                new Block.Quote(List.of(new Block.Paragraph(List.of(new Inline.Text("注中引文"))))),
                new Block.ListBlock(true, 1, List.of(List.of(new Block.Paragraph(List.of(new Inline.Text("注中列表")))))),
                new Block.CodeBlock(null, "note code"),
                new Block.Image(DOT.toString(), "注中之图", null, false),
                new Block.Table(List.of(Block.Alignment.NONE), List.of(List.of(new Inline.Text("注中表头"))),
                        List.of(List.of(List.of(new Inline.Code("cell"))))),
                new Block.Break(),
                verse("注中诗"));
        Inline note = new Inline.Note(noteBlocks);
        Block paragraph = new Block.Paragraph(List.of(
                new Inline.Text("甲乙"),
                new Inline.Emphasis(List.of(new Inline.Text("强调"), note,
                        new Inline.Link("https://example.com", List.of(new Inline.Text("链接"))))),
                new Inline.Code("code"),
                new Inline.Text("丙丁。")));
        Chapter chapter = new Chapter("chapter-1", List.of(new Inline.Text("第一章")),
                List.of(paragraph, verse("诗行")));
        book = new Book(Metadata.builder().title("每一种节点").build(), List.of(chapter));
    }

    /** Two stanzas, a line of the second in emphasis. */
    private static Block verse(String text) {
        return new Block.Verse(List.of(List.of(new Inline.Text(text + "一，")), List.of(),
                List.of(new Inline.Emphasis(List.of(new Inline.Text(text + "二。"))))));
    }

    @Test
    void fixtureHoldsEveryKindOfNodeAndTheWalkReachesEach() {
        assertThat(new HashSet<>(NodeKinds.of(book))).containsExactlyInAnyOrderElementsOf(NodeKinds.all());
        assertThat(ELEMENTS.keySet()).containsExactlyInAnyOrderElementsOf(NodeKinds.all());
    }

    @Test
    void bothEditionsWriteEveryKindOfNode() {
        EpubMarkup epub = new EpubEdition(java.time.Instant.EPOCH, null).markup(book, List.of(), fonts);
        String epubXml = String.join("", epub.readingOrder().stream().map(EpubMarkup.Document::xml).toList());
        String printXml = PdfEdition.markup(book, PageGeometry.A5, fonts, true).xml();
        for (Map.Entry<Class<?>, String> element : ELEMENTS.entrySet()) {
            assertThat(epubXml).as("EPUB, " + element.getKey().getSimpleName()).contains(element.getValue());
            assertThat(printXml).as("print, " + element.getKey().getSimpleName()).contains(element.getValue());
        }
        assertThat(epubXml).contains("<img src=\"images/image-1.png\" alt=\"注中之图\"/>");
    }

    @Test
    void everyCharacterOfTheTextIsInTheFontsCoverageOfBothEditions() {
        SortedSet<Integer> text = new TreeSet<>();
        new Walk() {
            @Override
            public void text(Inline.Text node) {
                node.text().codePoints().forEach(text::add);
            }

            @Override
            public void code(Inline.Code node) {
                node.text().codePoints().forEach(text::add);
            }

            @Override
            public void codeBlock(Block.CodeBlock node) {
                node.text().codePoints().filter(c -> c >= 0x20).forEach(text::add);
            }
        }.book(book);
        Coverage epub = new EpubEdition(java.time.Instant.EPOCH, null).markup(book, List.of(), fonts).coverage();
        Coverage print = PdfEdition.markup(book, PageGeometry.A5, fonts, true).coverage();
        for (Coverage coverage : List.of(epub, print)) {
            Set<Integer> covered = new HashSet<>();
            coverage.characters().values().forEach(covered::addAll);
            List<String> missing = new ArrayList<>();
            text.stream().filter(c -> !covered.contains(c)).forEach(c -> missing.add(Character.toString(c)));
            assertThat(missing).isEmpty();
        }
    }
}
