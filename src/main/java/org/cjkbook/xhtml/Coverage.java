package org.cjkbook.xhtml;

import java.util.Map;
import java.util.SortedSet;

import org.cjkbook.font.Face;

/**
 * What an edition's markup needs of the fonts: the characters each face draws, which its
 * subset must hold, and the characters drawn in a face other than their own because
 * theirs lacks them, with the face that draws them.
 */
public record Coverage(Map<Face, SortedSet<Integer>> characters, Map<Integer, Face> fallbacks) {
}
