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
                .contains("{\"title\": \"初心永挚、行稳致远，永葆赤子之心\", \"paragraphs\": 9}");
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

    private void assertFailsCleanly(Path source, String message) throws IOException {
        Path out = temp.resolve("out-" + source.getFileName());
        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("cjkbook: ").contains(message);
        assertThat(Builds.filesUnder(out)).isEmpty();
    }
}
