/**
 * The command line: {@code build} and {@code inspect}, which parse their options, call
 * {@link org.cjkbook.Publisher}, and turn its failures into one-line messages and exit codes.
 */
package org.cjkbook.cli;
