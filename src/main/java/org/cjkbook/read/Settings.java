package org.cjkbook.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cjkbook.BookException;
import org.cjkbook.model.Book;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Metadata;
import org.cjkbook.model.Role;
import org.cjkbook.text.ScriptConverter;

/**
 * Book settings: metadata that overrides what the text says, and choices the text cannot
 * make (sources, page size, fonts, editions, layout, cover, figure numbers, punctuation
 * clean-up, script, writing mode, PDF/A). They come in layers, each over the ones
 * before it: a metadata file given to cjkbook, the front matter of the Markdown sources,
 * {@code book.yaml}, and the keys given to cjkbook itself (the command line's {@code -M},
 * {@link org.cjkbook.Publisher.Builder#set}).
 * A key may go by cjkbook's name or by Pandoc's ({@link SettingNames}). A null
 * {@code layout} leaves it to the sources; a null {@code script} leaves the text in the
 * characters it is written in.
 *
 * @param metadata the metadata fields set, under cjkbook's names, their values checked
 */
public record Settings(
        Path file,
        List<Path> sources,
        Map<String, Object> metadata,
        String pageSize,
        List<String> formats,
        Map<String, Path> fonts,
        Path cover,
        Book.Layout layout,
        boolean figureNumbers,
        boolean normalizePunctuation,
        ScriptConverter.Target script,
        boolean vertical,
        boolean pdfa) {

    private static final Set<String> FONT_KEYS = Set.of("body", "bold", "heading", "mono");
    /** Where settings given to cjkbook itself, not in a file, are said to come from. */
    public static final Path GIVEN = Path.of("settings given to cjkbook");
    private static final Set<String> FORMATS = Set.of("epub", "pdf");
    private static final Set<String> SIMPLIFIED_REGIONS = Set.of("CN", "SG", "MY");
    private static final Set<String> TRADITIONAL_REGIONS = Set.of("TW", "HK", "MO");

    public Settings {
        sources = List.copyOf(sources);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        formats = List.copyOf(formats);
        fonts = Map.copyOf(fonts);
    }

    /**
     * The keys of one place, a settings file or those given to cjkbook, checked and under
     * cjkbook's names: each field holds its value as the settings keep it.
     */
    record Layer(Path file, Map<String, Object> fields) {
        Layer {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * Reads the keys of one place and checks every one: {@code file} names the place in
     * messages, relative paths start at {@code folder}, and a cover must lie inside
     * {@code book}. A field given twice, by cjkbook's name and by Pandoc's, is an error
     * naming both; a Pandoc key cjkbook has no use for adds a warning.
     */
    static Layer layer(Path file, Map<String, Object> keys, Path folder, BookFolder book, List<String> warnings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> givenBy = new java.util.HashMap<>();
        for (Map.Entry<String, Object> entry : keys.entrySet()) {
            String key = entry.getKey();
            String name = SettingNames.of(key, file, warnings);
            if (name == null) {
                continue;
            }
            Map<String, Object> values = name.equals("title") ? titles(entry.getValue(), key, file)
                    : java.util.Collections.singletonMap(name, value(name, entry.getValue(), key, file, folder, book,
                            warnings));
            for (Map.Entry<String, Object> value : values.entrySet()) {
                String other = givenBy.put(value.getKey(), key);
                if (other != null) {
                    throw BookException.in(file, "'" + other + "' and '" + key + "' both give the "
                            + value.getKey() + "; keep one");
                }
                // A bare language tag leaves the script to be told from the text.
                if (value.getValue() != null) {
                    fields.put(value.getKey(), value.getValue());
                }
            }
        }
        return new Layer(file, fields);
    }

    /** The settings of {@code layers}, each over those before it; {@code file} is the book's own settings file. */
    static Settings of(Path file, List<Layer> layers) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Layer layer : layers) {
            fields.putAll(layer.fields());
        }
        Map<String, Object> metadata = new LinkedHashMap<>(fields);
        metadata.keySet().retainAll(SettingNames.METADATA);
        return new Settings(file, field(fields, "sources", List.of()), metadata, field(fields, "page-size", "A5"),
                field(fields, "formats", List.of("epub", "pdf")), field(fields, "fonts", Map.of()),
                field(fields, "cover", null), field(fields, "layout", null), field(fields, "figure-numbers", false),
                field(fields, "punctuation", false), field(fields, "script", null),
                field(fields, "writing-mode", false), field(fields, "pdfa", false));
    }

    // Each field was put by value() for its own key, so its type is the one asked for.
    @SuppressWarnings("unchecked")
    private static <T> T field(Map<String, Object> fields, String key, T otherwise) {
        return fields.containsKey(key) ? (T) fields.get(key) : otherwise;
    }

    /** The same settings with these sources. */
    Settings withSources(List<Path> files) {
        return new Settings(file, files, metadata, pageSize, formats, fonts, cover, layout, figureNumbers,
                normalizePunctuation, script, vertical, pdfa);
    }

    /** Sets the metadata fields the settings give on {@code builder}, over what it holds. */
    @SuppressWarnings("unchecked")
    void applyMetadata(Metadata.Builder builder) {
        metadata.forEach((key, value) -> {
            switch (key) {
                case "title" -> builder.title((String) value);
                case "kicker" -> builder.kicker((String) value);
                case "subtitle" -> builder.subtitle((String) value);
                case "column" -> builder.column((String) value);
                case "language" -> builder.language((String) value);
                case "identifier" -> builder.identifier((String) value);
                case "date" -> builder.date((String) value);
                case "publisher" -> builder.publisher((String) value);
                case "rights" -> builder.rights((String) value);
                case "description" -> builder.description((String) value);
                case "source" -> builder.source((String) value);
                case "subjects" -> builder.subjects((List<String>) value);
                case "creators" -> builder.creators((List<Contributor>) value);
                case "contributors" -> builder.contributors((List<Contributor>) value);
                default -> throw new IllegalStateException("no metadata field " + key);
            }
        });
    }

    /** The value of field {@code name}, given under {@code key}, as the settings keep it. */
    private static Object value(String name, Object value, String key, Path file, Path folder, BookFolder book,
            List<String> warnings) {
        return switch (name) {
            case "language" -> language(value, key, file);
            case "identifier" -> identifier(value, key, file, warnings);
            case "date" -> date(value, file);
            case "subjects" -> strings(value, key, file);
            case "creators" -> contributors(value, key, Role.AUTHOR, file);
            case "contributors" -> contributors(value, key, null, file);
            case "sources" -> strings(value, key, file).stream().map(s -> folder.resolve(s).normalize()).toList();
            // Which sizes there are is the print edition's to say.
            case "page-size" -> string(value, key, file).toUpperCase(java.util.Locale.ROOT);
            case "layout" -> layout(string(value, key, file), file);
            case "figure-numbers" -> bool(value, key, file);
            case "punctuation" -> punctuation(string(value, key, file), file);
            case "script" -> script(string(value, key, file), file);
            case "writing-mode" -> vertical(string(value, key, file), file);
            case "formats" -> formats(strings(value, key, file), file + ": " + key);
            case "cover" -> cover(folder.resolve(string(value, key, file)).normalize(), key, book, file);
            case "fonts" -> fonts(value, key, folder, file);
            case "pdfa" -> bool(value, key, file);
            default -> string(value, key, file);
        };
    }

    private static Map<String, Path> fonts(Object value, String key, Path folder, Path file) {
        Map<String, Path> fonts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> font : map(value, key, file).entrySet()) {
            if (!FONT_KEYS.contains(font.getKey())) {
                throw SettingNames.unknown(key + "." + font.getKey(), FONT_KEYS, file);
            }
            fonts.put(font.getKey(), folder.resolve(string(font.getValue(), key + "." + font.getKey(), file)));
        }
        return fonts;
    }

    /**
     * A title as text, or as Pandoc's EPUB titles: a list of {@code {type, text}} whose types
     * {@code main}, {@code subtitle} and {@code collection} give the title, the subtitle and
     * the column.
     */
    private static Map<String, Object> titles(Object value, String key, Path file) {
        if (!(value instanceof List) && !(value instanceof Map)) {
            return Map.of("title", string(value, key, file));
        }
        Map<String, String> fields = Map.of("main", "title", "subtitle", "subtitle", "collection", "column");
        Map<String, Object> titles = new LinkedHashMap<>();
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            Map<String, Object> title = item instanceof String ? Map.of("text", item) : map(item, key, file);
            checkFields(title, key, Set.of("type", "text", "file-as"), file);
            String type = title.containsKey("type") ? string(title.get("type"), key + ".type", file) : "main";
            String field = fields.get(type);
            if (field == null) {
                throw BookException.in(file, key + ".type '" + type + "' is not one of main, subtitle, collection");
            }
            if (titles.put(field, string(title.get("text"), key + ".text", file)) != null) {
                throw BookException.in(file, "'" + key + "' gives two titles of type " + type + "; keep one");
            }
        }
        return titles;
    }

    /**
     * An identifier as text, or as Pandoc's {@code {scheme, text}}, or a list of them: an
     * ISBN becomes {@code urn:isbn:…}, a UUID {@code urn:uuid:…} and a DOI {@code doi:…}.
     * A book carries one identifier: of a list, the first, and a warning names the others.
     */
    private static String identifier(Object value, String key, Path file, List<String> warnings) {
        List<?> list = value instanceof List<?> l && !l.isEmpty() ? l : List.of(value);
        List<String> identifiers = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map)) {
                identifiers.add(string(item, key, file));
                continue;
            }
            Map<String, Object> entry = map(item, key, file);
            checkFields(entry, key, Set.of("scheme", "text"), file);
            String text = string(entry.get("text"), key + ".text", file);
            String scheme = entry.containsKey("scheme")
                    ? string(entry.get("scheme"), key + ".scheme", file).toLowerCase(java.util.Locale.ROOT) : "";
            String prefix = scheme.startsWith("isbn") ? "urn:isbn:" : scheme.equals("uuid") ? "urn:uuid:"
                    : scheme.equals("doi") ? "doi:" : "";
            identifiers.add(text.toLowerCase(java.util.Locale.ROOT).startsWith(prefix) ? text : prefix + text);
        }
        if (identifiers.size() > 1) {
            warnings.add(file + ": " + key + ": a book carries one identifier, " + identifiers.get(0)
                    + "; left out: " + String.join(", ", identifiers.subList(1, identifiers.size())));
        }
        return identifiers.get(0);
    }

    private static void checkFields(Map<String, Object> entry, String key, Set<String> known, Path file) {
        for (String field : entry.keySet()) {
            if (!known.contains(field)) {
                throw SettingNames.unknown(key + "." + field, known, file);
            }
        }
    }

    /** The script a book is converted to: {@code hans}, {@code hant}, {@code hant-tw} or {@code hant-hk}. */
    private static ScriptConverter.Target script(String value, Path file) {
        ScriptConverter.Target script = ScriptConverter.Target.of(value);
        if (script == null) {
            throw BookException.in(file, "script '" + value + "' is not one of "
                    + java.util.Arrays.stream(ScriptConverter.Target.values()).map(ScriptConverter.Target::key).toList());
        }
        return script;
    }

    /** True for {@code vertical}, the EPUB's writing mode for 竖排; {@code horizontal} is the default. */
    private static boolean vertical(String value, Path file) {
        if (!value.equals("vertical") && !value.equals("horizontal")) {
            throw BookException.in(file, "writing-mode '" + value + "' is not one of horizontal, vertical");
        }
        return value.equals("vertical");
    }

    private static Book.Layout layout(String value, Path file) {
        for (Book.Layout layout : Book.Layout.values()) {
            if (layout.name().equalsIgnoreCase(value)) {
                return layout;
            }
        }
        throw BookException.in(file, "layout '" + value + "' is not one of article, book");
    }

    /** Whether punctuation is cleaned up: {@code normalize}, or {@code keep} it as written (the default). */
    private static boolean punctuation(String value, Path file) {
        if (!value.equals("normalize") && !value.equals("keep")) {
            throw BookException.in(file, "punctuation '" + value + "' is not one of keep, normalize");
        }
        return value.equals("normalize");
    }

    /** The cover image, where it really is: a PNG or JPEG inside the book's folder that decodes. */
    private static Path cover(Path given, String key, BookFolder book, Path file) {
        BookFolder.Result found = book.resolve(given);
        if (found.file() == null) {
            throw BookException.in(file, key + ": " + given + " " + found.problem());
        }
        Path cover = found.file();
        String name = cover.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            throw BookException.in(file, key + ": " + cover.getFileName() + " must be a PNG or JPEG image");
        }
        String problem = ImageFiles.problem(cover);
        if (problem != null) {
            throw BookException.in(file, key + ": " + given + " " + problem);
        }
        return cover;
    }

    /**
     * A BCP 47 tag, in its usual case. Pandoc users name Chinese by its region, while the
     * editions go by its script (their labels, a reading system's choice of font): a region
     * is read as the script it writes. Simplified Chinese has one standard, so {@code zh-CN}
     * is {@code zh-Hans}; Taiwan's and Hong Kong's standards differ in glyphs and words, so
     * {@code zh-TW} is {@code zh-Hant-TW}. A bare {@code zh}, null here, leaves the script
     * to be told from the text.
     */
    private static String language(Object value, String key, Path file) {
        String tag = string(value, key, file).replace('_', '-');
        if (!tag.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
            throw BookException.in(file, key + " '" + tag + "' is not a BCP 47 tag such as zh-Hans");
        }
        List<String> subtags = new ArrayList<>();
        for (String subtag : tag.split("-")) {
            subtags.add(subtags.isEmpty() ? subtag.toLowerCase(java.util.Locale.ROOT)
                    : subtag.length() == 2 ? subtag.toUpperCase(java.util.Locale.ROOT)
                    : subtag.length() == 4 ? subtag.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                            + subtag.substring(1).toLowerCase(java.util.Locale.ROOT)
                    : subtag.toLowerCase(java.util.Locale.ROOT));
        }
        if (!subtags.get(0).equals("zh") || subtags.size() > 2) {
            return String.join("-", subtags);
        }
        if (subtags.size() == 1) {
            return null;
        }
        String region = subtags.get(1);
        if (SIMPLIFIED_REGIONS.contains(region)) {
            return "zh-Hans";
        }
        return TRADITIONAL_REGIONS.contains(region) ? "zh-Hant-" + region : String.join("-", subtags);
    }

    private static String date(Object value, Path file) {
        String date = string(value, "date", file);
        if (!isDate(date)) {
            throw BookException.in(file, "date '" + date + "' is not a date written YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return date;
    }

    /** True for a real year, month or day written YYYY, YYYY-MM or YYYY-MM-DD. */
    static boolean isDate(String date) {
        try {
            switch (date.length()) {
                case 4 -> java.time.Year.parse(date);
                case 7 -> java.time.YearMonth.parse(date);
                case 10 -> java.time.LocalDate.parse(date);
                default -> {
                    return false;
                }
            }
            return date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The editions named in {@code values}, each of which may itself be a comma-separated
     * list ({@code epub,pdf}), in order and without repeats. Anything but {@code epub} and
     * {@code pdf}, an empty name, or no name at all is an error starting with {@code where},
     * such as {@code --format} or the settings file.
     */
    public static List<String> formats(List<String> values, String where) {
        java.util.LinkedHashSet<String> formats = new java.util.LinkedHashSet<>();
        for (String value : values) {
            for (String name : (value == null ? "" : value).split(",", -1)) {
                String format = name.strip().toLowerCase(java.util.Locale.ROOT);
                if (format.isEmpty()) {
                    throw new BookException(where + ": an empty edition name in '" + value + "'; give "
                            + String.join(", ", sorted(FORMATS)) + ", separated by commas");
                }
                if (!FORMATS.contains(format)) {
                    throw new BookException(where + ": '" + name.strip() + "' is not one of " + sorted(FORMATS));
                }
                formats.add(format);
            }
        }
        if (formats.isEmpty()) {
            throw new BookException(where + ": no edition named; give " + String.join(", ", sorted(FORMATS)));
        }
        return List.copyOf(formats);
    }

    /**
     * People in their roles: a name or a list of names (then {@code defaultRole} is theirs),
     * or entries of {@code {name, role}}, or Pandoc's {@code {text, role}} (whose
     * {@code file-as} cjkbook has no use for); a role by its name or MARC relator code.
     */
    private static List<Contributor> contributors(Object value, String key, Role defaultRole, Path file) {
        if (!(value instanceof List) && !(value instanceof Map) && !(value instanceof String && defaultRole != null)) {
            throw BookException.in(file, "'" + key + "' must be a list of " + (defaultRole == null ? "" : "names or ")
                    + "{name, role}, not " + describe(value));
        }
        List<Contributor> result = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
            if (item instanceof String name && defaultRole != null) {
                result.add(new Contributor(string(name, key, file), defaultRole));
                continue;
            }
            Map<String, Object> entry = map(item, key, file);
            checkFields(entry, key, Set.of("name", "text", "role", "file-as"), file);
            if (entry.containsKey("name") && entry.containsKey("text")) {
                throw BookException.in(file, "'" + key + ".name' and '" + key + ".text' both give the name; keep one");
            }
            String nameKey = entry.containsKey("text") ? "text" : "name";
            String name = string(entry.get(nameKey), key + "." + nameKey, file);
            Object roleValue = entry.get("role");
            Role role = roleValue == null ? defaultRole : Role.fromKey(string(roleValue, key + ".role", file));
            if (role == null) {
                throw BookException.in(file, (roleValue == null ? key + ": " + name + " needs a role"
                        : key + ".role '" + roleValue + "' is not one") + " of "
                        + java.util.Arrays.stream(Role.values()).map(r -> r.key() + " (" + r.marc() + ")").toList());
            }
            result.add(new Contributor(name, role));
        }
        return result;
    }

    private static String string(Object value, String key, Path file) {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw BookException.in(file, "'" + key + "' must be text, not " + describe(value));
    }

    private static boolean bool(Object value, String key, Path file) {
        if (value instanceof Boolean b) {
            return b;
        }
        // Given from the command line or a build tool, true and false come as text.
        if (value instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
            return Boolean.parseBoolean(s.strip());
        }
        throw BookException.in(file, "'" + key + "' must be true or false, not " + describe(value));
    }

    private static List<String> strings(Object value, String key, Path file) {
        if (value instanceof String s) {
            return List.of(string(s, key, file));
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw BookException.in(file, "'" + key + "' must be a list of text, not " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            result.add(string(item, key, file));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String key, Path file) {
        if (value instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) m;
        }
        throw BookException.in(file, "'" + key + "' must be a mapping of keys to values, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return "'" + value + "'";
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
