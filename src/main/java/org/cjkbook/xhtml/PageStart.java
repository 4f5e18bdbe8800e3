package org.cjkbook.xhtml;

/**
 * Where a page of the print edition begins: in the text block numbered {@code block} (the
 * writer numbers them in the same order in both editions), before the character at
 * {@code offset} of the block's text. {@code label} is the page's number as printed.
 */
public record PageStart(int block, int offset, String label) {
}
