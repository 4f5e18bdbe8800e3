/**
 * Step two: the markup both editions share. {@link org.cjkbook.xhtml.BookMarkup} writes a
 * book's title page, contents, chapters, blocks, notes and colophon, and
 * {@link org.cjkbook.xhtml.Inlines} is the one mapping from inlines to elements; each
 * edition extends them in its own package. {@link org.cjkbook.xhtml.Markup} counts the
 * characters each face draws as it writes.
 */
package org.cjkbook.xhtml;
