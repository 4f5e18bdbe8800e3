package org.cjkbook.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cjkbook.font.Face;
import org.cjkbook.pdf.PdfEdition;
import org.junit.jupiter.api.Test;

/**
 * The stylesheets name the faces as {@link Face} does: the families both stylesheets use,
 * and the EPUB's {@code @font-face} rules that tie each family and weight to its file.
 */
class StylesheetFacesTest {

    private static final Pattern FAMILY = Pattern.compile("font-family:\\s*\"([^\"]+)\"");
    private static final Pattern FONT_FACE = Pattern.compile(
            "@font-face \\{ font-family: \"([^\"]+)\"; font-weight: (\\d+); [^}]*src: url\\(\\.\\./([^)]+)\\); }");

    @Test
    void everyFamilyTheStylesheetsNameIsAFace() throws IOException {
        List<String> families = Arrays.stream(Face.values()).map(Face::family).toList();
        for (String css : List.of(read(EpubEdition.class, "epub.css"), read(PdfEdition.class, "print.css"))) {
            Matcher named = FAMILY.matcher(css);
            List<String> used = new ArrayList<>();
            while (named.find()) {
                used.add(named.group(1));
            }
            assertThat(used).isNotEmpty().allMatch(families::contains);
        }
    }

    @Test
    void eachFaceHasItsFontFaceRuleInTheEpub() throws IOException {
        Matcher rule = FONT_FACE.matcher(read(EpubEdition.class, "epub.css"));
        List<String> rules = new ArrayList<>();
        while (rule.find()) {
            rules.add(rule.group(1) + "/" + rule.group(2) + "/" + rule.group(3));
        }
        List<String> faces = new ArrayList<>();
        for (Face face : Face.values()) {
            faces.add(face.family() + "/" + face.weight() + "/" + EpubEdition.fontFile(face));
        }
        assertThat(rules).containsExactlyInAnyOrderElementsOf(faces);
    }

    private static String read(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
