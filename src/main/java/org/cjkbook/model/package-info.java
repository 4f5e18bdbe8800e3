/**
 * The book as every step after reading sees it: immutable records of metadata, chapters,
 * blocks and inlines, {@link org.cjkbook.model.Walk}, the one way to visit them all, and
 * {@link org.cjkbook.model.Rewrite}, the one way to rebuild them changed. Readers build it
 * and transform it; the editions only read it.
 */
package org.cjkbook.model;
