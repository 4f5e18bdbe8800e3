/**
 * Step one: sources to the model. {@link org.cjkbook.read.BookLoader} takes a book folder
 * or a lone file, its settings ({@code book.yaml}, front matter, overrides) and the
 * encodings of plain text; {@link org.cjkbook.read.ArticleReader} finds the structure of
 * plain text by the conventions of Chinese papers and books, and
 * {@link org.cjkbook.read.MarkdownReader} reads CommonMark. The settings may then ask for
 * transforms of the book read: {@link org.cjkbook.read.FigureNumbers},
 * {@link org.cjkbook.read.PunctuationCleanup}. Nothing here knows an edition.
 */
package org.cjkbook.read;
