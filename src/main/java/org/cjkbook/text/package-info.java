/**
 * Chinese text rules every step may use, knowing nothing of books: character classes and
 * line breaks after clreq, punctuation compression, script detection, and the paragraph
 * composer the print edition sets its lines with.
 */
package org.cjkbook.text;
