package org.cjkbook.font;

/** Placeholder until the font package lands. */
public enum Face { BODY, BOLD, HEADING }
