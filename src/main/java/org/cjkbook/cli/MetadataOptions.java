package org.cjkbook.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cjkbook.Publisher;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Pandoc's options for metadata, taken by {@code build} and {@code inspect} alike. */
final class MetadataOptions {

    @Option(names = {"-M", "--metadata"}, paramLabel = "KEY[=VALUE]",
            description = "A setting of book.yaml, by its name or Pandoc's, over the book's own (repeatable; "
                    + "a key given again makes a list).")
    List<String> metadata = List.of();

    @Option(names = "--metadata-file", paramLabel = "FILE",
            description = "A YAML file of settings under the book's own front matter and book.yaml.")
    Path metadataFile;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /**
     * Gives the options to {@code builder}, as Pandoc reads them: {@code KEY=VALUE} or
     * {@code KEY:VALUE}, a key alone meaning true, and a key given again adding to a list.
     */
    Publisher.Builder applyTo(Publisher.Builder builder) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String option : metadata) {
            int split = indexOfSeparator(option);
            String key = (split < 0 ? option : option.substring(0, split)).strip();
            if (key.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "-M '" + option + "' names no key; give KEY=VALUE");
            }
            Object value = split < 0 ? Boolean.TRUE : option.substring(split + 1);
            settings.merge(key, value, MetadataOptions::append);
        }
        settings.forEach(builder::set);
        return builder.metadataFile(metadataFile);
    }

    private static int indexOfSeparator(String option) {
        int equals = option.indexOf('=');
        int colon = option.indexOf(':');
        return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    }

    private static Object append(Object values, Object value) {
        List<Object> list = values instanceof List<?> given ? new ArrayList<>(given) : new ArrayList<>(List.of(values));
        list.add(value);
        return list;
    }
}
