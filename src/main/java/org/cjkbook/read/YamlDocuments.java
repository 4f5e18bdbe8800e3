package org.cjkbook.read;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cjkbook.BookException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads settings written in YAML, whether a whole {@code book.yaml} or a Markdown file's front matter. */
final class YamlDocuments {

    private YamlDocuments() {
    }

    /**
     * Parses one YAML document that must be a map of keys. Errors name {@code file} and
     * the line in it, counting the document's first line as {@code firstLine}. An empty
     * document gives an empty map. Dates stay the text the author wrote.
     */
    static Map<String, Object> parseYaml(String yaml, Path file, int firstLine) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new DatesAsText(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String what = "not valid YAML: " + oneLine(problem);
            throw mark == null ? BookException.in(file, what) : BookException.at(file, firstLine + mark.getLine(), what);
        } catch (YAMLException e) {
            throw BookException.in(file, "not valid YAML: " + oneLine(e.getMessage()));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw BookException.at(file, firstLine, "settings must be a map of keys, not " + describe(document));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    private static String describe(Object document) {
        if (document instanceof Iterable<?>) {
            return "a list";
        }
        return "the value '" + oneLine(String.valueOf(document)) + "'";
    }

    // A BookException message is printed as one line.
    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * SnakeYAML would turn {@code date: 2024-05-01} into a java.util.Date in the local
     * time zone; every setting in a book is text, so a date keeps the author's spelling.
     */
    private static final class DatesAsText extends SafeConstructor {
        DatesAsText(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }
}
