package org.cjkbook.pdf;

import org.cjkbook.xhtml.Coverage;

/** The print document, and what its characters need of the fonts. */
public record PrintMarkup(String xml, Coverage coverage) {
}
