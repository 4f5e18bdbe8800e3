/**
 * cjkbook turns a Chinese article or book into an EPUB 3 and a typeset PDF. Start at
 * {@link org.cjkbook.Publisher}, the one pipeline: {@code read} makes the {@code model}
 * from the sources; {@code xhtml} writes the markup both editions share; {@code pdf} lays
 * out the print edition first and {@code epub} packages the EPUB with its page numbers,
 * both with the subset fonts of {@code font}. {@code cli} and {@code maven} only call the
 * pipeline. {@link org.cjkbook.BookException} is every failure a person can act on,
 * {@link org.cjkbook.OutputFile} writes each output whole or not at all, and
 * {@link org.cjkbook.SafeXml} is the one XML parser, which loads nothing from outside.
 */
package org.cjkbook;
