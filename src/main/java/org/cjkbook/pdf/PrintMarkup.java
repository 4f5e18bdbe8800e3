package org.cjkbook.pdf;

import java.util.Map;
import java.util.function.Function;

import org.cjkbook.xhtml.Coverage;

/**
 * The print document, and what its characters need of the fonts. {@code citedPages} are
 * the pages it prints where links cite the page they lead to, by the XHTML id of the
 * place; {@code citing} writes the same document with other pages, once a layout has
 * found where those places are.
 */
public record PrintMarkup(String xml, Coverage coverage, Map<String, String> citedPages,
                          Function<Map<String, String>, PrintMarkup> citing) {

    public PrintMarkup {
        citedPages = Map.copyOf(citedPages);
    }
}
