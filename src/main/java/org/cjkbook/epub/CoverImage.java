package org.cjkbook.epub;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.cjkbook.font.Face;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Metadata;
import org.cjkbook.text.LineBreaks;

/**
 * A cover made from the book's metadata when the settings give none: the column in a red
 * band, the kicker, the title large, the subtitle and the authors, set in the book's own
 * faces (whose subsets already hold these characters, as the title page sets them too).
 */
final class CoverImage {

    static final int WIDTH = 1600;
    static final int HEIGHT = 2560;
    private static final int MEASURE = 1280;
    private static final Color PAPER = new Color(0xF7, 0xF3, 0xEA);
    private static final Color RED = new Color(0xB0, 0x1E, 0x23);
    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte PALETTE_COLOUR = 3;
    private static final int DEFLATE_LEVEL = 5;

    private CoverImage() {
    }

    /** The cover as a PNG. */
    static byte[] render(Metadata metadata, Map<Face, byte[]> programs) {
        System.setProperty("java.awt.headless", "true");
        Map<Face, Font> fonts = new java.util.EnumMap<>(Face.class);
        programs.forEach((face, program) -> fonts.put(face, load(face, program)));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            // The paper and the bands cover whole pixels: anti-aliasing them, four million
            // pixels, would only take time.
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(RED);
            g.fillRect(0, 0, WIDTH, 300);
            g.fillRect(0, HEIGHT - 60, WIDTH, 60);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            if (metadata.column() != null) {
                g.setColor(Color.WHITE);
                g.setFont(font(fonts, Face.HEADING, 96));
                centred(g, metadata.column(), 190);
            }

            List<Line> block = new ArrayList<>();
            if (metadata.kicker() != null) {
                block.addAll(lines(g, metadata.kicker(), font(fonts, Face.BODY, 76), GREY, 1.5f));
                block.add(new Line("", null, GREY, 60));
            }
            block.addAll(lines(g, metadata.title(), font(fonts, Face.BOLD, 150), INK, 1.35f));
            if (metadata.subtitle() != null) {
                block.add(new Line("", null, GREY, 60));
                block.addAll(lines(g, "——" + metadata.subtitle(), font(fonts, Face.BODY, 72), GREY, 1.5f));
            }
            int height = block.stream().mapToInt(Line::height).sum();
            int y = Math.max(420, 1250 - height / 2);
            for (Line line : block) {
                y += line.height();
                if (line.font() != null) {
                    g.setFont(line.font());
                    g.setColor(line.color());
                    centred(g, line.text(), y - line.height() / 4);
                }
            }

            if (!metadata.creators().isEmpty()) {
                g.setColor(RED);
                g.fillRect(WIDTH / 2 - 120, 2150, 240, 6);
                g.setColor(INK);
                g.setFont(font(fonts, Face.BODY, 72));
                centred(g, String.join("\u3000", metadata.creators().stream().map(Contributor::name).toList()), 2290);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * The image as a PNG with a palette of its 256 most frequent colours: a few flat colours
     * and the anti-aliased edges between them, so the palette loses nothing visible and the
     * PNG is half the size. Rows are left unfiltered, as the PNG specification advises for a
     * palette, and deflated at level 5: ImageIO's writer tried five filters on every row and
     * took ten times as long for a slightly larger file; level 9 is six times slower for a
     * file 8% smaller.
     */
    private static byte[] png(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        // the pixels themselves, not a copy: a TYPE_INT_RGB image has one int per pixel, row after row
        int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        // Flat colour comes in long runs: count a run at a time.
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < pixels.length; ) {
            int colour = pixels[i] & 0xFFFFFF;
            int run = i;
            while (run < pixels.length && (pixels[run] & 0xFFFFFF) == colour) {
                run++;
            }
            counts.merge(colour, run - i, Integer::sum);
            i = run;
        }
        int[] palette = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(256).mapToInt(Map.Entry::getKey).toArray();

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PNG_SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put(PALETTE_COLOUR).put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteBuffer colours = ByteBuffer.allocate(3 * palette.length);
        for (int colour : palette) {
            colours.put((byte) (colour >> 16)).put((byte) (colour >> 8)).put((byte) colour);
        }
        chunk(png, "PLTE", colours.array());

        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(DEFLATE_LEVEL);
        try (DeflaterOutputStream out = new DeflaterOutputStream(data, deflater, 1 << 16)) {
            byte[] row = new byte[1 + width]; // a filter type byte, 0 for none, then the row's indices
            Map<Integer, Byte> nearest = new java.util.HashMap<>();
            int previous = -1;
            byte index = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int colour = pixels[y * width + x] & 0xFFFFFF;
                    if (colour != previous) {
                        index = nearest.computeIfAbsent(colour, c -> (byte) closest(c, palette));
                        previous = colour;
                    }
                    row[1 + x] = index;
                }
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        } finally {
            deflater.end();
        }
        chunk(png, "IDAT", data.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] tag = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(tag);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(tag);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int closest(int colour, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            long dr = ((colour >> 16) & 0xFF) - ((palette[i] >> 16) & 0xFF);
            long dg = ((colour >> 8) & 0xFF) - ((palette[i] >> 8) & 0xFF);
            long db = (colour & 0xFF) - (palette[i] & 0xFF);
            long distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private record Line(String text, Font font, Color color, int height) {
    }

    /** Text broken into centred lines that fit the measure, at spaces first, then by Chinese rules. */
    private static List<Line> lines(Graphics2D g, String text, Font font, Color color, float leading) {
        FontMetrics metrics = g.getFontMetrics(font);
        int height = Math.round(font.getSize() * leading);
        List<Line> lines = new ArrayList<>();
        for (String part : text.split(" ")) {
            String rest = part;
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (metrics.stringWidth(rest.substring(0, end)) > MEASURE) {
                    int previous = -1;
                    for (int next = LineBreaks.next(rest, 0); next > 0 && next < end; next = LineBreaks.next(rest, next)) {
                        previous = next;
                    }
                    if (previous < 0) {
                        break;
                    }
                    end = previous;
                }
                lines.add(new Line(rest.substring(0, end), font, color, height));
                rest = rest.substring(end);
            }
        }
        // A short title split at its space reads better on one line.
        if (lines.size() > 1 && metrics.stringWidth(text) <= MEASURE) {
            return List.of(new Line(text, font, color, height));
        }
        return lines;
    }

    private static void centred(Graphics2D g, String text, int baseline) {
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (WIDTH - width) / 2f, baseline);
    }

    private static Font font(Map<Face, Font> fonts, Face face, float size) {
        return fonts.get(face).deriveFont(size);
    }

    /** Each face's subset is read once, then sized for each use. */
    private static Font load(Face face, byte[] program) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(program));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("the " + face + " subset cannot be drawn with", e);
        }
    }
}
