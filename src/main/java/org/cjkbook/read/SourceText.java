package org.cjkbook.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cjkbook.BookException;

/** Reads a source file as text, refusing what is not text with a message that says why. */
final class SourceText {

    private SourceText() {
    }

    /** A settings file may be empty: then every setting takes its default. */
    static String readSettings(Path file) {
        try {
            return decodeUtf8(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw BookException.in(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BookException.in(file, "no such file");
        } catch (IOException e) {
            throw BookException.in(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) {
            throw BookException.in(file, "the file is empty");
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw BookException.in(file, "binary data at byte " + nul + ", not text: give a .txt or .md file");
        }
        String text = decodeUtf8(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw BookException.in(file, "the file holds only blank lines");
        }
        return text;
    }

    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < buffer.position() && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw BookException.at(file, line, "bytes that are not UTF-8 text; save the file as UTF-8");
        }
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
