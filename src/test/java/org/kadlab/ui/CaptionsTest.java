package org.kadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.sim.SimEvent;

/** Captions say in plain language what a lookup step did. */
class CaptionsTest {
    private final KeySpace ks = new KeySpace(16);

    @Test
    void anAnswerSaysWhoAskedWhomAndHowManyContactsWereNew() {
        LookupSession s = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        s.started(9);
        SimEvent e = new SimEvent.LookupProgressed(5, 9, ks.parse("91c0"), Lookup.CandidateState.SUCCEEDED, 3, 2, 1);
        assertThat(Captions.describe(e, s, ks))
                .isEqualTo("3a1f asked 91c0 for nodes closer to 7f00; 91c0 answers with 3 contacts, 2 of them new.");
    }

    @Test
    void wideIdsAreAbbreviatedInCaptionsAndNarrowOnesAreNot() {
        KeySpace wide = new KeySpace(160);
        String o = "0eb50afdbeeb8da1658eec67f893a2eefb32555e";
        String p = "e4226837a3463a7340b261dd39b96554ce99f3d0";
        String t = "e4303a5ee477e36ab83fd583d688b60d19c9fcc7";
        LookupSession s = new LookupSession(wide.parse(o), wide.parse(t), 0);
        s.started(9);
        SimEvent e = new SimEvent.LookupProgressed(5, 9, wide.parse(p), Lookup.CandidateState.WAITING, -1, 0, 3);
        assertThat(Captions.describe(e, s, wide))
                .isEqualTo("0eb50afd\u2026 asks e4226837\u2026 for nodes closer to e4303a5e\u2026 (3 in flight).");
        LookupSession narrow = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        narrow.started(9);
        assertThat(Captions.describe(new SimEvent.LookupProgressed(5, 9, ks.parse("91c0"), Lookup.CandidateState.WAITING, -1, 0, 3),
                narrow, ks)).isEqualTo("3a1f asks 91c0 for nodes closer to 7f00 (3 in flight).");
    }

    @Test
    void otherLookupsGetNoCaption() {
        LookupSession s = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        s.started(9);
        SimEvent e = new SimEvent.LookupProgressed(5, 10, ks.parse("91c0"), Lookup.CandidateState.WAITING, -1, 0, 1);
        assertThat(Captions.describe(e, s, ks)).isNull();
    }
}
