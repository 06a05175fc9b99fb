package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/** Ids read whole up to 32 bits and as their first 8 hex digits and an ellipsis beyond. */
class IdTextTest {
    private final KeySpace narrow = new KeySpace(16);
    private final KeySpace wide = new KeySpace(160);
    private final String full = "0eb50afdbeeb8da1658eec67f893a2eefb32555e";

    @Test
    void idsOfAtMost32BitsAreShownWhole() {
        assertThat(IdText.brief(narrow, narrow.parse("3a1f"))).isEqualTo("3a1f");
        assertThat(IdText.brief(new KeySpace(8), new KeySpace(8).parse("0b0000_0101"))).isEqualTo("05");
        KeySpace bits32 = new KeySpace(32);
        assertThat(IdText.brief(bits32, bits32.parse("deadbeef"))).isEqualTo("deadbeef");
        assertThat(IdText.abbreviates(bits32)).isFalse();
    }

    @Test
    void wideIdsKeepTheirFirstEightHexDigitsAndAnEllipsis() {
        NodeId id = wide.parse(full);
        assertThat(IdText.brief(wide, id)).isEqualTo("0eb50afd\u2026");
        assertThat(IdText.brief(wide, full)).isEqualTo("0eb50afd\u2026");
        KeySpace bits33 = new KeySpace(33);
        assertThat(IdText.abbreviates(bits33)).isTrue();
        assertThat(IdText.brief(bits33, bits33.maxId())).isEqualTo("1fffffff\u2026");
    }

    @Test
    void textThatIsNotAHexIdIsLeftAsItIs() {
        assertThat(IdText.brief(wide, "own table")).isEqualTo("own table");
        assertThat(IdText.brief(wide, (String) null)).isEqualTo("?");
        assertThat(IdText.brief(wide, (NodeId) null)).isEqualTo("?");
        assertThat(IdText.brief(null, full)).isEqualTo(full);
    }

    @Test
    void everyWholeIdInASentenceIsAbbreviatedAndNothingElse() {
        String longer = full + "ab";
        String text = "store \"k\": 2 of 20 closest nodes acknowledged: " + full + ", " + full.replace('0', 'f') + "; " + longer + ".";
        assertThat(IdText.briefAll(wide, text)).isEqualTo("store \"k\": 2 of 20 closest nodes acknowledged: 0eb50afd\u2026, "
                + "feb5fafd\u2026; " + longer + ".");
        assertThat(IdText.briefAll(narrow, "3a1f asks 91c0")).isEqualTo("3a1f asks 91c0");
        assertThat(IdText.briefAll(wide, null)).isNull();
    }

    @Test
    void theBinaryOfAWideIdKeepsSixteenBitsOnOneLineAndANarrowOneAllOfThem() {
        assertThat(IdText.briefBinary(wide, wide.parse(full))).isEqualTo("0000 1110 1011 0101\u2026");
        assertThat(IdText.briefBinary(narrow, narrow.parse("3a1f"))).isEqualTo("0011 1010 0001 1111");
    }
}
