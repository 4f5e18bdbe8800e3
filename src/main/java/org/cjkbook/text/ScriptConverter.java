package org.cjkbook.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts Chinese text between Simplified and Traditional characters by the dictionaries
 * of OpenCC (Open Chinese Convert), phrase first: 头发 becomes 頭髮 and 发展 發展, 干部 幹部
 * and 干净 乾淨, where a table of characters alone would have to guess.
 *
 * <p>It works as OpenCC does: each stage of a chain replaces, at every position, the longest
 * key of the first of its dictionaries that has one there, or else leaves the character.
 * The phrases the first stage finds bound the segments the later stages work within, so a
 * regional word is not matched across two phrases. Only the dictionaries' first candidate
 * is used.
 */
public final class ScriptConverter {

    /** The scripts a book can be converted to, as {@code book.yaml} names them. */
    public enum Target {
        /** Simplified characters, as in mainland China. */
        HANS("zh-Hans"),
        /** Traditional characters, OpenCC's standard forms. */
        HANT("zh-Hant"),
        /** Traditional characters as Taiwan writes them, with Taiwan's words and corner quotes. */
        HANT_TW("zh-Hant-TW"),
        /** Traditional characters as Hong Kong writes them. */
        HANT_HK("zh-Hant-HK");

        private final String language;

        Target(String language) {
            this.language = language;
        }

        /** The BCP 47 tag of a book in this script. */
        public String language() {
            return language;
        }

        /** The name in settings: {@code hans}, {@code hant}, {@code hant-tw}, {@code hant-hk}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The target a setting names, or null. */
        public static Target of(String key) {
            for (Target target : values()) {
                if (target.key().equalsIgnoreCase(key.strip())) {
                    return target;
                }
            }
            return null;
        }
    }

    /** Mainland quotes and Taiwan's corner quotes, the same position in each string. */
    private static final String MAINLAND_QUOTES = "“”‘’";
    private static final String CORNER_QUOTES = "「」『』";

    private final List<List<Dictionary>> stages;
    private final boolean cornerQuotes;

    private ScriptConverter(List<List<Dictionary>> stages, boolean cornerQuotes) {
        this.stages = stages;
        this.cornerQuotes = cornerQuotes;
    }

    /**
     * The converter to {@code target} of text written in Traditional characters when
     * {@code fromTraditional}, else in Simplified: text already in the target's characters
     * only takes its regional forms.
     */
    public static ScriptConverter to(Target target, boolean fromTraditional) {
        List<List<Dictionary>> stages = new ArrayList<>();
        if (target == Target.HANS) {
            if (fromTraditional) {
                stages.add(List.of(Dictionaries.TS_PHRASES, Dictionaries.TS_CHARACTERS));
            }
            return new ScriptConverter(stages, false);
        }
        if (!fromTraditional) {
            stages.add(List.of(Dictionaries.ST_PHRASES, Dictionaries.ST_CHARACTERS));
        }
        if (target == Target.HANT_TW) {
            stages.add(List.of(Dictionaries.TW_PHRASES, Dictionaries.TW_VARIANTS_PHRASES, Dictionaries.TW_VARIANTS));
        } else if (target == Target.HANT_HK) {
            stages.add(List.of(Dictionaries.HK_VARIANTS_PHRASES, Dictionaries.HK_VARIANTS));
        }
        return new ScriptConverter(stages, target == Target.HANT_TW);
    }

    /** The text in the target script; characters no dictionary knows, Latin among them, are kept. */
    public String convert(String text) {
        if (stages.isEmpty() && !cornerQuotes) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String segment : firstStage(text)) {
            for (List<Dictionary> stage : stages.subList(Math.min(1, stages.size()), stages.size())) {
                segment = convert(segment, stage, null);
            }
            out.append(segment);
        }
        return cornerQuotes ? cornerQuotes(out) : out.toString();
    }

    /** The text through the first stage, in segments: each phrase of its first dictionary, and the runs between. */
    private List<String> firstStage(String text) {
        if (stages.isEmpty()) {
            return List.of(text);
        }
        List<String> segments = new ArrayList<>();
        String last = convert(text, stages.get(0), segments);
        segments.add(last);
        return segments;
    }

    /**
     * One stage over {@code text}. With {@code segments}, each match of the stage's first
     * dictionary is added to them as a segment of its own, the run before it too, and the
     * run after the last is returned; without, the whole converted text is.
     */
    private static String convert(String text, List<Dictionary> stage, List<String> segments) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            Match match = null;
            int from = 0;
            while (match == null && from < stage.size()) {
                match = stage.get(from++).longest(text, i);
            }
            if (match == null) {
                int next = i + Character.charCount(text.codePointAt(i));
                out.append(text, i, next);
                i = next;
            } else if (segments != null && from == 1) {
                if (out.length() > 0) {
                    segments.add(out.toString());
                    out.setLength(0);
                }
                segments.add(match.value());
                i += match.length();
            } else {
                out.append(match.value());
                i += match.length();
            }
        }
        return out.toString();
    }

    /**
     * Taiwan's 「」『』 for the mainland's “”‘’; a ’ between two Latin letters is an
     * apostrophe (don’t) and stays.
     */
    private static String cornerQuotes(CharSequence text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            int quote = MAINLAND_QUOTES.indexOf(out.charAt(i));
            boolean apostrophe = out.charAt(i) == '’' && i > 0 && i + 1 < out.length()
                    && isLatinLetter(out.charAt(i - 1)) && isLatinLetter(out.charAt(i + 1));
            if (quote >= 0 && !apostrophe) {
                out.setCharAt(i, CORNER_QUOTES.charAt(quote));
            }
        }
        return out.toString();
    }

    private static boolean isLatinLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** A key found in a dictionary: how many chars of the text it covers, and what replaces them. */
    private record Match(int length, String value) {
    }

    /**
     * One OpenCC dictionary: each key with its first candidate, in an open-addressing table
     * hashed as {@link String#hashCode} hashes, so that the keys starting at a position are
     * looked up by hashing the text there once, without cutting it into strings.
     */
    private static final class Dictionary {

        private String[] keys = new String[1024];
        private String[] values = new String[1024];
        private int size;
        /** The length, in chars, of the longest key starting with each BMP char. */
        private final byte[] longestByFirst = new byte[0x10000];
        private int longest;

        /** Reads a dictionary of the form OpenCC's text files have: key, tab, candidates separated by spaces. */
        static Dictionary load(String name) {
            Dictionary dictionary = new Dictionary();
            try (InputStream in = ScriptConverter.class.getResourceAsStream("opencc/" + name + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("the dictionary " + name + " is missing from this cjkbook");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    int tab = line.indexOf('\t');
                    if (line.startsWith("#") || tab <= 0) {
                        continue;
                    }
                    String candidates = line.substring(tab + 1).strip();
                    int space = candidates.indexOf(' ');
                    dictionary.add(line.substring(0, tab), space < 0 ? candidates : candidates.substring(0, space));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dictionary;
        }

        private void add(String key, String value) {
            if (key.length() > Byte.MAX_VALUE) {
                return;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = slot(key.hashCode());
            while (keys[slot] != null) {
                if (keys[slot].equals(key)) {
                    return;
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            keys[slot] = key;
            values[slot] = value;
            size++;
            char first = key.charAt(0);
            longestByFirst[first] = (byte) Math.max(longestByFirst[first], key.length());
            longest = Math.max(longest, key.length());
        }

        private void grow() {
            String[] oldKeys = keys;
            String[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new String[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    add(oldKeys[i], oldValues[i]);
                }
            }
        }

        private int slot(int hash) {
            return (hash ^ (hash >>> 16)) & (keys.length - 1);
        }

        /** The longest key that starts at {@code i} of {@code text}, or null. */
        Match longest(String text, int i) {
            char first = text.charAt(i);
            int max = Math.min(Character.isSurrogate(first) ? longest : longestByFirst[first], text.length() - i);
            int[] hashes = new int[max + 1];
            for (int length = 1; length <= max; length++) {
                hashes[length] = 31 * hashes[length - 1] + text.charAt(i + length - 1);
            }
            for (int length = max; length > 0; length--) {
                for (int slot = slot(hashes[length]); keys[slot] != null; slot = (slot + 1) & (keys.length - 1)) {
                    String key = keys[slot];
                    if (key.length() == length && text.startsWith(key, i)) {
                        return new Match(length, values[slot]);
                    }
                }
            }
            return null;
        }
    }

    /** The dictionaries, read once, when a book is first converted. */
    private static final class Dictionaries {
        static final Dictionary ST_PHRASES = Dictionary.load("STPhrases");
        static final Dictionary ST_CHARACTERS = Dictionary.load("STCharacters");
        static final Dictionary TS_PHRASES = Dictionary.load("TSPhrases");
        static final Dictionary TS_CHARACTERS = Dictionary.load("TSCharacters");
        static final Dictionary TW_PHRASES = Dictionary.load("TWPhrases");
        static final Dictionary TW_VARIANTS_PHRASES = Dictionary.load("TWVariantsPhrases");
        static final Dictionary TW_VARIANTS = Dictionary.load("TWVariants");
        static final Dictionary HK_VARIANTS_PHRASES = Dictionary.load("HKVariantsPhrases");
        static final Dictionary HK_VARIANTS = Dictionary.load("HKVariants");

        private Dictionaries() {
        }
    }
}
