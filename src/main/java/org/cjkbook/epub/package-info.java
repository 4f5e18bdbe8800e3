/**
 * Step four: the EPUB 3 edition. {@link org.cjkbook.epub.EpubEdition} makes the documents
 * ({@link org.cjkbook.epub.EpubDocuments}: cover page, title page, navigation, chapters,
 * colophon), with the print edition's page breaks when there is one, and packages them
 * with the package document, the NCX, the cover image, the stylesheet and subset fonts.
 */
package org.cjkbook.epub;
