/**
 * Step one: sources to the model. {@link org.cjkbook.read.BookLoader} takes a book folder
 * or a lone file, its settings (a metadata file, front matter, {@code book.yaml} and
 * overrides, by cjkbook's names or Pandoc's) and the encodings of plain text;
 * {@link org.cjkbook.read.ArticleReader} finds the structure of
 * plain text by the conventions of Chinese papers and books, and
 * {@link org.cjkbook.read.MarkdownReader} reads CommonMark. The settings may then ask for
 * transforms of the book read: {@link org.cjkbook.read.FigureNumbers},
 * {@link org.cjkbook.read.PunctuationCleanup}. Nothing here knows an edition.
 */
package org.cjkbook.read;
