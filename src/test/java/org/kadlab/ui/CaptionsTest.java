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
    void otherLookupsGetNoCaption() {
        LookupSession s = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        s.started(9);
        SimEvent e = new SimEvent.LookupProgressed(5, 10, ks.parse("91c0"), Lookup.CandidateState.WAITING, -1, 0, 1);
        assertThat(Captions.describe(e, s, ks)).isNull();
    }
}
