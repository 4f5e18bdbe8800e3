package org.cjkbook.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.cjkbook.Beside;

/**
 * Writes an EPUB's zip: its entries deflated on two cores and written in the order given,
 * each with its sizes before its data. Deflating took most of the time of writing a long
 * book's EPUB, and the JDK's zip stream deflates one entry after another on one.
 */
final class ZipWriter {

    /** A file of the zip; a {@code stored} one is not compressed. */
    record Entry(String name, byte[] data, boolean stored) {
    }

    /** An entry as the zip holds it. */
    private record Packed(byte[] name, boolean stored, long crc, int size, byte[] bytes) {
    }

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    /** The flag that says a name is UTF-8: without it, many unzippers read it as IBM PC text. */
    private static final int UTF8_NAME = 0x0800;
    /**
     * Every entry's time, as MS-DOS writes it: 2000-01-01 00:00, fixed, so that the same book
     * gives the same bytes; no extra field carries another, which the mimetype entry must not have.
     */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

    private ZipWriter() {
    }

    /** Writes {@code entries} to {@code out}, half of them, by bytes, deflated on another thread. */
    static void write(OutputStream out, List<Entry> entries) throws IOException {
        List<Future<Packed>> beside = new ArrayList<>();
        ExecutorService thread = Beside.thread("cjkbook-zip");
        try {
            // Each entry in turn goes to the thread given fewer bytes so far, the same way
            // each time (which thread packs an entry does not change its bytes): the two
            // work side by side through the zip, this one writing as it goes.
            long there = 0;
            long here = 0;
            for (Entry entry : entries) {
                boolean besideThis = there <= here;
                beside.add(besideThis ? thread.submit(() -> pack(entry)) : null);
                there += besideThis ? entry.data().length : 0;
                here += besideThis ? 0 : entry.data().length;
            }
            ByteArrayOutputStream directory = new ByteArrayOutputStream();
            long offset = 0;
            for (int i = 0; i < entries.size(); i++) {
                Packed packed = beside.get(i) != null ? Beside.done(beside.get(i)) : pack(entries.get(i));
                beside.set(i, null);
                ByteBuffer local = header(LOCAL_HEADER, packed, -1);
                out.write(local.array());
                out.write(packed.bytes());
                directory.writeBytes(header(CENTRAL_HEADER, packed, offset).array());
                offset += local.capacity() + packed.bytes().length;
            }
            if (offset + directory.size() > 0xFFFFFFFFL || entries.size() > 0xFFFF) {
                throw new IOException("the EPUB passes what a zip without extensions holds (4 GB, 65,535 files)");
            }
            directory.writeTo(out);
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0)
                    .putShort((short) entries.size()).putShort((short) entries.size())
                    .putInt(directory.size()).putInt((int) offset).putShort((short) 0);
            out.write(end.array());
        } finally {
            thread.shutdownNow();
        }
    }

    /**
     * The header of an entry: its local one before its data, or, with the {@code offset}
     * of that, its record in the central directory.
     */
    private static ByteBuffer header(int signature, Packed packed, long offset) {
        boolean central = signature == CENTRAL_HEADER;
        ByteBuffer header = ByteBuffer.allocate((central ? 46 : 30) + packed.name().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        short version = (short) (packed.stored() ? 10 : 20);
        header.putInt(signature);
        if (central) {
            header.putShort(version);
        }
        header.putShort(version).putShort((short) (ascii(packed.name()) ? 0 : UTF8_NAME))
                .putShort((short) (packed.stored() ? STORED : DEFLATED))
                .putShort((short) DOS_TIME).putShort((short) DOS_DATE).putInt((int) packed.crc())
                .putInt(packed.bytes().length).putInt(packed.size()).putShort((short) packed.name().length)
                .putShort((short) 0);
        if (central) {
            // No comment, disk 0, no attributes, and where the entry's local header is.
            header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
        }
        return header.put(packed.name());
    }

    private static boolean ascii(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Packed pack(Entry entry) {
        CRC32 crc = new CRC32();
        crc.update(entry.data());
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        if (entry.stored()) {
            return new Packed(name, true, crc.getValue(), entry.data().length, entry.data());
        }
        // Raw deflate at the JDK's default level, as its zip stream writes.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(entry.data());
            deflater.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.data().length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                bytes.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Packed(name, false, crc.getValue(), entry.data().length, bytes.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
