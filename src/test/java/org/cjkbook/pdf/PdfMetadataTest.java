package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.cjkbook.Builds;
import org.cjkbook.SafeXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The PDF's XMP metadata says what its document information dictionary says, as archives
 * and PDF/A ask, with the book's subjects and language, and ids that do not change from
 * one build to the next.
 */
class PdfMetadataTest {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    private static final String XMP_MM = "http://ns.adobe.com/xap/1.0/mm/";

    @Test
    void theSeedsXmpRepeatsItsDocumentInformation() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(Builds.SEED).resolve("book.pdf").toFile())) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            Document xmp = xmp(pdf);
            assertThat(values(xmp, DC, "title")).containsExactly(info.getTitle());
            assertThat(values(xmp, DC, "language")).containsExactly("zh-Hans");
            assertThat(values(xmp, DC, "format")).containsExactly("application/pdf");
            assertThat(values(xmp, XMP, "CreatorTool")).containsExactly(info.getCreator());
            assertThat(values(xmp, PDF, "Producer")).containsExactly(info.getProducer());
            assertThat(Instant.parse(values(xmp, XMP, "CreateDate").get(0)))
                    .isEqualTo(info.getCreationDate().toInstant()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
            assertThat(Instant.parse(values(xmp, XMP, "ModifyDate").get(0)))
                    .isEqualTo(info.getModificationDate().toInstant());
            // Made from the document, not drawn at random: the same in every build.
            assertThat(values(xmp, XMP_MM, "DocumentID").get(0)).matches("uuid:[0-9a-f-]{36}")
                    .isEqualTo(values(xmp, XMP_MM, "InstanceID").get(0));
        }
    }

    @Test
    void creatorsDescriptionAndSubjectsAreTheDocumentInformations(@TempDir Path temp) throws Exception {
        Builds.Run run = Builds.cli("build", "src/test/resources/markdown/front-matter.md", "-o", temp.toString(),
                "--format", "pdf", "--fonts", "fonts", "-M", "author=王一帆", "-M", "author=张三",
                "-M", "description=一篇<测试>文章 & 它的摘要", "-M", "keywords=春天", "-M", "keywords=故事");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(temp.resolve("front-matter.pdf").toFile())) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            Document xmp = xmp(pdf);
            assertThat(info.getAuthor()).isEqualTo("王一帆\u3000张三");
            // PDF/A holds the author entry's value as the one creator.
            assertThat(values(xmp, DC, "creator")).containsExactly(info.getAuthor());
            assertThat(values(xmp, DC, "description")).containsExactly("一篇<测试>文章 & 它的摘要")
                    .containsExactly(info.getSubject());
            assertThat(values(xmp, DC, "subject")).containsExactly("春天", "故事");
            assertThat(values(xmp, PDF, "Keywords")).containsExactly(info.getKeywords());
            assertThat(values(xmp, DC, "title")).containsExactly("春天的故事");
        }
    }

    private static Document xmp(PDDocument pdf) throws Exception {
        byte[] bytes = pdf.getDocumentCatalog().getMetadata().toByteArray();
        return SafeXml.parser(false).parse(new ByteArrayInputStream(bytes));
    }

    /** The text of each value of a property: its own text, or that of each item of its list. */
    private static List<String> values(Document xmp, String namespace, String name) {
        List<String> values = new ArrayList<>();
        NodeList properties = xmp.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            NodeList items = property.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "li");
            if (items.getLength() == 0) {
                values.add(property.getTextContent());
            }
            for (int j = 0; j < items.getLength(); j++) {
                values.add(items.item(j).getTextContent());
            }
        }
        return values;
    }
}
