package org.cjkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cjkbook.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path temp;

    @Test
    void inspectPrintsTheDetectedStructureAsJson() {
        Builds.Run run = Builds.cli("inspect", "book");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("\"title\": \"永葆初心本色 践行使命担当\"")
                .contains("\"kicker\": \"“不忘初心、牢记使命”主题教育\"")
                .contains("\"subtitle\": null")
                .contains("\"column\": \"辉煌历程\"")
                .contains("\"language\": \"zh-Hans\"")
                .contains("\"creators\": []")
                .contains("{\"name\": \"张芳曼\", \"role\": \"book-designer\"}, {\"name\": \"沈亦伶\", \"role\": \"book-designer\"}")
                .contains("{\"title\": null, \"paragraphs\": 4}")
                .contains("{\"title\": \"以上率下、立根铸魂，补足精神之钙\", \"paragraphs\": 8}")
                .contains("{\"title\": \"对准目标、从严从实，勇于自我革命\", \"paragraphs\": 8}")
                .contains("{\"title\": \"初心永挚、行稳致远，永葆赤子之心\", \"paragraphs\": 9}")
                .contains("\"script\": \"hans\"")
                .contains("\"direction\": \"horizontal\"");
    }

    @Test
    void inspectReportsTheScriptAndDirectionTheSettingsChoose() throws IOException {
        Path book = Files.createDirectories(temp.resolve("竖排"));
        Files.copy(Path.of("book/article.txt"), book.resolve("article.txt"));
        Files.writeString(book.resolve("book.yaml"), "script: hant-tw\nwriting-mode: vertical\n");

        Builds.Run run = Builds.cli("inspect", book.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"title\": \"永葆初心本色 踐行使命擔當\"")
                .contains("\"kicker\": \"「不忘初心、牢記使命」主題教育\"")
                .contains("\"language\": \"zh-Hant-TW\"")
                .contains("\"script\": \"hant-tw\"")
                .contains("\"direction\": \"vertical\"");
    }

    @Test
    void aWritingModeOtherThanHorizontalOrVerticalIsAnError() throws IOException {
        Path book = Files.createDirectories(temp.resolve("book"));
        Files.copy(Path.of("book/article.txt"), book.resolve("article.txt"));
        Files.writeString(book.resolve("book.yaml"), "writing-mode: sideways\n");

        Builds.Run run = Builds.cli("build", book.toString(), "-o", temp.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("writing-mode 'sideways' is not one of horizontal, vertical");
    }

    @Test
    void buildNamesOutputsAfterASingleSourceFile() throws IOException {
        Path source = temp.resolve("短文.txt");
        Files.writeString(source, "短文标题\n\n　　一段正文。\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--format", "epub",
                "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Builds.filesUnder(out)).containsExactly(out.resolve("短文.epub"));
        assertThat(run.err()).contains("read").contains("epub: wrote");
    }

    @Test
    void normalizePunctuationCleansUpTheTextAndSaysWhatItChanged() throws IOException {
        Path source = temp.resolve("短文.txt");
        Files.writeString(source, "短文标题\n\n　　他说\"好\"．又说:\"走吧...\"\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--format", "epub",
                "--fonts", "fonts", "--normalize-punctuation");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("punctuation: 4 quotes paired, 0 alone set by their neighbours, 1 full stops, "
                + "1 ellipses, 0 dashes, 1 marks made full-width");
        String chapter = new String(Builds.entries(out.resolve("短文.epub")).get("EPUB/chapter-1.xhtml"),
                StandardCharsets.UTF_8);
        assertThat(chapter.replaceAll("<[^>]+>", "")).contains("他说“好”。又说：“走吧……”");
        assertThat(org.cjkbook.epub.EpubCheckReport.check(out.resolve("短文.epub").toFile())).isEmpty();
    }

    @Test
    void buildOfTheSeedFolderWritesBothEditionsNamedAfterTheFolder() {
        Path out = Builds.of(Builds.SEED);
        assertThat(out.resolve("book.epub")).isRegularFile();
        assertThat(out.resolve("book.pdf")).isRegularFile();
    }

    @Test
    void missingSourceIsAOneLineErrorNamingIt() throws IOException {
        assertFailsCleanly(temp.resolve("nowhere.txt"), "nowhere.txt: no such file");
    }

    @Test
    void emptySourceIsAnError() throws IOException {
        Path source = Files.write(temp.resolve("empty.txt"), new byte[0]);
        assertFailsCleanly(source, "empty.txt: the file is empty");
    }

    @Test
    void blankSourceIsAnError() throws IOException {
        Path source = Files.writeString(temp.resolve("blank.md"), "\n \n\u3000\n");
        assertFailsCleanly(source, "blank.md: the file holds only blank lines");
    }

    @Test
    void binarySourceIsAnError() throws IOException {
        Path source = Files.write(temp.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertFailsCleanly(source, "image.txt: binary data at byte 4");
    }

    @Test
    void yamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(folder.resolve("book.yaml"), "language: zh-Hans\ntitle: [unclosed\n");
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        assertFailsCleanly(folder, "book.yaml:3: not valid YAML");
    }

    @Test
    void unknownSettingNamesTheKeyAndTheFile() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("unknown"));
        Files.writeString(folder.resolve("book.yaml"), "titel: 书名\n");
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        assertFailsCleanly(folder, "book.yaml: unknown key 'titel'");
    }

    @Test
    void sourceFilesAreNeverWritten() throws IOException {
        Path source = temp.resolve("source.txt");
        Files.writeString(source, "标题\n\n　　正文。\n");
        byte[] before = Files.readAllBytes(source);
        long modified = Files.getLastModifiedTime(source).toMillis();

        Builds.Run run = Builds.cli("build", source.toString(), "-o", temp.resolve("out").toString(),
                "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(source).toMillis()).isEqualTo(modified);
    }

    @Test
    void undecodableBytesAreAnErrorAtTheirLine() throws IOException {
        // Line 3 holds a byte that starts no character in UTF-8, GB18030 or Big5.
        byte[] bytes = "标题\n\n　　正文".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        broken[bytes.length] = (byte) 0xFF;
        broken[bytes.length + 1] = '\n';
        Path source = Files.write(temp.resolve("broken.txt"), broken);
        assertFailsCleanly(source, "broken.txt:3: bytes that are neither UTF-8, GB18030 nor Big5");
    }

    @Test
    void settingOfTheWrongTypeNamesTheKey() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("typed"));
        // A name alone is a list of one for creators, as Pandoc's author is; contributors need their roles.
        Files.writeString(folder.resolve("book.yaml"), "contributors: 张三\n");
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        assertFailsCleanly(folder, "book.yaml: 'contributors' must be a list of {name, role}, not '张三'");
    }

    @Test
    void missingFontFileIsNamed() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("fonted"));
        Files.writeString(folder.resolve("book.yaml"), "fonts:\n  body: no-such-font.ttf\n");
        Files.writeString(folder.resolve("a.txt"), "标题\n\n　　正文。\n");
        assertFailsCleanly(folder, "no-such-font.ttf: font file not found");
    }

    @Test
    void characterNoFontCanDrawIsListedWithWhereItOccurs() throws IOException {
        Path source = temp.resolve("rare.txt");
        Files.writeString(source, "标题\n\n　　第一段。\n　　这一段有一个𠀀字。\n", StandardCharsets.UTF_8);
        assertFailsCleanly(source, "NotoSerifSC-Regular.ttf: has no glyph for 𠀀 (U+20000) at " + source + ":4");
    }

    @Test
    void characterItsFaceLacksIsDrawnByAnotherFaceAndSaidSo() throws Exception {
        // U+F900, a compatibility ideograph: Noto Sans SC has it, Noto Serif SC does not.
        Path source = temp.resolve("compat.txt");
        Files.writeString(source, "标题\n\n　　这一段有一个兼容汉字\uF900，正文用的字体没有它。\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("drawn in another face, their own lacking them: \uF900 (U+F900) in NotoSansSC-Bold.ttf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("compat.pdf").toFile())) {
            // Flying Saucer paints a line's inline elements after its plain text: read by position.
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(pdf)).contains("兼容汉字\uF900，");
        }
        var entries = Builds.entries(out.resolve("compat.epub"));
        assertThat(new String(entries.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8))
                .contains("<span class=\"fallback-heading\">\uF900</span>");
        try (var font = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(entries.get("EPUB/fonts/heading.ttf")))) {
            assertThat(font.getUnicodeCmapLookup().getGlyphId(0xF900)).isNotZero();
        }
    }

    @Test
    void outputFolderThatCannotBeWrittenIsAnError() throws IOException {
        Path source = temp.resolve("fine.txt");
        Files.writeString(source, "标题\n\n　　正文。\n");
        Path blocker = Files.writeString(temp.resolve("a-file"), "not a folder");
        Builds.Run run = Builds.cli("build", source.toString(), "-o", blocker.resolve("out").toString(),
                "--fonts", "fonts");
        assertThat(run.exitCode()).isNotZero();
        assertThat(lastLine(run.err())).startsWith("cjkbook: ").contains("a-file/out: cannot create the output folder");
    }

    @Test
    void killedRunLeavesNoFileUnderTheFinalName() throws Exception {
        // A book long enough that the PDF takes a while to write.
        Path source = temp.resolve("long.txt");
        StringBuilder text = new StringBuilder("长书\n\n");
        for (int chapter = 1; chapter <= 60; chapter++) {
            text.append("第").append(chapter).append("章　一天\n");
            for (int paragraph = 0; paragraph < 40; paragraph++) {
                text.append("　　清晨六点，县城的早市已经热闹起来，卖菜的人来自附近的村子，他们天不亮就出发了。\n");
            }
        }
        Files.writeString(source, text);
        Path out = Files.createDirectories(temp.resolve("killed"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "build", source.toString(), "-o", out.toString(), "--format", "pdf", "--fonts", "fonts")
                .redirectErrorStream(true).redirectOutput(temp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!writing(out, process.pid()) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(writing(out, process.pid())).as("the PDF was being written when the run was killed").isTrue();
        process.destroyForcibly().waitFor();

        assertThat(out.resolve("long.pdf")).doesNotExist();
    }

    @Test
    void anEmptyOrUnknownEditionIsAOneLineError() throws IOException {
        Path source = temp.resolve("formats.txt");
        Files.writeString(source, "标题\n\n　　正文。\n");
        for (String formats : new String[] {",", "", "epub,,pdf", "mobi"}) {
            Path out = temp.resolve("out-formats");
            Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--format", formats);
            assertThat(run.exitCode()).as(formats).isOne();
            assertThat(run.err().strip()).as(formats).startsWith("cjkbook: --format: ").doesNotContain("\n");
            assertThat(Builds.filesUnder(out)).isEmpty();
        }
    }

    @Test
    void aScreenThatCannotBeReachedIsNoConcernOfABuild() throws IOException, InterruptedException {
        Path out = temp.resolve("out-display");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "build", "book", "-o", out.toString(), "--format", "epub", "--fonts", "fonts")
                .redirectErrorStream(true);
        // A display no X server listens on, as a closed SSH session leaves behind.
        builder.environment().put("DISPLAY", ":65000");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Builds.filesUnder(out)).containsExactly(out.resolve("book.epub"));
    }

    private static boolean writing(Path folder, long pid) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".long.pdf." + pid + "."));
        }
    }

    private void assertFailsCleanly(Path source, String message) throws IOException {
        Path out = temp.resolve("out-" + source.getFileName());
        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isNotZero();
        // Progress lines may come first; the error is the last line, and one line.
        assertThat(lastLine(run.err())).startsWith("cjkbook: ").contains(message);
        assertThat(run.err().lines().filter(l -> !l.matches("cjkbook: (read .*|epub: .*|pdf: .*)")).count()).isOne();
        assertThat(Builds.filesUnder(out)).isEmpty();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
