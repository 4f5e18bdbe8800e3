/**
 * Step three: the print edition, made before the EPUB so that the EPUB can carry its page
 * numbers. {@link org.cjkbook.pdf.PdfEdition} makes the print document
 * ({@link org.cjkbook.pdf.PrintDocument}), sets its paragraphs with the line composer
 * through {@link org.cjkbook.pdf.ComposerSegments}, lays it out with Flying Saucer on the
 * pages of a {@link org.cjkbook.pdf.PageGeometry} and writes it with OpenPDF, tagged
 * ({@link org.cjkbook.pdf.StructureTree}) and with its {@link org.cjkbook.pdf.XmpMetadata}.
 * A book is laid out and written a chapter at a time, its front matter last and put first;
 * an article, and a book that cites pages, whole.
 */
package org.cjkbook.pdf;
