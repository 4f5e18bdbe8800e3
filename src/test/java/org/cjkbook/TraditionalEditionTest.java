package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.epub.EpubCheckReport;
import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.TextRewrite;
import org.cjkbook.model.Walk;
import org.cjkbook.text.CharClasses;
import org.cjkbook.text.ScriptConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed converted to Taiwan's Traditional Chinese (script: hant-tw), in both editions. */
class TraditionalEditionTest {

    /**
     * Conversions of the seed's text that both editions must show: phrases whose characters
     * a table alone would get wrong (扎实, 收获, 锤炼, 周年, 定制, 宣布, 开辟, 干部), Taiwan's
     * character forms (为, 里, 群众, 着力), its words (项目) and its corner quotes.
     */
    private static final List<String> CONVERSIONS = List.of(
            "行穩致遠", "開闢未來", "領導幹部", "紮紮實實", "學習有收穫", "作風錘鍊", "成立70週年慶典",
            "不知情定製問題", "淬鍊", "宣佈大功告成", "以縣處級以上領導幹部為重點", "往深裡走", "往心裡走",
            "人民群眾認可", "民政部著力解決", "違建專案", "「不忘初心、牢記使命」主題教育",
            "『革命尚未成功，同志仍須努力』", "『兩張皮』", "「村裡自來水管道", "習近平總書記", "守初心、擔使命",
            "中華民族邁向偉大復興", "風華正茂");

    private static Path built() {
        return Builds.of(Builds.SEED, "--script", "hant-tw");
    }

    @Test
    void knownConversionsAppearInBothEditions() throws IOException {
        String epub = withoutSpaces(epubText(built().resolve("book.epub")));
        String pdf = withoutSpaces(pdfText(built().resolve("book.pdf")));
        assertThat(CONVERSIONS).hasSizeGreaterThanOrEqualTo(20);
        for (String conversion : CONVERSIONS) {
            assertThat(epub).as("EPUB").contains(conversion);
            assertThat(pdf).as("PDF").contains(conversion);
        }
        assertThat(epub).doesNotContain("“").doesNotContain("”").doesNotContain("‘").doesNotContain("’");
    }

    @Test
    void noSimplifiedOnlyCharacterRemainsInEitherEdition() throws IOException {
        Set<Integer> simplifiedOnly = simplifiedOnly();
        assertThat(simplifiedOnly).as("the definition finds 这, 们, 发, 门").contains((int) '这', (int) '们',
                (int) '发', (int) '门').doesNotContain((int) '着', (int) '里', (int) '干', (int) '面', (int) '群');
        Map<String, String> texts = new TreeMap<>();
        Builds.entries(built().resolve("book.epub")).forEach((name, bytes) -> {
            if (name.endsWith(".xhtml") || name.endsWith(".opf") || name.endsWith(".ncx")) {
                // Ids and links to them stay as the source made them, so that its links still lead there.
                texts.put("EPUB " + name, new String(bytes, StandardCharsets.UTF_8)
                        .replaceAll("(?:id|href|aria-labelledby)=\"[^\"]*\"", ""));
            }
        });
        texts.put("PDF", pdfText(built().resolve("book.pdf")));
        texts.forEach((where, text) -> {
            Set<String> found = new TreeSet<>();
            text.codePoints().filter(simplifiedOnly::contains).forEach(c -> found.add(Character.toString(c)));
            assertThat(found).as("Simplified-only characters in " + where).isEmpty();
        });
    }

    @Test
    void bothEditionsSayTheirLanguageIsTaiwansTraditionalChinese() throws IOException {
        Map<String, byte[]> entries = Builds.entries(built().resolve("book.epub"));
        String opf = new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8);
        assertThat(opf).contains("<dc:language>zh-Hant-TW</dc:language>").contains("xml:lang=\"zh-Hant-TW\"");
        assertThat(new String(entries.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8))
                .contains("lang=\"zh-Hant-TW\" xml:lang=\"zh-Hant-TW\"");
        try (PDDocument pdf = Loader.loadPDF(built().resolve("book.pdf").toFile())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-Hant-TW");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("永葆初心本色 踐行使命擔當");
        }
    }

    @Test
    void bothEditionsAreSetInTheTraditionalChineseFonts() throws IOException {
        Set<String> pdfFonts = new TreeSet<>();
        try (PDDocument pdf = Loader.loadPDF(built().resolve("book.pdf").toFile())) {
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    pdfFonts.add(page.getResources().getFont(name).getName().replaceAll("^[A-Z]{6}\\+", ""));
                }
            }
        }
        assertThat(pdfFonts).containsExactlyInAnyOrder("NotoSerifTC-Regular", "NotoSerifTC-Bold", "NotoSansTC-Bold");
        Set<String> epubFamilies = new TreeSet<>();
        for (Map.Entry<String, byte[]> entry : Builds.entries(built().resolve("book.epub")).entrySet()) {
            if (entry.getKey().endsWith(".ttf")) {
                try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(entry.getValue()))) {
                    epubFamilies.add(font.getNaming().getFontFamily());
                }
            }
        }
        assertThat(epubFamilies).containsExactlyInAnyOrder("Noto Serif TC", "Noto Sans TC");
        String colophon = new String(Builds.entries(built().resolve("book.epub")).get("EPUB/colophon.xhtml"),
                StandardCharsets.UTF_8);
        assertThat(colophon).contains("版式設計：").contains("Noto Serif TC、Noto Sans TC");
    }

    @Test
    void theEpubPassesEpubCheckAndItsFontsTheSanitizer(@TempDir Path temp) throws IOException {
        assertThat(EpubCheckReport.check(built().resolve("book.epub").toFile())).isEmpty();
        Path ots = ExternalTool.require("ots-sanitize");
        for (Map.Entry<String, byte[]> entry : Builds.entries(built().resolve("book.epub")).entrySet()) {
            if (entry.getKey().endsWith(".ttf")) {
                Path font = Files.write(temp.resolve("font.ttf"), entry.getValue());
                ExternalTool.Run run = ExternalTool.run(ots, font.toString(), temp.resolve("out.ttf").toString());
                assertThat(run.exitCode()).as(entry.getKey() + ": " + run.output()).isZero();
            }
        }
    }

    /**
     * 礰 and 祶, which Noto Serif TC lacks, are drawn in Noto Serif SC in both editions, the
     * rest of the text in the TC fonts; the SC font is embedded with just those two.
     */
    @Test
    void charactersTheTraditionalFontsLackAreDrawnInTheSimplifiedSerif(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("rare"));
        Files.writeString(folder.resolve("book.yaml"), "title: 罕用字\ncreators:\n  - 曹雪芹\nlanguage: zh-Hant-TW\n");
        Files.writeString(folder.resolve("01.md"), "# 第一回\n\n這裡有兩個罕見的字：礰與祶，其餘皆為常見的繁體字。\n\n"
                + "說話之間，**賈寶玉**走進來。\n");
        Builds.Run run = Builds.cli("build", folder.toString(), "-o", temp.resolve("out").toString(), "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Map<Integer, Set<String>> pdfFonts = new TreeMap<>();
        try (PDDocument pdf = Loader.loadPDF(temp.resolve("out/rare.pdf").toFile())) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition glyph) {
                    glyph.getUnicode().codePoints().forEach(c -> pdfFonts.computeIfAbsent(c, k -> new TreeSet<>())
                            .add(glyph.getFont().getName().replaceAll("^[A-Z]{6}\\+", "")));
                }
            }.getText(pdf);
        }
        assertThat(pdfFonts.get((int) '礰')).containsExactly("NotoSerifSC-Regular");
        assertThat(pdfFonts.get((int) '祶')).containsExactly("NotoSerifSC-Regular");
        pdfFonts.forEach((c, fonts) -> {
            if (c != '礰' && c != '祶' && Character.isIdeographic(c)) {
                assertThat(fonts).as(Character.toString(c)).allMatch(font -> font.contains("TC"));
            }
        });

        Path epub = temp.resolve("out/rare.epub");
        Map<String, byte[]> entries = Builds.entries(epub);
        String chapter = new String(entries.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains("<span class=\"fallback-other\">礰</span>")
                .contains("<span class=\"fallback-other\">祶</span>");
        assertThat(new String(entries.get("EPUB/css/epub.css"), StandardCharsets.UTF_8))
                .contains("font-family: \"Book Serif Other\"; font-weight: 400; font-style: normal; "
                        + "src: url(../fonts/other.ttf)")
                .contains(".fallback-other { font-family: \"Book Serif Other\"");
        try (TrueTypeFont other = new TTFParser().parse(new RandomAccessReadBuffer(entries.get("EPUB/fonts/other.ttf")))) {
            assertThat(other.getNaming().getFontFamily()).isEqualTo("Noto Serif SC");
            Set<Integer> mapped = new TreeSet<>();
            for (int c = 0x20; c <= 0xFFFF; c++) {
                if (other.getUnicodeCmapLookup().getGlyphId(c) != 0) {
                    mapped.add(c);
                }
            }
            assertThat(mapped).containsExactly((int) '礰', (int) '祶');
        }
        assertThat(new String(entries.get("EPUB/colophon.xhtml"), StandardCharsets.UTF_8))
                .contains("Noto Serif TC、Noto Sans TC、Noto Serif SC");
        assertThat(pdfText(temp.resolve("out/rare.pdf"))).contains("Noto Serif TC、Noto Sans TC、Noto Serif SC");
        assertThat(EpubCheckReport.check(epub.toFile())).isEmpty();
    }

    /** A book whose own fonts draw all its text embeds no font of the other script. */
    @Test
    void aSimplifiedBookThatNeedsNoOtherFontEmbedsNone() throws IOException {
        Path seed = Builds.of(Builds.SEED);
        Map<String, byte[]> entries = Builds.entries(seed.resolve("book.epub"));
        assertThat(entries).doesNotContainKey("EPUB/fonts/other.ttf");
        assertThat(new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8)).doesNotContain("other.ttf");
        assertThat(new String(entries.get("EPUB/css/epub.css"), StandardCharsets.UTF_8)).doesNotContain("other.ttf");
        Set<String> pdfFonts = new TreeSet<>();
        try (PDDocument pdf = Loader.loadPDF(seed.resolve("book.pdf").toFile())) {
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    pdfFonts.add(page.getResources().getFont(name).getName().replaceAll("^[A-Z]{6}\\+", ""));
                }
            }
        }
        assertThat(pdfFonts).containsExactlyInAnyOrder("NotoSerifSC-Regular", "NotoSerifSC-Bold", "NotoSansSC-Bold");
    }

    /**
     * Converting the Traditional editions back gives the seed's text again. From plain
     * {@code hant} it is the very text. From {@code hant-tw}, what Simplified conversion
     * does not undo: the corner quotes (hans converts no punctuation), Taiwan's words from
     * OpenCC's Taiwan phrases (支持 → 支援, 项目 → 專案, 对象 → 物件, none of them in
     * OpenCC's Simplified phrases), and 着 written 著, which without a phrase of its own reads
     * as 著 (显著) in Simplified too.
     */
    @Test
    void simplifiedConversionOfTheTraditionalEditionsGivesBackTheSeed() {
        Book seed = Publisher.builder().source(Builds.SEED).build().read().book();
        for (String script : List.of("hant", "hant-tw")) {
            Book traditional = Publisher.builder().source(Builds.SEED).set("script", script).build().read().book();
            Book back = TextRewrite.of(traditional, ScriptConverter.to(ScriptConverter.Target.HANS, true)::convert);
            Map<String, Integer> differences = differences(texts(seed), texts(back));
            if (script.equals("hant")) {
                assertThat(differences).as(script).isEmpty();
            } else {
                assertThat(differences).as(script).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "“→「", 26, "”→」", 26, "‘→『", 2, "’→』", 2, "”“→」「", 4,
                        "持→援", 2, "项目→专案", 1, "对象→物件", 1, "着→著", 1));
            }
        }
    }

    /**
     * The characters only Simplified Chinese writes, by OpenCC's table of Simplified
     * characters (STCharacters): a key none of whose candidates is itself (发 → 發 髮), and
     * that is not written in Traditional text either: no candidate in that table (so 着 and
     * 干, kept in some words, are not) nor a regional form in OpenCC's tables of Taiwan's and
     * Hong Kong's variants (群, which Taiwan writes for 羣, is not).
     */
    private static Set<Integer> simplifiedOnly() throws IOException {
        Set<Integer> converted = new HashSet<>();
        Map<String, List<String>> characters = table("STCharacters");
        characters.forEach((key, candidates) -> {
            if (!candidates.contains(key)) {
                converted.add(key.codePointAt(0));
            }
        });
        for (String table : List.of("STCharacters", "TWVariants", "HKVariants")) {
            table(table).values().forEach(candidates -> candidates.forEach(c -> converted.remove(c.codePointAt(0))));
        }
        return converted;
    }

    /** An OpenCC dictionary as cjkbook carries it: each key with its candidates. */
    private static Map<String, List<String>> table(String name) throws IOException {
        Map<String, List<String>> table = new TreeMap<>();
        try (InputStream in = ScriptConverter.class.getResourceAsStream("opencc/" + name + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t");
                if (!line.startsWith("#") && fields.length == 2) {
                    table.put(fields[0], List.of(fields[1].strip().split(" ")));
                }
            }
        }
        return table;
    }

    /** Each run of differing characters, as {@code seed→other}, with how often it occurs. */
    private static Map<String, Integer> differences(String seed, String other) {
        assertThat(other).hasSameSizeAs(seed);
        Map<String, Integer> differences = new TreeMap<>();
        for (int i = 0; i < seed.length(); i++) {
            int start = i;
            while (i < seed.length() && seed.charAt(i) != other.charAt(i)) {
                i++;
            }
            if (i > start) {
                differences.merge(seed.substring(start, i) + "→" + other.substring(start, i), 1, Integer::sum);
            }
        }
        return differences;
    }

    /** The metadata and every text of a book, in reading order. */
    private static String texts(Book book) {
        StringBuilder out = new StringBuilder(book.metadata().toString().replaceAll("language=[^,]*", ""));
        new Walk() {
            @Override
            public void text(Inline.Text text) {
                out.append(text.text());
            }
        }.book(book);
        return out.toString();
    }

    /** The text of every document of an EPUB, without markup. */
    static String epubText(Path epub) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : Builds.entries(epub).entrySet()) {
            if (entry.getKey().endsWith(".xhtml")) {
                text.append(new String(entry.getValue(), StandardCharsets.UTF_8).replaceAll("<[^>]*>", "")
                        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
            }
        }
        return text.toString();
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String withoutSpaces(String text) {
        List<Integer> kept = new ArrayList<>();
        text.codePoints().filter(c -> !CharClasses.isSpace(c) && c != '\n' && c != '\r').forEach(kept::add);
        StringBuilder out = new StringBuilder();
        kept.forEach(out::appendCodePoint);
        return out.toString();
    }
}
