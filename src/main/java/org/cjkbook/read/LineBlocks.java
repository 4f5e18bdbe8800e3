package org.cjkbook.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.node.CustomBlock;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Pandoc's line blocks, which commonmark-java does not know: lines that begin with a bar and
 * a space keep their division into lines and their leading spaces, as verse needs.
 *
 * <pre>
 * | 床前明月光，
 * |     疑是地上霜。
 * |
 * | 举头望明月，低头
 *   思故乡。
 * </pre>
 *
 * A bar alone is an empty line, which separates stanzas; a line that begins with a space
 * continues the line before it. Inline markup works within each line. A line block does
 * not interrupt a paragraph, and a line followed by a table's delimiter row is the header
 * of a GFM table, not a line of verse.
 */
final class LineBlocks {

    /** A GFM delimiter row, as commonmark-java's tables read it: cells of dashes between bars, one bar at least. */
    private static final Pattern DELIMITER_ROW =
            Pattern.compile("\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*");
    /** What may stand before a table row on its line: the marks of the quotations and list items around it. */
    private static final Pattern CONTAINER_MARKS = Pattern.compile("^[ \\t>]*");

    private LineBlocks() {
    }

    /** A line block; its children are its {@link Line}s. */
    static final class LineBlock extends CustomBlock {
    }

    /** One line of a line block, its inlines as children: empty for an empty line. */
    static final class Line extends CustomBlock {
        private final int indent;

        Line(int indent) {
            this.indent = indent;
        }

        /** How many spaces the line began with, after its bar and the space that follows it. */
        int indent() {
            return indent;
        }
    }

    /**
     * Starts line blocks in a document whose lines, counted as the parser counts them, are
     * {@code sourceLines}: whether a line heads a table is told by the line after it.
     */
    static final class Factory extends AbstractBlockParserFactory {
        private final List<String> sourceLines;

        Factory(String source) {
            this.sourceLines = List.of(source.split("\r\n|\r|\n", -1));
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (!matched.getParagraphLines().isEmpty() || !isLineStart(state)) {
                return BlockStart.none();
            }
            return BlockStart.of(new Parser(this)).atIndex(state.getNextNonSpaceIndex());
        }

        /** Whether the line begins a line of a line block: a bar, then a space or nothing, and no table below it. */
        private boolean isLineStart(ParserState state) {
            CharSequence content = state.getLine().getContent();
            int bar = state.getNextNonSpaceIndex();
            return state.getIndent() == 0 && bar < content.length() && content.charAt(bar) == '|'
                    && (bar + 1 == content.length() || content.charAt(bar + 1) == ' ')
                    && !headsTable(state.getLine());
        }

        private boolean headsTable(SourceLine line) {
            if (line.getSourceSpan() == null) {
                return false;
            }
            int next = line.getSourceSpan().getLineIndex() + 1;
            if (next >= sourceLines.size()) {
                return false;
            }
            String row = CONTAINER_MARKS.matcher(sourceLines.get(next)).replaceFirst("");
            return row.indexOf('|') >= 0 && DELIMITER_ROW.matcher(row).matches();
        }
    }

    private static final class Parser extends AbstractBlockParser {
        private final LineBlock block = new LineBlock();
        private final Factory factory;
        /** The source lines of each line so far, and the indent of each. */
        private final List<List<SourceLine>> lines = new ArrayList<>();
        private final List<Integer> indents = new ArrayList<>();
        /** Whether the line being added continues the last one. */
        private boolean continuing;

        Parser(Factory factory) {
            this.factory = factory;
        }

        @Override
        public LineBlock getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                return BlockContinue.none();
            }
            continuing = !factory.isLineStart(state);
            if (continuing && state.getIndent() == 0) {
                return BlockContinue.none();
            }
            return BlockContinue.atIndex(state.getNextNonSpaceIndex());
        }

        /** A new line, its bar and the space after it left out, or a continuation of the last. */
        @Override
        public void addLine(SourceLine line) {
            if (continuing) {
                lines.get(lines.size() - 1).add(line);
                return;
            }
            CharSequence content = line.getContent();
            int start = Math.min(2, content.length());
            int text = start;
            while (text < content.length() && (content.charAt(text) == ' ' || content.charAt(text) == '\t')) {
                text++;
            }
            List<SourceLine> parts = new ArrayList<>();
            if (text < content.length()) {
                parts.add(line.substring(text, content.length()));
            }
            lines.add(parts);
            indents.add(parts.isEmpty() ? 0 : text - start);
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = new Line(indents.get(i));
                if (!lines.get(i).isEmpty()) {
                    inlineParser.parse(SourceLines.of(lines.get(i)), line);
                }
                block.appendChild(line);
            }
        }
    }
}
