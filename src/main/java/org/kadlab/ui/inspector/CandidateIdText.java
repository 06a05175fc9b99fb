package org.kadlab.ui.inspector;

import java.util.List;
import org.kadlab.kad.KeySpace;
import org.kadlab.ui.model.CandidateRow;
import org.kadlab.ui.model.IdText;

/**
 * The text of the inspector's id column: a narrow id as hex and its grouped binary with the prefix
 * shared with the target apart; a wide id abbreviated, the hex digits inside the shared prefix apart,
 * and the prefix length in bits.
 */
public final class CandidateIdText {
    private CandidateIdText() {
    }

    /**
     * The pieces of an id cell: narrow ids give hex, the binary's shared prefix and the rest of the
     * binary; wide ids give the hex digits inside the shared prefix, the rest of the abbreviated hex,
     * and the prefix length in bits.
     */
    public static List<String> idParts(CandidateRow r, KeySpace ks) {
        String bin = r.binary();
        int shared = Math.max(0, Math.min(r.sharedPrefix(), bin.length()));
        if (IdText.abbreviates(ks)) {
            String brief = IdText.brief(ks, r.hex());
            int digits = Math.min(shared / 4, Math.min(IdText.SHORT_DIGITS, r.hex().length()));
            return List.of(brief.substring(0, digits), brief.substring(digits), "  " + IdText.bits(shared));
        }
        String grouped = IdText.grouped(bin);
        int cut = groupedLength(bin.length(), shared);
        return List.of(r.hex() + "  ", grouped.substring(0, cut), grouped.substring(cut));
    }

    /** The widest text the id column shows in {@code ks}, with room for its monospaced digits. */
    static String widestId(KeySpace ks) {
        String hex = "f".repeat((ks.bits() + 3) / 4);
        String text = IdText.abbreviates(ks) ? IdText.brief(ks, hex) + "  " + IdText.bits(ks.bits())
                : hex + "  " + IdText.grouped("0".repeat(ks.bits()));
        return text + "  ";
    }

    /** How many characters of the grouped binary string cover its first {@code digits} digits. */
    static int groupedLength(int bits, int digits) {
        if (digits == 0) {
            return 0;
        }
        int lead = bits % 4;
        int spaces = 0;
        for (int i = 1; i < digits; i++) {
            if ((i - lead) % 4 == 0) {
                spaces++;
            }
        }
        return digits + spaces;
    }
}
