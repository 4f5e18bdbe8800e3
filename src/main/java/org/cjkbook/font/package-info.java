/**
 * The fonts: the faces a book's text is set in, their coverage, and subsets that hold
 * exactly the characters each face draws, for both editions to embed.
 */
package org.cjkbook.font;
