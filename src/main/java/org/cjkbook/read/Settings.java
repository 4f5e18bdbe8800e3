package org.cjkbook.read;

import java.nio.file.Path;
import java.util.Map;

import org.cjkbook.model.Metadata;

/** Book settings, from {@code book.yaml} or a Markdown file's front matter. */
public final class Settings {

    private Settings() {
    }

    /**
     * Applies the metadata keys of a parsed YAML map to a builder; an unknown key or a
     * value of the wrong type is an error naming the key and the file.
     */
    public static void applyMetadata(Map<String, Object> map, Metadata.Builder builder, Path file) {
        throw new UnsupportedOperationException("not yet");
    }
}
