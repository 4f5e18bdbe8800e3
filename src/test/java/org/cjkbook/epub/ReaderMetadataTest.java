package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The package document as reading systems that predate EPUB 3 or read it their own way
 * take it. Calibre's ebook-meta would pull in a few hundred packages, so its reading of an
 * EPUB 3 package (calibre/ebooks/metadata/opf3.py) is repeated here: the title refined as
 * main, else the first, with each title refined as a subtitle appended after a colon; the
 * cover page from the guide's cover reference, the cover image from the cover meta.
 */
class ReaderMetadataTest {

    private static final String OPF = "http://www.idpf.org/2007/opf";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    static Stream<Path> books() {
        return Stream.of(Builds.of(Builds.SEED).resolve("book.epub"),
                Builds.of(Corpus.require("md-trpl-ch04-01-what-is-ownership.md"))
                        .resolve("md-trpl-ch04-01-what-is-ownership.epub"),
                Builds.of(Corpus.require("novel-hongloumeng.txt")).resolve("novel-hongloumeng.epub"));
    }

    @Test
    void calibreShowsTheMainTitleWithoutTheKicker() throws Exception {
        assertThat(calibreTitle(packageDocument(Builds.of(Builds.SEED).resolve("book.epub"))))
                .isEqualTo("永葆初心本色 践行使命担当");
    }

    @ParameterizedTest
    @MethodSource("books")
    void theCoverIsListedOnceAndTheGuideLeadsToIt(Path epub) throws Exception {
        Document opf = packageDocument(epub);
        List<String> covers = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        NodeList references = opf.getElementsByTagNameNS(OPF, "reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (reference.getAttribute("type").equals("cover")) {
                covers.add(reference.getAttribute("href"));
            } else if (reference.getAttribute("type").equals("text")) {
                texts.add(reference.getAttribute("href"));
            }
        }
        assertThat(covers).containsExactly("cover.xhtml");
        assertThat(texts).containsExactly("chapter-1.xhtml");
        Element firstInSpine = (Element) opf.getElementsByTagNameNS(OPF, "itemref").item(0);
        assertThat(firstInSpine.getAttribute("idref")).isEqualTo("r-cover-xhtml");
        String coverImage = null;
        NodeList metas = opf.getElementsByTagNameNS(OPF, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute("name").equals("cover")) {
                assertThat(coverImage).as("one cover meta").isNull();
                coverImage = meta.getAttribute("content");
            }
        }
        Element item = opf.getElementById(coverImage);
        assertThat(item).as("the cover meta names a manifest item").isNotNull();
        assertThat(item.getAttribute("properties")).isEqualTo("cover-image");
    }

    @ParameterizedTest
    @MethodSource("books")
    void aBookWithoutADateIsDatedByItsBuildNot1970(Path epub) throws Exception {
        String opf = new String(Builds.entries(epub).get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).doesNotContain("1970");
        Document document = packageDocument(epub);
        String date = document.getElementsByTagNameNS(DC, "date").item(0).getTextContent();
        assertThat(Integer.parseInt(date.substring(0, 4))).isGreaterThanOrEqualTo(Year.now().getValue() - 1);
    }

    @Test
    void conformanceIsCertifiedByThePublisherOrByNoOne(@TempDir Path folder) throws Exception {
        assertThat(new String(Builds.entries(Builds.of(Builds.SEED).resolve("book.epub")).get("EPUB/package.opf"),
                StandardCharsets.UTF_8)).contains("dcterms:conformsTo").doesNotContain("a11y:certifiedBy");
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        Files.writeString(folder.resolve("book.yaml"), "publisher: 人民出版社\n");
        Path epub = Builds.epubOf(folder);
        assertThat(new String(Builds.entries(epub).get("EPUB/package.opf"), StandardCharsets.UTF_8))
                .contains("<meta property=\"a11y:certifiedBy\">人民出版社</meta>")
                .doesNotContain("1970");
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    /** Calibre's title: the main one, else the first, followed by ": " and each subtitle. */
    private static String calibreTitle(Document opf) {
        NodeList titles = opf.getElementsByTagNameNS(DC, "title");
        Element main = null;
        List<String> subtitles = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            Element title = (Element) titles.item(i);
            String type = titleType(opf, title.getAttribute("id"));
            if (type.equals("main") && main == null) {
                main = title;
            } else if (type.equals("subtitle")) {
                subtitles.add(title.getTextContent().strip());
            }
        }
        if (main == null) {
            main = (Element) titles.item(0);
        }
        StringBuilder shown = new StringBuilder(main.getTextContent().strip());
        subtitles.forEach(subtitle -> shown.append(": ").append(subtitle));
        return shown.toString();
    }

    private static String titleType(Document opf, String id) {
        NodeList metas = opf.getElementsByTagNameNS(OPF, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute("refines").equals("#" + id) && meta.getAttribute("property").equals("title-type")) {
                return meta.getTextContent().strip();
            }
        }
        return "";
    }

    private static Document packageDocument(Path epub) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document opf = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(Builds.entries(epub).get("EPUB/package.opf")));
        NodeList items = opf.getElementsByTagNameNS(OPF, "item");
        for (int i = 0; i < items.getLength(); i++) {
            ((Element) items.item(i)).setIdAttribute("id", true);
        }
        return opf;
    }
}
