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

/** YAML mappings, as {@code book.yaml} and front matter hold them. */
final class YamlDocuments {

    private YamlDocuments() {
    }

    /**
     * Parses a YAML mapping; {@code firstLine} is the file line where the YAML text begins,
     * so that errors point into the file, not into the excerpt.
     */
    static Map<String, Object> parse(String yaml, Path file, int firstLine) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = firstLine + (mark == null ? 0 : mark.getLine());
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw BookException.at(file, line, "YAML syntax error: " + oneLine(problem));
        } catch (YAMLException e) {
            throw BookException.in(file, "YAML error: " + oneLine(e.getMessage()));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw BookException.in(file, "settings must be a mapping of keys to values");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            result.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return result;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
