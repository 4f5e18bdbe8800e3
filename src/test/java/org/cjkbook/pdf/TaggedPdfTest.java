package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.cjkbook.Builds;
import org.cjkbook.VeraPdf;
import org.cjkbook.Corpus;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every PDF is tagged, PDF/UA-1 as veraPDF checks it: its text is in structure elements
 * that say what each part is, in reading order, and everything else is an artifact. Read
 * back through the structure, a paragraph is its source's text, whole, once and in order.
 */
class TaggedPdfTest {

    @Test
    void theSeedIsPdfUa1() throws Exception {
        assertThat(VeraPdf.failedRules(Builds.of(Builds.SEED).resolve("book.pdf"), PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aMarkdownChapterWithCodeAndImagesIsPdfUa1() throws Exception {
        String chapter = "md-trpl-ch04-01-what-is-ownership";
        Path pdf = Builds.of(Corpus.require(chapter + ".md")).resolve(chapter + ".pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void theNovelsFirstTenChaptersArePdfUa1() throws Exception {
        Path pdf = Builds.of(Corpus.novelOpening(10)).resolve("novel-10.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void aBookOfEveryElementIsPdfUa1() throws Exception {
        Path pdf = Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.pdf");
        assertThat(VeraPdf.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    }

    @Test
    void theSeedReadsBackAsItsHeadlineChaptersHeadingsAndParagraphs() throws IOException {
        Book book = new BookLoader().load(Builds.SEED).book();
        List<String> paragraphs = new ArrayList<>();
        for (Chapter chapter : book.chapters()) {
            chapter.blocks().forEach(b -> paragraphs.add(Inline.plainText(((Block.Paragraph) b).content())));
        }
        assertThat(paragraphs).hasSize(29);
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            TaggedContent.Element document = TaggedContent.root(pdf);
            assertThat(document.type()).isEqualTo("Document");
            // The headline, a part per chapter, the colophon.
            assertThat(document.kidTypes()).containsExactly("Sect", "Part", "Part", "Part", "Part", "Sect");
            TaggedContent.Element headline = document.kids().get(0);
            assertThat(headline.kidTypes()).containsExactly("P", "H1", "P");
            assertThat(headline.kids().get(1).text()).isEqualTo(book.metadata().title());
            List<TaggedContent.Element> parts = document.all("Part");
            assertThat(parts.stream().flatMap(p -> p.all("H2").stream()).map(TaggedContent.Element::text))
                    .containsExactlyElementsOf(book.chapters().stream().filter(Chapter::hasTitle)
                            .map(Chapter::titleText).toList());
            assertThat(parts.stream().flatMap(p -> p.all("P").stream()).map(TaggedContent.Element::text))
                    .containsExactlyElementsOf(paragraphs);
            // The colophon's entries: a term and what it says.
            assertThat(document.kids().get(5).all("LI")).isNotEmpty()
                    .allMatch(entry -> entry.kidTypes().equals(List.of("Lbl", "LBody")));
        }
    }

    @Test
    void runningHeadsAndFoliosAreArtifactsAndInNoElement() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            String title = "永葆初心本色 践行使命担当";
            // On page 2, the running head and folio of a left-hand page.
            assertThat(TaggedContent.artifacts(pdf)).contains(title + "2");
            TaggedContent.Element document = TaggedContent.root(pdf);
            assertThat(document.all("P")).noneMatch(p -> p.text().contains(title));
            // In the headline and in the colophon, not atop the pages.
            assertThat(document.text().split(title, -1)).hasSize(3);
        }
    }

    @Test
    void everyChapterReadsBackThroughTheStructureAsItsSourceReadsInPrint() throws IOException {
        for (Path source : List.of(Builds.ALL_ELEMENTS, Builds.COMPOSITION)) {
            Book book = new BookLoader().load(source).book();
            String name = source.getFileName().toString().replace(".md", ".pdf");
            try (PDDocument pdf = Loader.loadPDF(Builds.of(source).resolve(name).toFile())) {
                List<String> parts = TaggedContent.root(pdf).all("Part").stream()
                        .map(part -> withoutSpace(part.text())).toList();
                assertThat(parts).as(name).containsExactlyElementsOf(
                        book.chapters().stream().map(c -> withoutSpace(SourceOrder.of(c))).toList());
            }
        }
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("[\\s\\u3000\\u00a0]", "");
    }

    @Test
    void aParagraphWithEmphasisALinkCodeAndANoteReadsInSourceOrder() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.pdf").toFile())) {
            TaggedContent.Element paragraph = TaggedContent.root(pdf).all("P").stream()
                    .filter(p -> p.text().startsWith("这一段有")).findFirst().orElseThrow();
            assertThat(paragraph.text()).isEqualTo(
                    "这一段有强调、加粗、链接、代码和一个脚注1。中文换行不加空格；English line breaks become spaces.");
            // The text around them is the paragraph's own, in its place among them.
            assertThat(paragraph.kidTypes()).containsExactly("Link", "Code", "Reference");
            TaggedContent.Element link = paragraph.kids().get(0);
            assertThat(link.text()).isEqualTo("链接");
            assertThat(link.annotations()).hasSize(1);
            PDAnnotationLink annotation = (PDAnnotationLink) link.annotations().get(0);
            assertThat(annotation.getContents()).isEqualTo("链接");
            assertThat(((PDActionURI) annotation.getAction()).getURI()).isEqualTo("https://example.com/");
            assertThat(paragraph.kids().get(1).text()).isEqualTo("代码");
            assertThat(paragraph.kids().get(2).kidTypes()).containsExactly("Link");
        }
    }

    @Test
    void eachKindOfBlockIsItsStandardStructureElementInReadingOrder() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.pdf").toFile())) {
            TaggedContent.Element document = TaggedContent.root(pdf);
            // The title page, the contents, the chapters.
            assertThat(document.kidTypes()).containsExactly("Sect", "Sect", "Part", "Part", "Part");
            assertThat(document.kids().get(0).kidTypes()).containsExactly("H1", "P");
            TaggedContent.Element contents = document.kids().get(1);
            assertThat(contents.kidTypes()).containsExactly("H2", "TOC");
            assertThat(contents.kids().get(1).kids()).extracting(TaggedContent.Element::text)
                    .containsExactly("测试文档1", "第一章　行内3", "第二章　块5");
            assertThat(contents.all("Link")).hasSize(3).allMatch(link -> link.annotations().size() == 1);

            TaggedContent.Element inline = document.kids().get(3);
            assertThat(inline.kidTypes()).containsExactly("H2", "P", "P", "H3", "H4", "Sect");
            TaggedContent.Element note = inline.all("Note").get(0);
            assertThat(note.source().getElementIdentifier()).isEqualTo("chapter-2-note-1");
            assertThat(note.text()).endsWith("脚注的内容，也有加粗。");

            TaggedContent.Element blocks = document.kids().get(4);
            // The rule and the decorative image are artifacts; the poem is a division of its lines,
            // the figure another; the image in a sentence stays in its paragraph.
            assertThat(blocks.kidTypes()).containsExactly("H2", "BlockQuote", "L", "L", "Code", "Div", "Table", "Div",
                    "P", "P", "P");
            assertThat(blocks.kids().get(3).all("LI")).extracting(TaggedContent.Element::kidTypes)
                    .containsOnly(List.of("Lbl", "LBody"));
            assertThat(blocks.kids().get(3).all("Lbl")).extracting(TaggedContent.Element::text)
                    .containsExactly("3.", "4.");
            assertThat(blocks.kids().get(4).text()).isEqualTo("System.out.println(\"你好\");");
            assertThat(blocks.kids().get(5).kids()).extracting(TaggedContent.Element::text)
                    .containsExactly("春眠不觉晓，", "    处处闻啼鸟。", "夜来风雨声，花落知多少。");
            TaggedContent.Element table = blocks.kids().get(6);
            assertThat(table.kids()).extracting(TaggedContent.Element::kidTypes).containsExactly(
                    List.of("TH", "TH", "TH"), List.of("TD", "TD", "TD"), List.of("TD", "TD", "TD"));
            // An image where it stands, with its text alternative, before its caption.
            TaggedContent.Element figure = blocks.kids().get(7);
            assertThat(figure.kidTypes()).containsExactly("Figure", "Caption");
            assertThat(figure.kids().get(0).source().getAlternateDescription()).isEqualTo("一个小点");
            assertThat(blocks.kids().get(8).all("Figure")).as("the image in a sentence").hasSize(1);
            // The decorative image is no figure.
            assertThat(document.all("Figure")).hasSize(2);
        }
    }

    @Test
    void everyLinkAnnotationSaysWhatItIsAndBelongsToItsLink() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.pdf").toFile())) {
            List<PDAnnotation> inLinks = new ArrayList<>();
            TaggedContent.root(pdf).all("Link").forEach(link -> inLinks.addAll(link.annotations()));
            List<PDAnnotation> onPages = new ArrayList<>();
            for (var page : pdf.getPages()) {
                assertThat(page.getCOSObject().getNameAsString("Tabs")).isEqualTo("S");
                onPages.addAll(page.getAnnotations());
            }
            assertThat(onPages).hasSize(6).allMatch(a -> a.getContents() != null && !a.getContents().isBlank());
            assertThat(inLinks.stream().map(PDAnnotation::getCOSObject).toList())
                    .containsExactlyInAnyOrderElementsOf(onPages.stream().map(PDAnnotation::getCOSObject).toList());
        }
    }
}
