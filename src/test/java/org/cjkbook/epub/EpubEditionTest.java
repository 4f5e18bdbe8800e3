package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.cjkbook.Builds;
import org.cjkbook.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class EpubEditionTest {

    private static Path seed() {
        return Builds.of(Builds.SEED).resolve("book.epub");
    }

    private static Path allElements() {
        return Builds.of(Builds.ALL_ELEMENTS).resolve("all-elements.epub");
    }

    @Test
    void seedEpubPassesEpubCheckWithoutAnyMessage() {
        assertThat(EpubCheckReport.check(seed().toFile())).isEmpty();
    }

    @Test
    void markdownEpubWithEveryElementPassesEpubCheckWithoutAnyMessage() {
        assertThat(EpubCheckReport.check(allElements().toFile())).isEmpty();
    }

    @Test
    void compositionFixtureEpubsPassEpubCheckWithoutAnyMessage() {
        assertThat(EpubCheckReport.check(Builds.of(Builds.COMPOSITION).resolve("composition.epub").toFile())).isEmpty();
        Path narrow = Builds.of(Builds.composition32k());
        assertThat(EpubCheckReport.check(narrow.resolve("composition-32k.epub").toFile())).isEmpty();
    }

    @Test
    void novelEpubPassesEpubCheckWithoutAnyMessage() {
        Path novel = Builds.of(org.cjkbook.Corpus.require("novel-hongloumeng.txt"));
        assertThat(EpubCheckReport.check(novel.resolve("novel-hongloumeng.epub").toFile())).isEmpty();
    }

    @Test
    void embeddedFontsDrawExactlyTheCharactersOfTheirFace() throws Exception {
        for (Path epub : List.of(seed(), allElements())) {
            Map<String, byte[]> entries = Builds.entries(epub);
            Map<String, SortedSet<Integer>> needed = charactersByFace(entries);
            for (Map.Entry<String, SortedSet<Integer>> face : needed.entrySet()) {
                byte[] font = entries.get("EPUB/fonts/" + face.getKey() + ".ttf");
                assertThat(font).as(epub + " embeds " + face.getKey()).isNotNull();
                assertThat(mapped(font)).as(epub + ": the characters " + face.getKey() + ".ttf maps")
                        .isEqualTo(face.getValue());
            }
            // A subset, not the 10–15 MB original.
            assertThat(entries.get("EPUB/fonts/body.ttf").length).isLessThan(2_000_000);
        }
    }

    @Test
    void embeddedFontsPassTheOpenTypeSanitizer(@TempDir Path temp) throws IOException {
        Path ots = ExternalTool.require("ots-sanitize");
        for (Map.Entry<String, byte[]> entry : Builds.entries(seed()).entrySet()) {
            if (entry.getKey().endsWith(".ttf")) {
                Path font = Files.write(temp.resolve(Path.of(entry.getKey()).getFileName()), entry.getValue());
                ExternalTool.Run run = ExternalTool.run(ots, font.toString(), temp.resolve("out.ttf").toString());
                assertThat(run.exitCode()).as(entry.getKey() + ": " + run.output()).isZero();
            }
        }
    }

    @Test
    void chapterDocumentsFollowTheModel() throws Exception {
        Map<String, byte[]> entries = Builds.entries(seed());
        assertThat(entries.keySet()).startsWith("mimetype", "META-INF/container.xml")
                .contains("EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/titlepage.xhtml",
                        "EPUB/chapter-1.xhtml", "EPUB/chapter-4.xhtml", "EPUB/colophon.xhtml", "EPUB/css/epub.css",
                        "META-INF/com.apple.ibooks.display-options.xml")
                .doesNotContain("EPUB/chapter-5.xhtml");
        Document chapter = parse(entries.get("EPUB/chapter-2.xhtml"));
        Element html = chapter.getDocumentElement();
        assertThat(html.getAttribute("lang")).isEqualTo("zh-Hans");
        assertThat(html.getAttribute("xml:lang")).isEqualTo("zh-Hans");
        assertThat(text(chapter.getElementsByTagName("h2").item(0))).isEqualTo("以上率下、立根铸魂，补足精神之钙");
        assertThat(chapter.getElementsByTagName("p").getLength()).isEqualTo(8);
        Document titlePage = parse(entries.get("EPUB/titlepage.xhtml"));
        assertThat(text(titlePage.getDocumentElement())).contains("“不忘初心、牢记使命”主题教育",
                "永葆初心本色 践行使命担当", "辉煌历程");
        assertThat(text(parse(entries.get("EPUB/colophon.xhtml")).getDocumentElement()))
                .contains("版式设计", "张芳曼", "沈亦伶");
        String opf = new String(entries.get("EPUB/package.opf"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(opf).contains("version=\"3.0\"", "<dc:language>zh-Hans</dc:language>",
                "property=\"role\" scheme=\"marc:relators\">bkd</meta>", "media-type=\"font/ttf\"");
    }

    /** A line block: a division of its lines, one text block each, the first of the second stanza marked. */
    @Test
    void verseIsADivisionOfOneParagraphPerLineThatEpubCheckPasses() throws Exception {
        Document chapter = parse(Builds.entries(allElements()).get("EPUB/chapter-3.xhtml"));
        Element verse = null;
        NodeList divisions = chapter.getElementsByTagName("div");
        for (int i = 0; i < divisions.getLength(); i++) {
            if (((Element) divisions.item(i)).getAttribute("class").equals("verse")) {
                verse = (Element) divisions.item(i);
            }
        }
        assertThat(verse).as("a div of class verse").isNotNull();
        List<String> lines = new ArrayList<>();
        for (Node child = verse.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element line) {
                assertThat(line.getTagName()).isEqualTo("p");
                lines.add(line.getAttribute("class") + ": " + text(line));
            }
        }
        assertThat(lines).containsExactly("line: 春眠不觉晓，", "line: \u00A0\u00A0\u00A0\u00A0处处闻啼鸟。",
                "line stanza-start: 夜来风雨声，花落知多少。");
        assertThat(verse.getElementsByTagName("em").getLength()).isEqualTo(1);
        assertThat(EpubCheckReport.check(allElements().toFile())).isEmpty();
    }

    @Test
    void adjacentPunctuationIsMarkedForCompression() throws Exception {
        String chapter = new String(Builds.entries(seed()).get("EPUB/chapter-2.xhtml"), java.nio.charset.StandardCharsets.UTF_8);
        // Every 。” in the text has its 。 squeezed, and none is left bare.
        assertThat(chapter).contains("<span class=\"squeeze-after\">。</span>”")
                .doesNotContain("。”");
        String css = new String(Builds.entries(seed()).get("EPUB/css/epub.css"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(css).contains(".squeeze-after { margin-right: -0.5em; }");
    }

    @Test
    void twoBuildsOfTheSameSourceAreByteIdentical(@TempDir Path temp) throws IOException {
        Builds.Run run = Builds.cli("build", "book", "-o", temp.toString(), "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String file : List.of("book.epub", "book.pdf")) {
            assertThat(java.util.Arrays.equals(Files.readAllBytes(temp.resolve(file)),
                    Files.readAllBytes(Builds.of(Builds.SEED).resolve(file)))).as(file + " is the same").isTrue();
        }
    }

    @Test
    void mimetypeComesFirstAndUncompressed() throws IOException {
        try (ZipFile zip = new ZipFile(seed().toFile())) {
            ZipEntry first = zip.entries().nextElement();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(first.getExtra()).isNull();
        }
    }


    /**
     * The characters each face draws, by the stylesheet's rules: headings, table heads, the
     * column and the colophon's terms in the heading face; strong text and the title page's title in the bold face, but strong text in a
     * heading stays in the heading face; a character marked as set in another face, in that
     * face; everything else in the body face.
     */
    private static Map<String, SortedSet<Integer>> charactersByFace(Map<String, byte[]> entries) throws Exception {
        Map<String, SortedSet<Integer>> faces = new LinkedHashMap<>();
        faces.put("body", new TreeSet<>());
        faces.put("heading", new TreeSet<>());
        faces.put("bold", new TreeSet<>());
        faces.put("mono", new TreeSet<>());
        faces.put("other", new TreeSet<>());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith(".xhtml")) {
                Element body = (Element) parse(entry.getValue()).getElementsByTagName("body").item(0);
                collect(body, "body", faces);
            }
        }
        faces.values().removeIf(java.util.Set::isEmpty);
        return faces;
    }

    private static void collect(Node node, String face, Map<String, SortedSet<Integer>> faces) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            node.getNodeValue().codePoints().filter(c -> c >= 0x20).forEach(faces.get(face)::add);
            return;
        }
        String inner = face;
        if (node instanceof Element element) {
            if (element.hasAttribute("hidden")) {
                return;
            }
            String tag = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            String cssClass = element.getAttribute("class");
            if (cssClass.startsWith("fallback-")) {
                inner = cssClass.substring("fallback-".length());
            } else if (tag.equals("code") || tag.equals("pre")) {
                inner = "mono";
            } else if (tag.matches("h[2-6]|th|dt") || cssClass.equals("column")) {
                inner = "heading";
            } else if (tag.equals("h1") || (tag.equals("strong") && face.equals("body"))) {
                inner = "bold";
            }
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            collect(children.item(i), inner, faces);
        }
    }

    /** The code points a font's Unicode cmap maps to a glyph. */
    private static SortedSet<Integer> mapped(byte[] font) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
        try (ttf) {
            var cmap = ttf.getUnicodeCmapLookup();
            SortedSet<Integer> mapped = new TreeSet<>();
            for (int c = 0; c <= 0x10FFFF; c++) {
                if (cmap.getGlyphId(c) != 0) {
                    mapped.add(c);
                }
            }
            return mapped;
        }
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Node node) {
        return node.getTextContent().strip();
    }
}
