package org.kadlab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/** Captions say in plain language what a lookup step did, about the lookup and the table being followed. */
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

    @Test
    void pingBeforeEvictInTheSelectedNodesTableIsCaptioned() {
        SimEvent e = ping(ks, "44aa");
        assertThat(Captions.describe(e, null, ks.parse("44aa"), ks))
                .isEqualTo("44aa's bucket 15 is full: it pings c000, the least recently seen, before letting d111 in.");
    }

    @Test
    void pingBeforeEvictInAnUnrelatedNodesTableIsNotCaptioned() {
        LookupSession s = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        s.started(9);
        assertThat(Captions.describe(ping(ks, "44aa"), s, ks.parse("1234"), ks)).isNull();
        assertThat(Captions.describe(ping(ks, "44aa"), s, ks)).as("no selected node known").isNull();
        assertThat(Captions.describe(ping(ks, "44aa"), null, null, ks)).isNull();
    }

    @Test
    void pingBeforeEvictAtTheInspectedLookupsOriginOrAQueriedPeerIsCaptionedButNotAtAPeerNotYetAsked() {
        NetworkViewModel vm = new NetworkViewModel();
        vm.playback().playingProperty().set(false);
        vm.operations().targetTextProperty().set("7f00");
        assertThat(vm.operations().findNode()).isTrue();
        LookupSession s = vm.selection().selectedLookup();
        KeySpace space = vm.keySpace();
        NodeId elsewhere = null; // no selected node: only the lookup makes a table worth a caption
        assertThat(Captions.describe(ping(space, space.hex(s.origin())), s, elsewhere, space)).as("the origin").isNotNull();
        NodeId asked = null;
        NodeId notAsked = null;
        for (LookupSnapshot.Candidate c : s.lookup().candidates()) {
            if (c.state() == Lookup.CandidateState.NOT_CONTACTED) {
                notAsked = notAsked == null ? c.id() : notAsked;
            } else {
                asked = asked == null ? c.id() : asked;
            }
        }
        assertThat(asked).as("a peer the lookup has queried").isNotNull();
        assertThat(Captions.describe(ping(space, space.hex(asked)), s, elsewhere, space)).as("a queried peer")
                .startsWith(space.hex(asked) + "'s bucket 15 is full");
        if (notAsked != null) {
            assertThat(Captions.describe(ping(space, space.hex(notAsked)), s, elsewhere, space)).as("a peer not yet asked").isNull();
        }
    }

    @Test
    void routineTableTouchesGetNoCaptionEvenInTheSelectedTable() {
        SimEvent e = new SimEvent.BucketChanged(5, ks.parse("44aa"), 15, SimEvent.BucketChange.UPDATED, ks.parse("c000"), null);
        assertThat(Captions.describe(e, null, ks.parse("44aa"), ks)).isNull();
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
        assertThat(Captions.describe(e, s, wide.parse(o), wide))
                .isEqualTo("0eb50afd\u2026 asks e4226837\u2026 for nodes closer to e4303a5e\u2026 (3 in flight).");
        assertThat(Captions.describe(ping(wide, o), s, wide.parse(o), wide)).doesNotContain(o).contains("0eb50afd\u2026");
        LookupSession narrow = new LookupSession(ks.parse("3a1f"), ks.parse("7f00"), 0);
        narrow.started(9);
        assertThat(Captions.describe(new SimEvent.LookupProgressed(5, 9, ks.parse("91c0"), Lookup.CandidateState.WAITING, -1, 0, 3),
                narrow, null, ks)).isEqualTo("3a1f asks 91c0 for nodes closer to 7f00 (3 in flight).");
    }

    /** {@code node}'s bucket 15 is full: it pings c000... before letting d111... in. */
    private static SimEvent ping(KeySpace space, String node) {
        NodeId contact = space.parse("c" + "0".repeat(space.hexDigits() - 1));
        NodeId newcomer = space.parse("d" + "1".repeat(space.hexDigits() - 1));
        return new SimEvent.BucketChanged(5, space.parse(node), 15, SimEvent.BucketChange.PING_STARTED, contact, newcomer);
    }
}
