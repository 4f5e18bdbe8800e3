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
 * Book settings, from {@code book.yaml} or a Markdown file's front matter: metadata that
 * overrides what the text says, and choices the text cannot make (sources, page size,
 * fonts, editions, layout, script, writing mode). A null {@code layout} leaves it to the
 * sources; a null {@code script} leaves the text in the characters it is written in.
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
        ScriptConverter.Target script,
        boolean vertical) {

    /** Metadata keys, as in {@code book.yaml} and front matter. */
    static final Set<String> METADATA_KEYS = Set.of("title", "kicker", "subtitle", "column", "language",
            "identifier", "date", "publisher", "rights", "description", "source", "subjects", "creators",
            "contributors");
    private static final Set<String> BOOK_KEYS = Set.of("sources", "page-size", "formats", "fonts", "cover",
            "layout", "script", "writing-mode");
    private static final Set<String> FONT_KEYS = Set.of("body", "bold", "heading", "mono");
    /** Where settings given to cjkbook itself, not in a file, are said to come from. */
    public static final Path GIVEN = Path.of("settings given to cjkbook");
    private static final Set<String> FORMATS = Set.of("epub", "pdf");

    public Settings {
        sources = List.copyOf(sources);
        metadata = Map.copyOf(metadata);
        formats = List.copyOf(formats);
        fonts = Map.copyOf(fonts);
    }

    /**
     * Settings for a lone source file: everything from the text, {@code overrides} (keys of
     * {@code book.yaml}, paths relative to the file's folder) and the defaults.
     */
    public static Settings forFile(Path file, Map<String, Object> overrides) {
        Settings settings = of(file, Map.of(), overrides);
        return settings.sources().isEmpty() ? settings.withSources(List.of(file)) : settings;
    }

    /** The same settings with these sources. */
    public Settings withSources(List<Path> files) {
        return new Settings(file, files, metadata, pageSize, formats, fonts, cover, layout, script, vertical);
    }

    /**
     * Parses and checks a {@code book.yaml}; paths in it are relative to its folder.
     * {@code overrides} are keys of {@code book.yaml} that replace those of the file.
     */
    public static Settings parse(Path file, String yaml, Map<String, Object> overrides) {
        return of(file, YamlDocuments.parseYaml(yaml, file, 1), overrides);
    }

    private static Settings of(Path file, Map<String, Object> fromFile, Map<String, Object> overrides) {
        Map<String, Object> map = new LinkedHashMap<>(fromFile);
        map.putAll(overrides);
        Path folder = file.toAbsolutePath().getParent();
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<Path> sources = new ArrayList<>();
        String pageSize = "A5";
        List<String> formats = List.of("epub", "pdf");
        Map<String, Path> fonts = new LinkedHashMap<>();
        Path cover = null;
        Book.Layout layout = null;
        ScriptConverter.Target script = null;
        boolean vertical = false;
        Path settingsFile = file;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            file = overrides.containsKey(key) ? GIVEN : settingsFile;
            if (METADATA_KEYS.contains(key)) {
                metadata.put(key, value);
            } else if (key.equals("sources")) {
                for (String source : strings(value, key, file)) {
                    sources.add(folder.resolve(source).normalize());
                }
            } else if (key.equals("page-size")) {
                // Which sizes there are is the print edition's to say.
                pageSize = string(value, key, file).toUpperCase(java.util.Locale.ROOT);
            } else if (key.equals("layout")) {
                layout = layout(string(value, key, file), file);
            } else if (key.equals("script")) {
                script = script(string(value, key, file), file);
            } else if (key.equals("writing-mode")) {
                vertical = vertical(string(value, key, file), file);
            } else if (key.equals("formats")) {
                formats = formats(strings(value, key, file), file + ": formats");
            } else if (key.equals("cover")) {
                cover = cover(folder.resolve(string(value, key, file)).normalize(), file);
            } else if (key.equals("fonts")) {
                for (Map.Entry<String, Object> font : map(value, key, file).entrySet()) {
                    if (!FONT_KEYS.contains(font.getKey())) {
                        throw BookException.in(file, "unknown key 'fonts." + font.getKey() + "' (known: "
                                + sorted(FONT_KEYS) + ")");
                    }
                    fonts.put(font.getKey(), folder.resolve(string(font.getValue(), "fonts." + font.getKey(), file)));
                }
            } else {
                throw BookException.in(file, "unknown key '" + key + "' (known: "
                        + sorted(union(METADATA_KEYS, BOOK_KEYS)) + ")");
            }
        }
        file = settingsFile;
        applyMetadata(metadata, Metadata.builder(), file);
        return new Settings(file, sources, metadata, pageSize, formats, fonts, cover, layout, script, vertical);
    }

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

    /** The cover image, where it really is: a PNG or JPEG inside the book's folder that decodes. */
    private static Path cover(Path given, Path file) {
        BookFolder.Result found = BookFolder.of(file.toAbsolutePath().getParent()).resolve(given);
        if (found.file() == null) {
            throw BookException.in(file, "cover: " + given + " " + found.problem());
        }
        Path cover = found.file();
        String name = cover.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            throw BookException.in(file, "cover: " + cover.getFileName() + " must be a PNG or JPEG image");
        }
        String problem = ImageFiles.problem(cover);
        if (problem != null) {
            throw BookException.in(file, "cover: " + given + " " + problem);
        }
        return cover;
    }

    /**
     * Applies the metadata keys of a parsed YAML map to a builder; an unknown key or a
     * value of the wrong type is an error naming the key and the file.
     */
    public static void applyMetadata(Map<String, Object> map, Metadata.Builder builder, Path file) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "title" -> builder.title(string(value, key, file));
                case "kicker" -> builder.kicker(string(value, key, file));
                case "subtitle" -> builder.subtitle(string(value, key, file));
                case "column" -> builder.column(string(value, key, file));
                case "language" -> builder.language(language(value, file));
                case "identifier" -> builder.identifier(string(value, key, file));
                case "date" -> builder.date(date(value, file));
                case "publisher" -> builder.publisher(string(value, key, file));
                case "rights" -> builder.rights(string(value, key, file));
                case "description" -> builder.description(string(value, key, file));
                case "source" -> builder.source(string(value, key, file));
                case "subjects" -> builder.subjects(strings(value, key, file));
                case "creators" -> builder.creators(contributors(value, key, Role.AUTHOR, file));
                case "contributors" -> builder.contributors(contributors(value, key, null, file));
                default -> throw BookException.in(file, "unknown key '" + key + "' (known: "
                        + sorted(METADATA_KEYS) + ")");
            }
        }
    }

    private static String language(Object value, Path file) {
        String tag = string(value, "language", file);
        if (!tag.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
            throw BookException.in(file, "language '" + tag + "' is not a BCP 47 tag such as zh-Hans");
        }
        return tag;
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

    private static List<Contributor> contributors(Object value, String key, Role defaultRole, Path file) {
        if (!(value instanceof List<?> list)) {
            throw BookException.in(file, "'" + key + "' must be a list of {name, role}");
        }
        List<Contributor> result = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String name && defaultRole != null) {
                result.add(new Contributor(name, defaultRole));
                continue;
            }
            Map<String, Object> entry = map(item, key, file);
            for (String field : entry.keySet()) {
                if (!field.equals("name") && !field.equals("role")) {
                    throw BookException.in(file, "unknown key '" + key + "." + field + "' (known: name, role)");
                }
            }
            String name = string(entry.get("name"), key + ".name", file);
            Object roleValue = entry.get("role");
            Role role = roleValue == null ? defaultRole : Role.fromKey(string(roleValue, key + ".role", file));
            if (role == null) {
                throw BookException.in(file, key + ".role '" + roleValue + "' is not one of "
                        + java.util.Arrays.stream(Role.values()).map(Role::key).toList());
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

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
