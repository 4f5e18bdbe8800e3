package org.cjkbook.font;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bytes of a file stored uncompressed in a zip archive, such as a font inside
 * cjkbook's jar, mapped into memory where they lie in the archive: nothing is copied, and
 * only the pages read are loaded. The zip file system has no such view, and reading a
 * 15 MB font through it means zeroing and filling a fresh 15 MB array.
 *
 * <p>Only what a jar needs is read: the central directory of an archive without ZIP64
 * records. Anything else, and any entry that is compressed, is left to the caller.
 */
final class StoredZipEntry {

    private static final int END_SIGNATURE = 0x06054B50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ENTRY_SIGNATURE = 0x02014B50;
    private static final int ENTRY_SIZE = 46;
    private static final int LOCAL_SIGNATURE = 0x04034B50;
    private static final int LOCAL_SIZE = 30;
    private static final int STORED = 0;

    private StoredZipEntry() {
    }

    /** The bytes of the entry {@code name} of the archive, or null when it is not there stored as it is. */
    static ByteBuffer map(Path zip, String name) throws IOException {
        try (FileChannel channel = FileChannel.open(zip)) {
            long size = channel.size();
            int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
            ByteBuffer end = read(channel, size - tail, tail);
            int at = tail - END_SIZE;
            while (at >= 0 && end.getInt(at) != END_SIGNATURE) {
                at--;
            }
            if (at < 0 || end.getShort(at + 10) == -1 || end.getInt(at + 16) == -1) {
                return null; // no directory, or a ZIP64 one
            }
            ByteBuffer directory = read(channel, Integer.toUnsignedLong(end.getInt(at + 16)),
                    end.getInt(at + 12));
            byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
            for (int entry = 0; entry + ENTRY_SIZE <= directory.limit()
                    && directory.getInt(entry) == ENTRY_SIGNATURE; ) {
                int nameLength = Short.toUnsignedInt(directory.getShort(entry + 28));
                int next = entry + ENTRY_SIZE + nameLength + Short.toUnsignedInt(directory.getShort(entry + 30))
                        + Short.toUnsignedInt(directory.getShort(entry + 32));
                byte[] entryName = new byte[nameLength];
                directory.get(entry + ENTRY_SIZE, entryName);
                if (Arrays.equals(entryName, wanted)) {
                    if (directory.getShort(entry + 10) != STORED) {
                        return null;
                    }
                    long length = Integer.toUnsignedLong(directory.getInt(entry + 24));
                    ByteBuffer local = read(channel, Integer.toUnsignedLong(directory.getInt(entry + 42)), LOCAL_SIZE);
                    if (local.getInt(0) != LOCAL_SIGNATURE) {
                        return null;
                    }
                    long data = Integer.toUnsignedLong(directory.getInt(entry + 42)) + LOCAL_SIZE
                            + Short.toUnsignedInt(local.getShort(26)) + Short.toUnsignedInt(local.getShort(28));
                    return data + length > size ? null
                            : channel.map(FileChannel.MapMode.READ_ONLY, data, length).order(ByteOrder.BIG_ENDIAN);
                }
                entry = next;
            }
            return null;
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) >= 0) {
            // a file channel reads what it can each time
        }
        return bytes.flip();
    }
}
