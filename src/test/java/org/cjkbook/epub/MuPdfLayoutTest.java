package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The EPUB laid out by MuPDF, the engine of KOReader, SumatraPDF and many Android
 * readers, read back from its text layer: which font drew each character, where each
 * line sits, and what text it laid out.
 */
class MuPdfLayoutTest {

    /** The line height of body text in epub.css, in ems. */
    private static final double LINE_HEIGHT = 1.75;

    private static Path slice;

    /** The novel's first three chapters, with a PDF built alongside so the EPUB has a page list. */
    @BeforeAll
    static void novelSlice() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.require("novel-hongloumeng.txt"), StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(Files.createTempDirectory("cjkbook-test").resolve("novel-slice"));
        Files.write(folder.resolve("novel-slice.txt"), lines.subList(0, 199), StandardCharsets.UTF_8);
        slice = folder;
    }

    @Test
    void seedIsSetInTheEmbeddedFacesAtTheDesignedPitchWithoutThePageList() throws Exception {
        assertThat(checkLayout(Builds.of(Builds.SEED).resolve("book.epub"))).as("—— laid out").isPositive();
    }

    @Test
    void novelIsSetInTheEmbeddedFacesAtTheDesignedPitchWithoutThePageList() throws Exception {
        checkLayout(Builds.of(slice).resolve("novel-slice.epub"));
    }

    /** Checks the layout; returns how many —— it holds. */
    private static int checkLayout(Path epub) throws Exception {
        Path mutool = ExternalTool.require("mutool");
        Path stext = Files.createTempFile("cjkbook-mupdf", ".stext");
        ExternalTool.Run run = ExternalTool.run(mutool, "draw", "-q", "-F", "stext", "-o", stext.toString(),
                epub.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        Document layout = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(stext)));
        Map<String, String> embedded = embeddedFontNames(epub);

        Map<String, Integer> hanByFont = new HashMap<>();
        List<Double> pitches = new ArrayList<>();
        double bodySize = 0;
        int dashes = 0;
        // MuPDF makes each line a block of its own: the pitch is measured down each page.
        NodeList pages = layout.getElementsByTagName("page");
        for (int p = 0; p < pages.getLength(); p++) {
            NodeList lines = ((Element) pages.item(p)).getElementsByTagName("line");
            double previousTop = Double.NaN;
            for (int l = 0; l < lines.getLength(); l++) {
                Element line = (Element) lines.item(l);
                Element font = (Element) line.getElementsByTagName("font").item(0);
                String text = text(line);
                assertThat(text.strip()).as("a laid-out line that is a bare page number").doesNotMatch("[0-9]+");
                text.codePoints().filter(MuPdfLayoutTest::isHan)
                        .forEach(c -> hanByFont.merge(font.getAttribute("name"), 1, Integer::sum));
                double size = Double.parseDouble(font.getAttribute("size"));
                dashes += checkDashes(line, size);
                double top = Double.parseDouble(line.getAttribute("bbox").split(" ")[1]);
                if (font.getAttribute("name").equals(embedded.get("body")) && size == singleSize(line, size)) {
                    bodySize = size;
                    if (!Double.isNaN(previousTop)) {
                        pitches.add(top - previousTop);
                    }
                    previousTop = top;
                } else {
                    previousTop = Double.NaN;
                }
            }
        }
        assertThat(hanByFont.keySet()).as("fonts drawing Han characters, by count: " + hanByFont)
                .isSubsetOf(embedded.values());
        assertThat(hanByFont.getOrDefault(embedded.get("body"), 0)).as("Han characters in the body face")
                .isGreaterThan(hanByFont.values().stream().mapToInt(Integer::intValue).sum() / 2);
        assertThat(pitches).as("consecutive body lines").hasSizeGreaterThan(20);
        Collections.sort(pitches);
        double median = pitches.get(pitches.size() / 2);
        assertThat(median / bodySize).as("line pitch %.2f pt at %.2f pt", median, bodySize)
                .isBetween(LINE_HEIGHT * 0.95, LINE_HEIGHT * 1.05);
        return dashes;
    }

    /** The size of a line's text, for lines set in one size only; another value otherwise. */
    private static double singleSize(Element line, double size) {
        NodeList fonts = line.getElementsByTagName("font");
        for (int i = 0; i < fonts.getLength(); i++) {
            if (Double.parseDouble(((Element) fonts.item(i)).getAttribute("size")) != size) {
                return -1;
            }
        }
        return size;
    }

    /**
     * Checks that the second dash of each —— starts one em after the first: the embedded
     * dash fills its em, so the two draw one rule. Returns how many there were.
     */
    private static int checkDashes(Element line, double size) {
        NodeList chars = line.getElementsByTagName("char");
        int count = 0;
        for (int i = 0; i + 1 < chars.getLength(); i++) {
            Element first = (Element) chars.item(i);
            Element second = (Element) chars.item(i + 1);
            if (first.getAttribute("c").equals("\u2014") && second.getAttribute("c").equals("\u2014")) {
                double advance = Double.parseDouble(second.getAttribute("x")) - Double.parseDouble(first.getAttribute("x"));
                assertThat(advance).as("the first dash of —— at %s pt", size).isCloseTo(size, within(size * 0.01));
                count++;
                i++;
            }
        }
        return count;
    }

    private static String text(Element line) {
        StringBuilder text = new StringBuilder();
        NodeList chars = line.getElementsByTagName("char");
        for (int i = 0; i < chars.getLength(); i++) {
            text.append(((Element) chars.item(i)).getAttribute("c"));
        }
        return text.toString();
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Each embedded face's font by its file name (body, bold, heading), named as MuPDF names it: family and style. */
    private static Map<String, String> embeddedFontNames(Path epub) throws IOException {
        Map<String, String> names = new HashMap<>();
        Set<String> files = new TreeSet<>();
        for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
            if (entry.getKey().startsWith("EPUB/fonts/")) {
                files.add(entry.getKey());
                try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(entry.getValue()))) {
                    String face = entry.getKey().substring("EPUB/fonts/".length()).replace(".ttf", "");
                    names.put(face, font.getNaming().getFontFamily() + " " + font.getNaming().getFontSubFamily());
                }
            }
        }
        assertThat(files).as("embedded fonts").isNotEmpty();
        return names;
    }
}
