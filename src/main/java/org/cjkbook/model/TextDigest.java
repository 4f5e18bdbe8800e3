package org.cjkbook.model;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digest of what a reader sees of a book: its metadata, every text, and where blocks
 * begin. Image files count by name and description, not by their place on this machine,
 * so the same sources give the same digest in any folder.
 */
final class TextDigest extends Walk {

    private final MessageDigest digest;

    private TextDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The book last digested, and its UUID, held weakly: a build asks for its book's many times. */
    private record Digested(WeakReference<Book> book, String uuid) {
    }

    private static volatile Digested last = new Digested(new WeakReference<>(null), null);

    /** The digest shaped as a name-based UUID (version 5 layout), the form reading systems expect. */
    static String uuid(Book book) {
        Digested digested = last;
        if (digested.book().get() == book) {
            return digested.uuid();
        }
        String uuid = digest(book);
        last = new Digested(new WeakReference<>(book), uuid);
        return uuid;
    }

    private static String digest(Book book) {
        TextDigest walk = new TextDigest();
        walk.metadata(book.metadata());
        walk.book(book);
        byte[] hash = walk.digest.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            hex.append(String.format("%02x", hash[i]));
        }
        return "urn:uuid:" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                + "-" + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /**
     * Every field by name, not the record's own {@code toString}: that is bootstrapped
     * through method handles on first use, a cost a short build felt.
     */
    private void metadata(Metadata metadata) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", metadata.title());
        fields.put("kicker", metadata.kicker());
        fields.put("subtitle", metadata.subtitle());
        fields.put("column", metadata.column());
        fields.put("language", metadata.language());
        fields.put("identifier", metadata.identifier());
        fields.put("date", metadata.date());
        fields.put("publisher", metadata.publisher());
        fields.put("rights", metadata.rights());
        fields.put("description", metadata.description());
        fields.put("source", metadata.source());
        fields.put("subjects", metadata.subjects());
        fields.put("creators", roles(metadata.creators()));
        fields.put("contributors", roles(metadata.contributors()));
        fields.forEach((name, value) -> put(name + "=" + value));
    }

    private static List<String> roles(List<Contributor> contributors) {
        return contributors.stream().map(c -> c.role() + " " + c.name()).toList();
    }

    /** Each piece ends with a separator no text holds, so that moving a boundary changes the digest. */
    private void put(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    @Override
    public void chapter(Chapter chapter) {
        put("chapter");
        super.chapter(chapter);
    }

    @Override
    public void paragraph(Block.Paragraph paragraph) {
        put("paragraph");
        super.paragraph(paragraph);
    }

    @Override
    public void heading(Block.Heading heading) {
        put("heading " + heading.level());
        super.heading(heading);
    }

    @Override
    public void verse(Block.Verse verse) {
        for (List<Inline> line : verse.lines()) {
            put("line");
            inlines(line);
        }
    }

    @Override public void codeBlock(Block.CodeBlock code) { put(code.text()); }

    @Override
    public void image(Block.Image image) {
        put(Path.of(image.file()).getFileName() + " " + image.alt() + " " + image.caption());
    }

    @Override
    public void image(Inline.Image image) {
        put("inline " + Path.of(image.file()).getFileName() + " " + image.alt());
    }

    @Override public void thematicBreak(Block.Break rule) { put("break"); }

    @Override public void text(Inline.Text text) { put(text.text()); }

    @Override public void code(Inline.Code code) { put(code.text()); }

    @Override public void lineBreak(Inline.LineBreak lineBreak) { put("line"); }
}
