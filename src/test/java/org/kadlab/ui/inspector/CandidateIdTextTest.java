package org.kadlab.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.IdText;

/** The id column's text: where the shared prefix is cut out of the grouped binary, and how wide ids are shortened. */
class CandidateIdTextTest {

    @Test
    void theCutCoversExactlyTheSharedDigitsOfTheGroupedBinaryAndNoTrailingSpace() {
        for (int bits = 1; bits <= 20; bits++) {
            String grouped = IdText.grouped("1".repeat(bits));
            for (int digits = 0; digits <= bits; digits++) {
                String head = grouped.substring(0, CandidateIdText.groupedLength(bits, digits));
                assertThat(head.replace(" ", "")).as("%d of %d bits", digits, bits).hasSize(digits);
                assertThat(head).as("%d of %d bits", digits, bits).doesNotEndWith(" ");
            }
        }
    }

    @Test
    void aNarrowIdIsItsHexThenItsBinarySplitAtTheSharedPrefix() {
        KeySpace ks = new KeySpace(8);
        List<String> parts = CandidateIdText.idParts(row(ks, ks.parse("b5"), 3), ks);
        assertThat(parts).containsExactly("b5  ", "101", "1 0101");
    }

    @Test
    void aWideIdKeepsTheHexDigitsInsideTheSharedPrefixApartAndSaysThePrefixInBits() {
        KeySpace ks = new KeySpace(160);
        NodeId id = ks.parse("3" + "a".repeat(39));
        List<String> parts = CandidateIdText.idParts(row(ks, id, 13), ks);
        assertThat(parts.get(0)).as("13 shared bits hold 3 whole hex digits").isEqualTo("3aa");
        assertThat(parts.get(0) + parts.get(1)).isEqualTo(IdText.brief(ks, ks.hex(id)));
        assertThat(parts.get(2)).isEqualTo("  13 bits");
    }

    @Test
    void theWidestIdIsAsLongAsAnyIdTheColumnShows() {
        for (int bits : new int[] {8, 16, 32, 64, 160}) {
            KeySpace ks = new KeySpace(bits);
            NodeId id = ks.parse("f".repeat((bits + 3) / 4));
            String shown = String.join("", CandidateIdText.idParts(row(ks, id, bits), ks));
            assertThat(CandidateIdText.widestId(ks).length()).as("%d bits", bits).isGreaterThanOrEqualTo(shown.length());
        }
    }

    private static CandidateRow row(KeySpace ks, NodeId id, int shared) {
        return new CandidateRow(1, id, ks.hex(id), ks.binary(id), shared, ks.hex(id), Lookup.CandidateState.SUCCEEDED,
                "own table", 1, 1, true, false, true, false);
    }
}
