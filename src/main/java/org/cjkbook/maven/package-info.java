/**
 * The Maven plugin: goal {@code build} calls {@link org.cjkbook.Publisher} with the POM's
 * settings and builds only when something it reads has changed; goal {@code init} starts
 * a new book project.
 */
package org.cjkbook.maven;
