/**
 * The book as every step after reading sees it: immutable records of metadata, chapters,
 * blocks and inlines, and {@link org.cjkbook.model.Walk}, the one way to visit them all.
 * Readers build it; the editions only read it.
 */
package org.cjkbook.model;
