package org.cjkbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PunctuationSqueezeTest {

    /** Each character with its side: a for after, b for before, . for none. */
    private static String sides(String text) {
        return sides(PunctuationSqueeze.MAINLAND, text);
    }

    private static String sides(PunctuationSqueeze squeeze, String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            PunctuationSqueeze.Side side = squeeze.at(text, i);
            out.append(side == PunctuationSqueeze.Side.AFTER ? 'a' : side == PunctuationSqueeze.Side.BEFORE ? 'b' : '.');
        }
        return out.toString();
    }

    @Test
    void closingMarkBeforeAnotherMarkGivesUpItsRightHalf() {
        assertThat(sides("了。”问")).isEqualTo(".a..");
        assertThat(sides("说，“好")).isEqualTo(".a..");
        assertThat(sides("道：“来")).isEqualTo(".a..");
        assertThat(sides("啊！”他")).isEqualTo(".a..");
        assertThat(sides("）、")).isEqualTo("a.");
    }

    @Test
    void openingMarkAfterAnOpeningMarkGivesUpItsLeftHalf() {
        assertThat(sides("“《红")).isEqualTo(".b.");
    }

    @Test
    void lonelyMarksAndTextAreLeftAlone() {
        assertThat(sides("初心，使命。")).isEqualTo("......");
        assertThat(sides("“”")).isEqualTo("..");
    }

    @Test
    void centredStopsHaveNoBlankHalfToGiveButClosingMarksStillDo() {
        PunctuationSqueeze centred = PunctuationSqueeze.CENTRED_STOPS;
        assertThat(sides(centred, "了。」問")).isEqualTo("....");
        assertThat(sides(centred, "說，「好")).isEqualTo("....");
        assertThat(sides(centred, "」，")).isEqualTo("..");
        assertThat(sides(centred, "」「")).isEqualTo("a.");
        assertThat(sides(centred, "）「")).isEqualTo("a.");
        assertThat(sides(centred, "「『紅")).isEqualTo(".b.");
        assertThat(centred.closesWithBlank('。')).isFalse();
        assertThat(centred.closesWithBlank('」')).isTrue();
    }
}
