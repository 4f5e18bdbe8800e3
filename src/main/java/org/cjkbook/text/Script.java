package org.cjkbook.text;

import java.util.BitSet;

/**
 * Tells Simplified from Traditional Chinese by the characters that only one of the two
 * scripts writes: common words such as 这/這, 们/們, 说/說 give a text away in a few lines.
 */
public final class Script {

    public static final String SIMPLIFIED = "zh-Hans";
    public static final String TRADITIONAL = "zh-Hant";

    // Pairs of frequent characters, the same position in each string: simplified, traditional.
    private static final String SIMPLIFIED_ONLY =
            "这们个说时会对国来为还发开经过动学实现问样当关长门后么书见东车马鸟鱼话语请认让读写电钱银铁间飞风点热无给习乐办头买卖专业亲边远运进选场报传图张帮带师结级纪线红组织细终历声听乡气岁众党义与从丰临丽举乔乌";
    private static final String TRADITIONAL_ONLY =
            "這們個說時會對國來為還發開經過動學實現問樣當關長門後麼書見東車馬鳥魚話語請認讓讀寫電錢銀鐵間飛風點熱無給習樂辦頭買賣專業親邊遠運進選場報傳圖張幫帶師結級紀線紅組織細終歷聲聽鄉氣歲眾黨義與從豐臨麗舉喬烏";

    private static final BitSet SIMPLIFIED_MARKS = CharClasses.setOf(SIMPLIFIED_ONLY);
    private static final BitSet TRADITIONAL_MARKS = CharClasses.setOf(TRADITIONAL_ONLY);

    private Script() {
    }

    /**
     * True for a language tag of Traditional Chinese: {@code zh-Hant} and its regions, and
     * the regions that write it ({@code zh-TW}, {@code zh-HK}, {@code zh-MO}).
     */
    public static boolean isTraditional(String language) {
        return language.startsWith(TRADITIONAL) || language.matches("zh-(TW|HK|MO)(-.*)?");
    }

    /** {@link #TRADITIONAL} when the text uses more traditional-only characters, else {@link #SIMPLIFIED}. */
    public static String detect(CharSequence text) {
        long simplified = 0;
        long traditional = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A whole novel is read here: a look-up per character, not a search of the lists.
            if (SIMPLIFIED_MARKS.get(c)) {
                simplified++;
            } else if (TRADITIONAL_MARKS.get(c)) {
                traditional++;
            }
        }
        return traditional > simplified ? TRADITIONAL : SIMPLIFIED;
    }
}
