package org.cjkbook.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cjkbook.BookException;

/**
 * Reads a source file as text, as people have it: UTF-8 with or without a byte order
 * mark, UTF-16 with one, or GB18030 (which includes GBK and GB2312) or Big5 when the bytes
 * are not UTF-8. What is not text is refused with a message that says why.
 */
final class SourceText {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");

    /** A decoded source and the encoding it was in. */
    record Decoded(String text, String encoding) {
    }

    private SourceText() {
    }

    /** A settings file may be empty: then every setting takes its default. */
    static String readSettings(Path file) {
        return decode(file, bytes(file, file)).text();
    }

    /** Reads {@code real}, where {@code file}, named in messages, really is. */
    static Decoded read(Path file, Path real) {
        byte[] bytes = bytes(file, real);
        if (bytes.length == 0) {
            throw BookException.in(file, "the file is empty");
        }
        Decoded decoded = decode(file, bytes);
        if (decoded.text().isBlank()) {
            throw BookException.in(file, "the file holds only blank lines");
        }
        return decoded;
    }

    private static byte[] bytes(Path file, Path real) {
        try {
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw BookException.in(file, "no such file");
        } catch (IOException e) {
            throw BookException.in(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Decoded decode(Path file, byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(file, bytes, 3, StandardCharsets.UTF_8), "UTF-8 with BOM");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(file, bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(file, bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw BookException.in(file, "binary data at byte " + nul + ", not text: give a .txt or .md file");
        }
        int invalid = firstInvalid(bytes, StandardCharsets.UTF_8);
        if (invalid < 0) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), "UTF-8");
        }
        boolean big5 = firstInvalid(bytes, BIG5) < 0 && !hasControlCharacters(new String(bytes, BIG5));
        if (firstInvalid(bytes, GB18030) < 0) {
            String text = new String(bytes, GB18030);
            if (!hasControlCharacters(text) && !(big5 && commonBig5(bytes) > commonGb(bytes))) {
                return new Decoded(text, "GB18030");
            }
        }
        if (big5) {
            return new Decoded(new String(bytes, BIG5), "Big5");
        }
        throw BookException.at(file, lineAt(bytes, invalid),
                "bytes that are neither UTF-8, GB18030 nor Big5 text; save the file as UTF-8");
    }

    private static String strict(Path file, byte[] bytes, int offset, Charset charset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw BookException.in(file, "bytes that are not " + charset.name() + " text, although the file starts"
                    + " with its byte order mark");
        }
    }

    /** Offset of the first byte that does not decode, or -1 when all of it does. */
    private static int firstInvalid(byte[] bytes, Charset charset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer);
            return -1;
        } catch (CharacterCodingException e) {
            return buffer.position();
        }
    }

    /*
     * Most Big5 text is also valid GB18030, and the other way round, but each read in the
     * wrong encoding gives rare characters. So the encoding whose reading has the larger
     * share of characters from its common set wins: GB2312's symbols and first level
     * (rows A1–A9 and B0–D7), or Big5's symbols and frequent characters (A140–C67E).
     */

    /** The share of multi-byte characters that are common ones when read as GB18030. */
    private static double commonGb(byte[] bytes) {
        int all = 0;
        int common = 0;
        for (int i = 0; i < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80 || i + 1 >= bytes.length) {
                continue;
            }
            int trail = bytes[i + 1] & 0xFF;
            all++;
            if (trail >= 0x30 && trail <= 0x39) {
                i += 3; // a four-byte sequence: never a common character
                continue;
            }
            if ((lead <= 0xA9 || lead >= 0xB0 && lead <= 0xD7) && trail >= 0xA1) {
                common++;
            }
            i++;
        }
        return all == 0 ? 0 : (double) common / all;
    }

    /** The share of multi-byte characters that are common ones when read as Big5. */
    private static double commonBig5(byte[] bytes) {
        int all = 0;
        int common = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                continue;
            }
            int code = lead << 8 | bytes[i + 1] & 0xFF;
            all++;
            if (code >= 0xA140 && code <= 0xA3BF || code >= 0xA440 && code <= 0xC67E) {
                common++;
            }
            i++;
        }
        return all == 0 ? 0 : (double) common / all;
    }

    /** Binary data can decode as GB18030; text has no control characters but line ends and tabs. */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f');
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
