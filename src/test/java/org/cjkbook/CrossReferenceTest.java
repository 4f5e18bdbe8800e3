package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.cjkbook.epub.EpubCheckReport;
import org.cjkbook.epub.EpubEdition;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.pdf.PageGeometry;
import org.cjkbook.pdf.PdfEdition;
import org.cjkbook.xhtml.Coverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Links into the book, Pandoc's {@code [见第三章](#id)}, in both editions: a book of three
 * chapters in two sources links from its first chapter to headings of its third, by an id
 * given ({@code {#ownership}}), one made from Han text, and one XML would not take as it is,
 * and to a figure by the id its image's attributes give ({@code {#fig:borrow}}).
 */
class CrossReferenceTest {

    private static final Path BOOK = Path.of("src/test/resources/books/cross-references");
    private static final float TOP = (float) PageGeometry.A5.topMargin();
    private static final float BOTTOM = (float) PageGeometry.A5.bottomMargin();

    private static Path built;
    private static Map<String, byte[]> epub;
    private static PDDocument pdf;
    private static List<PdfText.Line> lines;

    @BeforeAll
    static void build() throws IOException {
        built = Builds.of(BOOK);
        epub = Builds.entries(built.resolve("cross-references.epub"));
        pdf = Loader.loadPDF(built.resolve("cross-references.pdf").toFile());
        lines = PdfText.lines(pdf, TOP, BOTTOM);
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
    }

    // ---- the EPUB

    @Test
    void theEpubPassesEpubCheck() {
        assertThat(EpubCheckReport.check(built.resolve("cross-references.epub").toFile())).isEmpty();
    }

    @Test
    void aLinkInTheEpubLeadsIntoTheChapterFileWhereItsHeadingHasTheId() throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        NodeList links = xhtml("chapter-1.xhtml").getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            String href = link.getAttribute("href");
            if (href.contains(".xhtml#")) {
                String[] place = href.split("#", 2);
                targets.put(link.getTextContent() + " " + href,
                        xhtml(place[0]).getElementById(place[1]).getTextContent().strip());
            }
        }

        assertThat(targets).containsExactly(
                Map.entry("第三章的第一节 chapter-3.xhtml#ownership", "第一节 所有权"),
                Map.entry("第二节 借用 chapter-3.xhtml#第二节-借用", "第二节 借用"),
                Map.entry("结语 chapter-3.xhtml#第三章-结语", "第三章 结语"),
                Map.entry("附录 chapter-2.xhtml#_1-appendix", "附录"),
                // A figure, by Pandoc's attributes after its image: the id written as XML takes it.
                Map.entry("图 chapter-3.xhtml#_fig_3a_borrow", "借用的示意"));
    }

    @Test
    void headingsShowNoAttributesInEitherEdition() throws Exception {
        List<String> headings = new ArrayList<>();
        for (String file : List.of("chapter-1.xhtml", "chapter-2.xhtml", "chapter-3.xhtml")) {
            for (String tag : List.of("h2", "h3")) {
                NodeList elements = xhtml(file).getElementsByTagName(tag);
                for (int i = 0; i < elements.getLength(); i++) {
                    headings.add(elements.item(i).getTextContent());
                }
            }
        }
        String printed = String.join("\n", lines.stream().map(PdfText.Line::text).toList());

        assertThat(headings).containsExactly("第一章 引言", "读法", "第二章 准备", "附录", "第三章 结语", "第一节 所有权",
                "第二节 借用");
        assertThat(printed).contains("读法", "第二章 准备", "附录的正文").doesNotContain("{", "}", "unnumbered");
    }

    // ---- the PDF

    @Test
    void aLinkInThePdfGoesToThePageItsHeadingIsDrawnOn() throws IOException {
        // The text under each link, by the page it goes to.
        Map<Integer, StringBuilder> textByDestination = new TreeMap<>();
        for (int index = 0; index < pdf.getNumberOfPages(); index++) {
            PDPage page = pdf.getPage(index);
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            List<PDAnnotationLink> links = new ArrayList<>();
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationLink link) {
                    PDRectangle box = link.getRectangle();
                    area.addRegion("link" + links.size(), new java.awt.geom.Rectangle2D.Float(box.getLowerLeftX(),
                            page.getMediaBox().getHeight() - box.getUpperRightY(), box.getWidth(), box.getHeight()));
                    links.add(link);
                }
            }
            area.extractRegions(page);
            for (int i = 0; i < links.size(); i++) {
                textByDestination.computeIfAbsent(destinationPage(links.get(i)), p -> new StringBuilder())
                        .append(area.getTextForRegion("link" + i).replaceAll("\\s", ""));
            }
        }

        assertThat(textByDestination).as("the contents and the text link to chapters and headings").containsOnlyKeys(
                pageOf("第一章引言"), pageOf("第二章准备"), pageOf("附录"), pageOf("第三章结语"), pageOf("第一节所有权"),
                pageOf("第二节借用"), pageOf("借用的示意"));
        assertThat(textByDestination.get(pageOf("第一节所有权"))).contains("第三章的第一节（第");
        assertThat(textByDestination.get(pageOf("借用的示意"))).contains("图（第");
        assertThat(textByDestination.get(pageOf("第二节借用"))).contains("第二节借用");
        assertThat(textByDestination.get(pageOf("第三章结语"))).contains("结语（第");
        assertThat(textByDestination.get(pageOf("附录"))).contains("附录");
        assertThat(textByDestination.get(pageOf("第一章引言"))).contains("引言（第");
    }

    @Test
    void aLinkTitledPageCitesTheFolioOfThePageItsHeadingIsOn() throws IOException {
        String[] labels = pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
        String text = String.join("", lines.stream().map(l -> l.text().replaceAll("\\s", "")).toList());

        assertThat(labels[pageOf("第一章引言")]).as("the body starts at page 1").isEqualTo("1");
        assertThat(citedPage(text, "第三章的第一节")).isEqualTo(labels[pageOf("第一节所有权")]).isNotEqualTo("1");
        assertThat(citedPage(text, "结语")).isEqualTo(labels[pageOf("第三章结语")]);
        assertThat(citedPage(text, "回到引言")).isEqualTo("1");
        assertThat(citedPage(text, "借用的示意见图")).isEqualTo(labels[pageOf("借用的示意")]);
        assertThat(text).as("a link without the title cites nothing").contains("借用见第二节借用，", "附录见附录，");
    }

    @Test
    void theEpubCitesNoPage() throws Exception {
        assertThat(xhtml("chapter-1.xhtml").getDocumentElement().getTextContent()).doesNotContain("（第")
                .contains("见第三章的第一节，借用");
    }

    @Test
    void aHeadingInANoteReferredToTwiceHasItsIdOnceInEachEdition() {
        Inline note = new Inline.Note(List.of(new Block.Heading(2, List.of(new Inline.Text("注中标题")), "注中")));
        Block paragraph = new Block.Paragraph(List.of(new Inline.Text("甲"), note, new Inline.Text("乙"), note,
                new Inline.Link("#注中", List.of(new Inline.Text("见注")))));
        Book book = new Book(Metadata.builder().title("注").build(), List.of(
                new Chapter("chapter-1", List.of(new Inline.Text("第一章")), List.of(paragraph), "第一章")));
        FontSet fonts = FontSet.inFolder(Path.of("fonts"));

        String epubXml = new EpubEdition(java.time.Instant.EPOCH, null).markup(book, List.of(), fonts).chapters().get(0).xml();
        String printXml = PdfEdition.markup(book, PageGeometry.A5, fonts, true).xml();

        assertThat(epubXml.split("id=\"注中\"", -1)).hasSize(2);
        assertThat(printXml.split("id=\"注中\"", -1)).hasSize(2);
        assertThat(epubXml).contains("<a href=\"chapter-1.xhtml#注中\">见注</a>");
        assertThat(printXml).contains("href=\"#注中\"");
    }

    @Test
    void theFaceOfACitedPageHasEveryDigitBeforeThePageIsKnown() {
        Block paragraph = new Block.Paragraph(List.of(new Inline.Strong(List.of(
                new Inline.Link("#第一章", List.of(new Inline.Text("见上")), true)))));
        Book book = new Book(Metadata.builder().title("页").build(), List.of(
                new Chapter("chapter-1", List.of(new Inline.Text("第一章")), List.of(paragraph), "第一章")));

        Coverage print = PdfEdition.markup(book, PageGeometry.A5, FontSet.inFolder(Path.of("fonts")), true).coverage();

        assertThat(print.characters().get(Face.BOLD)).contains((int) '（', (int) '第', (int) '页', (int) '）')
                .containsAll("0123456789".chars().boxed().toList());
    }

    // ---- errors

    @Test
    void aLinkToAnIdNoHeadingHasStopsTheBuildAtItsLineAndWritesNothing(@TempDir Path folder) throws IOException {
        Path source = folder.resolve("书.md");
        Files.writeString(source, "# 第一章\n\n正文。\n\n见[第九章](#第九章 \"page\")。\n");
        Path out = folder.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isOne();
        assertThat(run.err().lines().filter(l -> !l.matches("cjkbook: read .*"))).containsExactly(
                "cjkbook: " + source + ":5: link to #第九章: no heading has that id; give one with {#第九章} after its text");
        assertThat(Builds.filesUnder(out)).isEmpty();
    }

    @Test
    void anIdGivenTwiceStopsTheBuildNamingBothHeadings(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("book.yaml"), "sources: [a.md, b.md]\n");
        Files.writeString(folder.resolve("a.md"), "# 第一章 {#intro}\n");
        Files.writeString(folder.resolve("b.md"), "# 第二章\n\n## 引言 {#intro}\n");
        Path out = folder.resolve("out");

        Builds.Run run = Builds.cli("build", folder.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isOne();
        assertThat(run.err().strip()).isEqualTo("cjkbook: " + folder.resolve("b.md") + ":3: #intro is already the id of "
                + "the heading at " + folder.resolve("a.md") + ":1");
        assertThat(Builds.filesUnder(out)).isEmpty();
    }

    // ---- helpers

    private static Document xhtml(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(epub.get("EPUB/" + name)));
        // Without a schema, only the id attributes named so are ids to the DOM.
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("id")) {
                element.setIdAttribute("id", true);
            }
        }
        return document;
    }

    /** The index of the page where a line of this text, spaces aside, is drawn. */
    private static int pageOf(String line) {
        return lines.stream().filter(l -> l.text().replaceAll("\\s", "").equals(line)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + line)).page() - 1;
    }

    private static int destinationPage(PDAnnotationLink link) throws IOException {
        PDDestination destination = link.getDestination();
        if (destination == null && link.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        if (destination instanceof PDNamedDestination named) {
            destination = pdf.getDocumentCatalog().findNamedDestinationPage(named);
        }
        assertThat(destination).as("a link inside the book goes to a page").isInstanceOf(PDPageDestination.class);
        return ((PDPageDestination) destination).retrievePageNumber();
    }

    /** The page number printed after a link's text: （第12页）. */
    private static String citedPage(String text, String linkText) {
        Matcher cited = Pattern.compile(Pattern.quote(linkText) + "（第(\\d+)页）").matcher(text);
        assertThat(cited.find()).as(linkText + " cites a page").isTrue();
        return cited.group(1);
    }
}
