package org.cjkbook.read;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

import org.cjkbook.BookException;
import org.cjkbook.model.Metadata;

/** Book settings, from {@code book.yaml} or a Markdown file's front matter. */
public final class Settings {

    private static final Map<String, BiConsumer<Metadata.Builder, String>> TEXT_KEYS = Map.ofEntries(
            Map.entry("title", Metadata.Builder::title),
            Map.entry("kicker", Metadata.Builder::kicker),
            Map.entry("subtitle", Metadata.Builder::subtitle),
            Map.entry("column", Metadata.Builder::column),
            Map.entry("language", Metadata.Builder::language),
            Map.entry("date", Metadata.Builder::date),
            Map.entry("identifier", Metadata.Builder::identifier),
            Map.entry("publisher", Metadata.Builder::publisher),
            Map.entry("rights", Metadata.Builder::rights),
            Map.entry("description", Metadata.Builder::description));

    private Settings() {
    }

    /**
     * Applies the metadata keys of a parsed YAML map to a builder; an unknown key or a
     * value of the wrong type is an error naming the key and the file. A key without a
     * value leaves the field as it was.
     */
    public static void applyMetadata(Map<String, Object> map, Metadata.Builder builder, Path file) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            BiConsumer<Metadata.Builder, String> setter = TEXT_KEYS.get(key);
            if (setter == null) {
                throw BookException.in(file, "unknown key '" + key + "'");
            }
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            // YAML reads 1984 as a number; as a title it is still text.
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw BookException.in(file, "'" + key + "' must be text");
            }
            setter.accept(builder, value.toString().strip());
        }
    }
}
