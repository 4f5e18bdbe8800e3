package org.cjkbook.read;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.text.CharClasses;

/** Splits the names of a credit or byline: {@code 张芳曼  沈亦伶}, {@code 吴 凯}, {@code 张三、李四}. */
final class Names {

    private Names() {
    }

    static List<String> split(String text) {
        List<String> names = new ArrayList<>();
        // Two or more spaces, or a list mark, separate names; a single space may be padding
        // inside a two-character name, as newspapers set 吴 凯 to the width of 张芳曼.
        for (String group : text.split("[、，,；;/]|[\\s\\u00A0\\u3000]{2,}")) {
            String trimmed = CharClasses.strip(group);
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("[\\s\\u00A0\\u3000]");
            if (parts.length == 2 && parts[0].codePointCount(0, parts[0].length()) == 1
                    && parts[1].codePointCount(0, parts[1].length()) == 1) {
                names.add(parts[0] + parts[1]);
            } else if (!trimmed.codePoints().filter(c -> !CharClasses.isSpace(c)).allMatch(CharClasses::isHan)) {
                names.add(trimmed.replaceAll("[\\s\\u00A0\\u3000]+", " "));
            } else {
                for (String part : parts) {
                    if (!part.isEmpty()) {
                        names.add(part);
                    }
                }
            }
        }
        return names;
    }
}
