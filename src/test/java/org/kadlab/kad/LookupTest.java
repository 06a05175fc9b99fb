package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lookup state machine alone, driven by fake worlds in the test (no network, no clock):
 * hand-written scenarios, then seeded property loops modelled on rust-libp2p closest.rs
 * (termination_and_parallelism, no_duplicates, timeout) for properties 5 and 7, and an ideal world
 * of real routing tables for property 6 (exactness).
 */
class LookupTest {
    private static final KeySpace KS8 = new KeySpace(8);
    private static final long TIMEOUT = 100;

    private static Contact c(String binary) {
        return new Contact(KS8.parse(binary), "test:" + binary);
    }

    private static Contact c8(int value) {
        return RoutingTableTest.contact(KS8, KS8.id(value));
    }

    private static List<NodeId> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    private static Lookup.Step query(Contact peer) {
        return new Lookup.Query(peer);
    }

    private static final Lookup.Step AT_CAPACITY = new Lookup.WaitingAtCapacity();
    private static final Lookup.Step WAITING = new Lookup.Waiting();
    private static final Lookup.Step FINISHED = new Lookup.Finished();

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(format, args));
        }
    }

    private static List<String> snapshot(Lookup l) {
        List<String> out = new ArrayList<>();
        for (Lookup.Candidate c : l.candidates()) {
            out.add(c.contact().id() + ":" + c.state() + ":" + c.sentAt() + ":" + c.returned());
        }
        out.add("inFlight=" + l.inFlight() + " stalled=" + l.isStalled() + " finished=" + l.isFinished()
                + " queries=" + l.queriesSent());
        return out;
    }

    // =====================================================================================
    // Hand-written scenarios (8-bit ids in binary)
    // =====================================================================================

    @Test
    void candidateViewShowsStatesReferrersAndDepth() {
        NodeId target = KS8.parse("0b1111_0000");
        Contact origin = c("0b0000_0000");
        Contact a = c("0b1000_0000"); // distance 0111_0000
        Contact b = c("0b1100_0000"); // distance 0011_0000
        Contact cc = c("0b1111_0001"); // distance 1
        Contact d = c("0b1111_0010"); // distance 2
        Lookup l = new Lookup(7, target, origin.id(), List.of(a, b, origin, a), 2, 1, TIMEOUT, LookupMode.SLIDING);
        assertThat(l.candidates()).extracting(Lookup.Candidate::contact).as("sorted by distance, origin and duplicate skipped")
                .containsExactly(b, a);
        for (Lookup.Candidate x : l.candidates()) {
            assertThat(x.state()).isEqualTo(Lookup.CandidateState.NOT_CONTACTED);
            assertThat(x.referrer()).as("from the origin's own table").isNull();
            assertThat(x.depth()).isEqualTo(1);
            assertThat(x.sentAt()).isEqualTo(-1);
            assertThat(x.round()).isZero();
            assertThat(x.returned()).isEqualTo(-1);
        }
        assertThat(l.result()).isEmpty();
        assertThat(l.id()).isEqualTo(7);
        assertThat(l.target()).isEqualTo(target);
        assertThat(l.origin()).isEqualTo(origin.id());

        assertThat(l.next(0)).isEqualTo(query(b));
        Lookup.Candidate cb = l.candidate(b.id());
        assertThat(cb.state()).isEqualTo(Lookup.CandidateState.WAITING);
        assertThat(cb.sentAt()).isZero();
        assertThat(cb.round()).isEqualTo(1);
        assertThat(l.inFlight()).isEqualTo(1);
        assertThat(l.next(0)).isEqualTo(AT_CAPACITY);

        assertThat(l.onSuccess(b, List.of(cc, a, origin, cc))).isTrue();
        assertThat(cb.state()).isEqualTo(Lookup.CandidateState.SUCCEEDED);
        assertThat(cb.returned()).isEqualTo(4);
        assertThat(cb.introduced()).as("only C is new: A is known, the origin and a duplicate are skipped").isEqualTo(1);
        assertThat(l.candidate(cc.id()).referrer()).isEqualTo(b);
        assertThat(l.candidate(cc.id()).depth()).isEqualTo(2);
        assertThat(l.candidate(a.id()).referrer()).as("a known peer keeps its first referrer").isNull();
        assertThat(l.candidate(origin.id())).isNull();
        assertThat(l.candidates()).extracting(Lookup.Candidate::contact).containsExactly(cc, b, a);

        assertThat(l.next(5)).isEqualTo(query(cc));
        assertThat(l.onSuccess(cc, List.of(d, b))).isTrue();
        assertThat(l.candidate(d.id()).referrer()).isEqualTo(cc);
        assertThat(l.candidate(d.id()).depth()).isEqualTo(3);
        assertThat(l.next(6)).isEqualTo(query(d));
        assertThat(l.candidate(d.id()).sentAt()).isEqualTo(6);
        assertThat(l.onSuccess(d, List.of())).isTrue();
        assertThat(l.candidate(d.id()).returned()).isZero();

        assertThat(l.next(7)).as("the k=2 closest (C, D) have answered").isEqualTo(FINISHED);
        assertThat(l.isFinished()).isTrue();
        assertThat(l.result()).containsExactly(cc, d);
        assertThat(l.closestResponder()).isEqualTo(cc);
        assertThat(l.candidate(a.id()).state()).as("A was never needed").isEqualTo(Lookup.CandidateState.NOT_CONTACTED);
        assertThat(l.hops()).isEqualTo(3);
        assertThat(l.queriesSent()).isEqualTo(3);
        assertThat(l.failures()).isZero();
        assertThat(l.next(8)).isEqualTo(FINISHED);
    }

    @Test
    void aWaitingPeerPastItsDeadlineBecomesUnresponsiveFreesItsSlotAndMayStillAnswer() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact p1 = c("0b0000_0001");
        Contact p2 = c("0b0000_0010");
        Contact p3 = c("0b0000_0100");
        Lookup l = new Lookup(1, target, origin.id(), List.of(p3, p1, p2), 2, 1, TIMEOUT, LookupMode.SLIDING);
        assertThat(l.next(0)).isEqualTo(query(p1));
        assertThat(l.next(50)).isEqualTo(AT_CAPACITY);
        assertThat(l.next(99)).isEqualTo(AT_CAPACITY);
        assertThat(l.candidate(p1.id()).state()).isEqualTo(Lookup.CandidateState.WAITING);
        assertThat(l.next(100)).as("at the deadline the slot is freed and the next peer is asked").isEqualTo(query(p2));
        assertThat(l.candidate(p1.id()).state()).isEqualTo(Lookup.CandidateState.UNRESPONSIVE);
        assertThat(l.inFlight()).isEqualTo(1);
        assertThat(l.failures()).isEqualTo(1);
        assertThat(l.onSuccess(p1, List.of())).as("a late answer is still accepted").isTrue();
        assertThat(l.candidate(p1.id()).state()).isEqualTo(Lookup.CandidateState.SUCCEEDED);
        assertThat(l.inFlight()).as("the late answer does not free a second slot").isEqualTo(1);
        assertThat(l.onSuccess(p2, List.of())).isTrue();
        assertThat(l.next(160)).isEqualTo(FINISHED);
        assertThat(l.result()).containsExactly(p1, p2);
        assertThat(l.candidate(p3.id()).state()).isEqualTo(Lookup.CandidateState.NOT_CONTACTED);
    }

    @Test
    void aTimedOutPeerFreesItsSlotEvenBehindACloserWaitingPeer() {
        // alpha = 2: F1 and F2 are asked at t=0; F2 answers at t=10 with X and Y, closer than F1;
        // X is asked at t=10. At t=100, F1 is past its deadline while X (closer) still waits:
        // F1 must become unresponsive and its slot go to Y.
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact f1 = c("0b0100_0000");
        Contact f2 = c("0b1000_0000");
        Contact x = c("0b0000_0001");
        Contact y = c("0b0000_0010");
        Lookup l = new Lookup(1, target, origin.id(), List.of(f1, f2), 3, 2, TIMEOUT, LookupMode.SLIDING);
        assertThat(l.next(0)).isEqualTo(query(f1));
        assertThat(l.next(0)).isEqualTo(query(f2));
        assertThat(l.onSuccess(f2, List.of(x, y))).isTrue();
        assertThat(l.next(10)).isEqualTo(query(x));
        assertThat(l.next(10)).isEqualTo(AT_CAPACITY);
        assertThat(l.next(100)).as("F1 timed out: its slot goes to Y").isEqualTo(query(y));
        assertThat(l.candidate(f1.id()).state()).isEqualTo(Lookup.CandidateState.UNRESPONSIVE);
        assertThat(l.inFlight()).isEqualTo(2);
    }

    @Test
    void everyPeerTimingOutEndsWithAnEmptyResult() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        List<Contact> peers = List.of(c8(1), c8(2), c8(3), c8(4), c8(5));
        for (LookupMode mode : LookupMode.values()) {
            Lookup l = new Lookup(1, target, origin.id(), peers, 3, 2, TIMEOUT, mode);
            long now = 0;
            Set<Contact> asked = new HashSet<>();
            for (int calls = 0; ; calls++) {
                assertThat(calls).as("%s lookup of silent peers terminates", mode).isLessThan(50);
                Lookup.Step s = l.next(now);
                if (s instanceof Lookup.Query q) {
                    assertThat(asked.add(q.peer())).as("asked once: %s", q.peer()).isTrue();
                } else if (s instanceof Lookup.Finished) {
                    break;
                } else {
                    now += TIMEOUT;
                }
            }
            assertThat(asked).as(mode.name()).containsExactlyInAnyOrderElementsOf(peers);
            assertThat(l.result()).isEmpty();
            assertThat(l.failures()).isEqualTo(5);
            assertThat(l.candidates()).allMatch(x -> x.state() == Lookup.CandidateState.UNRESPONSIVE);
        }
    }

    @Test
    void answersFromUnknownOrNotWaitingPeersAreRefusedAndChangeNothing() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact p1 = c8(1);
        Contact p2 = c8(2);
        Contact p3 = c8(3);
        Contact p4 = c8(4);
        Contact stranger = c8(0x40);
        Lookup l = new Lookup(1, target, origin.id(), List.of(p1, p2, p3, p4), 3, 2, TIMEOUT, LookupMode.SLIDING);
        assertThat(l.next(0)).isEqualTo(query(p1));
        assertThat(l.next(0)).isEqualTo(query(p2));

        List<String> before = snapshot(l);
        assertThat(l.onSuccess(stranger, List.of(c8(0x41)))).as("unknown peer").isFalse();
        assertThat(l.onFailure(stranger)).as("unknown peer").isFalse();
        assertThat(l.onSuccess(origin, List.of(c8(0x41)))).as("the origin").isFalse();
        assertThat(l.onSuccess(p3, List.of(c8(0x41)))).as("not contacted yet").isFalse();
        assertThat(l.onFailure(p3)).as("not contacted yet").isFalse();
        assertThat(snapshot(l)).isEqualTo(before);
        assertThat(l.candidate(KS8.id(0x41))).isNull();

        assertThat(l.onSuccess(p1, List.of())).isTrue();
        before = snapshot(l);
        assertThat(l.onSuccess(p1, List.of(c8(0x41)))).as("answered twice").isFalse();
        assertThat(l.onFailure(p1)).as("failure after success").isFalse();
        assertThat(snapshot(l)).isEqualTo(before);

        assertThat(l.onFailure(p2)).isTrue();
        assertThat(l.candidate(p2.id()).state()).isEqualTo(Lookup.CandidateState.FAILED);
        before = snapshot(l);
        assertThat(l.onSuccess(p2, List.of(c8(0x41)))).as("success after failure").isFalse();
        assertThat(l.onFailure(p2)).as("failed twice").isFalse();
        assertThat(snapshot(l)).isEqualTo(before);

        assertThat(l.next(1)).isEqualTo(query(p3));
        l.finishEarly();
        before = snapshot(l);
        assertThat(l.onSuccess(p3, List.of(c8(0x41)))).as("after the lookup finished").isFalse();
        assertThat(l.onFailure(p3)).as("after the lookup finished").isFalse();
        assertThat(snapshot(l)).isEqualTo(before);
        assertThat(l.next(2)).isEqualTo(FINISHED);
        assertThat(l.result()).containsExactly(p1);
    }

    @Test
    void theCandidateBoundNeverRefusesAPeerThatWouldRankAmongTheKClosest() {
        // k = 1, alpha = 1: the bound is 8k + alpha = 9 candidates, all of them seeded here
        NodeId target = KS8.parse("0b0000_0000");
        NodeId origin = KS8.parse("0b1111_1111");
        List<Contact> seeds = new ArrayList<>();
        for (int v = 0b0100_0000; v < 0b0100_0000 + 9; v++) {
            seeds.add(c8(v));
        }
        Lookup lookup = new Lookup(1, target, origin, seeds, 1, 1, TIMEOUT, LookupMode.SLIDING);
        Contact closest = c("0b0000_0001");
        Contact answering = seeds.get(8);
        for (int i = 0; i < 9; i++) {
            Lookup.Step step = lookup.next(0);
            check(step instanceof Lookup.Query, "step %d should query a seed, was %s", i, step);
            Contact peer = ((Lookup.Query) step).peer();
            if (peer.equals(answering)) {
                lookup.onSuccess(peer, List.of(closest));
            } else {
                lookup.onFailure(peer);
            }
        }
        assertThat(lookup.candidate(closest.id())).as("the true closest peer, reported when the list was full").isNotNull();
        assertThat(lookup.next(0)).isEqualTo(query(closest));
        lookup.onSuccess(closest, List.of());
        assertThat(lookup.next(0)).isEqualTo(FINISHED);
        assertThat(ids(lookup.result())).containsExactly(closest.id());
    }

    @Test
    void emptyOrOriginOnlySeedsFinishAtOnce() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        for (LookupMode mode : LookupMode.values()) {
            Lookup empty = new Lookup(1, target, origin.id(), List.of(), 3, 2, TIMEOUT, mode);
            assertThat(empty.next(0)).isEqualTo(FINISHED);
            assertThat(empty.result()).isEmpty();
            Lookup self = new Lookup(1, target, origin.id(), List.of(origin), 3, 2, TIMEOUT, mode);
            assertThat(self.candidates()).isEmpty();
            assertThat(self.next(0)).isEqualTo(FINISHED);
            assertThat(self.queriesSent()).isZero();
        }
    }

    @Test
    void slidingModeStallsAfterAlphaAnswersWithoutProgressAndWidensToK() {
        NodeId target = KS8.id(0x40);
        Contact origin = c("0b1111_1111");
        List<Contact> peers = new ArrayList<>();
        for (int i = 2; i <= 7; i++) {
            peers.add(c8(0x40 ^ i)); // distances 2..7
        }
        Contact closer = c8(0x41); // distance 1
        Lookup l = new Lookup(1, target, origin.id(), peers, 3, 1, TIMEOUT, LookupMode.SLIDING);
        assertThat(l.inFlightLimit()).isEqualTo(1);
        assertThat(l.next(0)).isEqualTo(query(peers.get(0)));
        assertThat(l.next(0)).isEqualTo(AT_CAPACITY);
        assertThat(l.onSuccess(peers.get(0), List.of(peers.get(5)))).isTrue();
        assertThat(l.isStalled()).as("alpha = 1 answer without a peer closer than the k-th").isTrue();
        assertThat(l.inFlightLimit()).isEqualTo(3);
        assertThat(l.next(1)).isEqualTo(query(peers.get(1)));
        assertThat(l.next(1)).isEqualTo(query(peers.get(2)));
        assertThat(l.next(1)).isEqualTo(query(peers.get(3)));
        assertThat(l.next(1)).isEqualTo(AT_CAPACITY);
        assertThat(l.inFlight()).isEqualTo(3);
        assertThat(l.maxInFlightSeen()).isEqualTo(3);
        assertThat(l.onSuccess(peers.get(1), List.of(closer))).isTrue();
        assertThat(l.isStalled()).as("a peer closer than the k-th un-stalls").isFalse();
        assertThat(l.inFlightLimit()).isEqualTo(1);
        assertThat(l.next(2)).as("2 still in flight > alpha: no new query until they drain").isEqualTo(AT_CAPACITY);
        assertThat(l.onSuccess(peers.get(2), List.of())).isTrue();
        assertThat(l.isStalled()).as("alpha = 1 more answer without progress stalls it again").isTrue();
        assertThat(l.next(3)).isEqualTo(query(closer));
        assertThat(l.onSuccess(closer, List.of())).isTrue();
        assertThat(l.next(4)).as("the 3 closest answered; the farther P3 may stay outstanding").isEqualTo(FINISHED);
        assertThat(l.candidate(peers.get(3).id()).state()).isEqualTo(Lookup.CandidateState.WAITING);
        assertThat(l.result()).containsExactly(closer, peers.get(0), peers.get(1));
    }

    @Test
    void roundsModeQueriesInBatchesAndWaitsForTheWholeBatch() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact p1 = c8(1);
        Contact p2 = c8(2);
        Contact p3 = c8(3);
        Contact p4 = c8(4);
        Contact p5 = c8(5);
        Lookup l = new Lookup(1, target, origin.id(), List.of(p5, p4, p3, p2, p1), 2, 2, TIMEOUT, LookupMode.SEED_ROUNDS);
        assertThat(l.round()).isZero();
        assertThat(l.next(0)).isEqualTo(query(p1));
        assertThat(l.next(0)).isEqualTo(query(p2));
        assertThat(l.next(0)).as("a batch holds at most alpha queries").isEqualTo(WAITING);
        assertThat(l.round()).isEqualTo(1);
        assertThat(l.onSuccess(p1, List.of())).isTrue();
        assertThat(l.next(10)).as("the batch is not over while P2 is outstanding").isEqualTo(WAITING);
        assertThat(l.next(99)).isEqualTo(WAITING);
        assertThat(l.next(100)).as("P2 timed out: the batch is over, the next one starts").isEqualTo(query(p3));
        assertThat(l.candidate(p2.id()).state()).isEqualTo(Lookup.CandidateState.UNRESPONSIVE);
        assertThat(l.next(100)).isEqualTo(query(p4));
        assertThat(l.next(100)).isEqualTo(WAITING);
        assertThat(l.round()).isEqualTo(2);
        assertThat(l.candidate(p1.id()).round()).isEqualTo(1);
        assertThat(l.candidate(p2.id()).round()).isEqualTo(1);
        assertThat(l.candidate(p3.id()).round()).isEqualTo(2);
        assertThat(l.candidate(p4.id()).round()).isEqualTo(2);
        assertThat(l.onSuccess(p3, List.of())).isTrue();
        assertThat(l.onFailure(p4)).isTrue();
        assertThat(l.next(110)).as("k = 2 have answered and P5 is farther than both").isEqualTo(FINISHED);
        assertThat(l.result()).containsExactly(p1, p3);
        assertThat(l.candidate(p5.id()).state()).isEqualTo(Lookup.CandidateState.NOT_CONTACTED);
        assertThat(l.maxInFlightSeen()).isEqualTo(2);
    }

    @Test
    void roundsModeKeepsGoingWhileAnUnaskedCandidateIsCloserThanTheKthResponder() {
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact p4 = c8(4);
        Contact p5 = c8(5);
        Contact p1 = c8(1);
        Lookup l = new Lookup(1, target, origin.id(), List.of(p4, p5), 2, 2, TIMEOUT, LookupMode.SEED_ROUNDS);
        assertThat(l.next(0)).isEqualTo(query(p4));
        assertThat(l.next(0)).isEqualTo(query(p5));
        assertThat(l.onSuccess(p5, List.of(p1))).isTrue();
        assertThat(l.onSuccess(p4, List.of())).isTrue();
        assertThat(l.next(1)).as("P1 is closer than the 2nd responder").isEqualTo(query(p1));
        assertThat(l.next(1)).isEqualTo(WAITING);
        assertThat(l.onSuccess(p1, List.of())).isTrue();
        assertThat(l.next(2)).isEqualTo(FINISHED);
        assertThat(l.result()).containsExactly(p1, p4);
        assertThat(l.candidate(p1.id()).depth()).isEqualTo(2);
        assertThat(l.candidate(p1.id()).round()).isEqualTo(2);
    }

    @Test
    void roundsModeNeverQueriesACandidateTheBoundDroppedFromTheCurrentBatch() {
        // k = 1, alpha = 2: at most 8k + alpha = 10 candidates. Round 2 is [P1, P2]; P1 is sent and
        // answers, before P2 is sent, with 8 peers closer than P2: the list overflows and P2, now the
        // farthest uncontacted candidate, is dropped. It must not be sent afterwards (its answer would
        // be refused and its slot never freed), and the lookup must still end.
        NodeId target = KS8.parse("0b0000_0000");
        Contact origin = c("0b1111_1111");
        Contact a = c8(200);
        Contact b = c8(201);
        Contact p1 = c8(20);
        Contact p2 = c8(21);
        List<Contact> closer = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            closer.add(c8(i));
        }
        Lookup l = new Lookup(1, target, origin.id(), List.of(a, b), 1, 2, TIMEOUT, LookupMode.SEED_ROUNDS);
        assertThat(l.next(0)).isEqualTo(query(a));
        assertThat(l.next(0)).isEqualTo(query(b));
        assertThat(l.onSuccess(a, List.of(p1, p2))).isTrue();
        assertThat(l.onFailure(b)).isTrue();
        assertThat(l.next(1)).isEqualTo(query(p1));
        assertThat(l.onSuccess(p1, closer)).isTrue();
        assertThat(l.candidate(p2.id())).as("P2 was dropped by the bound").isNull();
        long now = 2;
        Set<Contact> asked = new HashSet<>(List.of(a, b, p1));
        for (int calls = 0; calls < 40; calls++) {
            Lookup.Step s = l.next(now);
            if (s instanceof Lookup.Finished) {
                break;
            }
            if (s instanceof Lookup.Query q) {
                assertThat(l.candidate(q.peer().id())).as("a queried peer %s is a candidate", q.peer()).isNotNull();
                assertThat(asked.add(q.peer())).isTrue();
                assertThat(l.onSuccess(q.peer(), List.of())).as("its answer is accepted").isTrue();
            } else {
                assertThat(l.inFlight()).isEqualTo(l.candidates().stream()
                        .filter(x -> x.state() == Lookup.CandidateState.WAITING).count());
                now += TIMEOUT;
            }
        }
        assertThat(l.isFinished()).isTrue();
        assertThat(l.result()).containsExactly(closer.get(0));
    }

    // =====================================================================================
    // The driver: a fake world answering a lookup, checking properties 5 and 7 at every step
    // =====================================================================================

    enum Outcome { SUCCESS, FAILURE, SILENT, LATE_SUCCESS, LATE_FAILURE }

    /**
     * Runs one lookup against a fake world: every query gets an outcome from {@code outcomes} and,
     * on success, the contacts from {@code answers}. Answers arrive after a random delay, sometimes
     * between two queries of the same batch; time only moves to the next answer or deadline.
     */
    static final class Driver {
        private record Event(long at, long seq, Contact peer, boolean success) {
        }

        final KeySpace ks;
        final Lookup lookup;
        final Random random;
        final long timeout;
        final Function<Contact, List<Contact>> answers;
        final Function<Contact, Outcome> outcomes;
        final int worldSize;
        final String label;
        long now;
        int nextCalls;
        private long seq;
        final Set<NodeId> queried = new HashSet<>();
        final List<Contact> answered = new ArrayList<>();
        private final PriorityQueue<Event> events = new PriorityQueue<>(
                Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
        private int lastRound;

        Driver(KeySpace ks, Lookup lookup, Random random, long timeout, int worldSize,
               Function<Contact, List<Contact>> answers, Function<Contact, Outcome> outcomes, String label) {
            this.ks = ks;
            this.lookup = lookup;
            this.random = random;
            this.timeout = timeout;
            this.worldSize = worldSize;
            this.answers = answers;
            this.outcomes = outcomes;
            this.label = label + " target=" + ks.hex(lookup.target()) + " origin=" + ks.hex(lookup.origin());
        }

        List<Contact> run() {
            // each call either sends a query (at most once per peer), or is followed by one answer
            // (at most one per query) or by a deadline passing (at most one per query)
            int bound = 3 * worldSize + 3;
            while (true) {
                check(nextCalls++ <= bound, "lookup terminates within %d next() calls: %s", bound, label);
                Lookup.Step step = lookup.next(now);
                checkStep(step);
                if (step instanceof Lookup.Query q) {
                    sent(q.peer());
                    if (!events.isEmpty() && random.nextInt(3) == 0) {
                        deliver(events.poll());
                    }
                } else if (step instanceof Lookup.Finished) {
                    checkFinished();
                    return lookup.result();
                } else {
                    advance();
                }
            }
        }

        private void sent(Contact peer) {
            Outcome o = outcomes.apply(peer);
            long fast = now + 1 + random.nextInt((int) timeout - 1);
            long late = now + timeout + random.nextInt((int) timeout);
            switch (o) {
                case SUCCESS -> events.add(new Event(fast, seq++, peer, true));
                case FAILURE -> events.add(new Event(fast, seq++, peer, false));
                case LATE_SUCCESS -> events.add(new Event(late, seq++, peer, true));
                case LATE_FAILURE -> events.add(new Event(late, seq++, peer, false));
                case SILENT -> {
                }
            }
        }

        private void advance() {
            long deadline = Long.MAX_VALUE;
            for (Lookup.Candidate c : lookup.candidates()) {
                if (c.state() == Lookup.CandidateState.WAITING) {
                    deadline = Math.min(deadline, c.sentAt() + timeout);
                }
            }
            Event e = events.peek();
            if (e != null && e.at() <= deadline) {
                deliver(events.poll());
            } else {
                check(deadline != Long.MAX_VALUE, "the lookup waits but nothing is outstanding: %s", label);
                check(deadline > now, "deadline %d not after now %d: %s", deadline, now, label);
                now = deadline;
            }
        }

        private void deliver(Event e) {
            now = Math.max(now, e.at());
            Lookup.Candidate c = lookup.candidate(e.peer().id());
            boolean expected = !lookup.isFinished() && c != null
                    && (c.state() == Lookup.CandidateState.WAITING || c.state() == Lookup.CandidateState.UNRESPONSIVE);
            int inFlight = lookup.inFlight();
            boolean wasWaiting = c != null && c.state() == Lookup.CandidateState.WAITING;
            boolean accepted;
            if (e.success()) {
                List<Contact> answer = answers.apply(e.peer());
                accepted = lookup.onSuccess(e.peer(), answer);
                if (accepted) {
                    answered.add(e.peer());
                    check(c.state() == Lookup.CandidateState.SUCCEEDED, "an accepted answer makes %s SUCCEEDED: %s",
                            ks.hex(e.peer().id()), label);
                    check(c.returned() == answer.size(), "returned() counts the answer: %s", label);
                }
            } else {
                accepted = lookup.onFailure(e.peer());
                if (accepted) {
                    check(c.state() == Lookup.CandidateState.FAILED, "failure makes %s FAILED: %s", ks.hex(e.peer().id()), label);
                }
            }
            check(accepted == expected, "%s from %s accepted=%s, expected %s: %s", e.success() ? "answer" : "failure",
                    ks.hex(e.peer().id()), accepted, expected, label);
            check(lookup.inFlight() == inFlight - (accepted && wasWaiting ? 1 : 0),
                    "only a waiting peer's answer frees a slot: %s", label);
            checkCandidates();
        }

        private void checkCandidates() {
            List<Lookup.Candidate> cs = lookup.candidates();
            int waiting = 0;
            for (int i = 0; i < cs.size(); i++) {
                Lookup.Candidate c = cs.get(i);
                check(!c.contact().id().equals(lookup.origin()), "the origin is never a candidate: %s", label);
                if (i > 0) {
                    check(NodeId.compareDistance(lookup.target(), cs.get(i - 1).contact().id(), c.contact().id()) < 0,
                            "candidates strictly sorted by distance, no duplicates (at %d): %s", i, label);
                }
                if (c.state() == Lookup.CandidateState.WAITING) {
                    waiting++;
                }
                check((c.state() == Lookup.CandidateState.NOT_CONTACTED) != queried.contains(c.contact().id()),
                        "%s is NOT_CONTACTED iff never queried: %s", ks.hex(c.contact().id()), label);
            }
            check(waiting == lookup.inFlight(), "inFlight() = %d equals the WAITING count %d: %s", lookup.inFlight(), waiting, label);
        }

        private void checkStep(Lookup.Step step) {
            int k = lookup.k();
            int alpha = lookup.alpha();
            boolean sliding = lookup.mode() == LookupMode.SLIDING;
            check(lookup.isFinished() == (step instanceof Lookup.Finished), "isFinished() matches the step %s: %s", step, label);
            if (step instanceof Lookup.Query q) {
                NodeId id = q.peer().id();
                check(queried.add(id), "peer %s is never queried twice: %s", ks.hex(id), label);
                check(!id.equals(lookup.origin()), "the origin is never queried: %s", label);
                Lookup.Candidate c = lookup.candidate(id);
                check(c != null && c.state() == Lookup.CandidateState.WAITING && c.sentAt() == now,
                        "a queried peer is WAITING since now: %s", label);
                if (sliding) {
                    check(lookup.isStalled() || lookup.inFlight() <= alpha,
                            "not stalled: a query leaves at most alpha=%d in flight, was %d: %s", alpha, lookup.inFlight(), label);
                } else {
                    check(c.round() >= lastRound, "rounds never go back: %s", label);
                    lastRound = c.round();
                    int inRound = 0;
                    for (Lookup.Candidate x : lookup.candidates()) {
                        if (x.state() == Lookup.CandidateState.WAITING) {
                            check(x.round() == c.round(), "round %d starts only when round %d is answered or timed out: %s",
                                    c.round(), x.round(), label);
                        }
                        if (x.sentAt() >= 0 && x.round() == c.round()) {
                            inRound++;
                        }
                    }
                    // the seed's rounds hold at most alpha; the paper's widen to the k closest after a round
                    // that found nothing closer
                    int roundCap = lookup.mode() == LookupMode.ROUNDS ? Math.max(k, alpha) : alpha;
                    check(inRound <= roundCap, "a round holds at most %d queries, round %d has %d: %s",
                            roundCap, c.round(), inRound, label);
                }
            }
            int cap = sliding || lookup.mode() == LookupMode.ROUNDS ? Math.max(k, alpha) : alpha;
            check(lookup.inFlight() <= cap, "at most %d in flight, was %d: %s", cap, lookup.inFlight(), label);
            check(lookup.maxInFlightSeen() <= cap, "at most %d ever in flight, was %d: %s", cap, lookup.maxInFlightSeen(), label);
            if (step instanceof Lookup.WaitingAtCapacity) {
                check(lookup.inFlight() >= lookup.inFlightLimit(), "WaitingAtCapacity only at the limit: %s", label);
            }
            if (step instanceof Lookup.Waiting) {
                check(lookup.inFlight() > 0, "Waiting only with answers outstanding: %s", label);
                if (sliding) {
                    check(lookup.candidates().stream().noneMatch(x -> x.state() == Lookup.CandidateState.NOT_CONTACTED),
                            "Waiting only with nobody left to ask: %s", label);
                }
            }
            if (!(step instanceof Lookup.Finished)) {
                for (Lookup.Candidate x : lookup.candidates()) {
                    check(x.state() != Lookup.CandidateState.WAITING || x.sentAt() + timeout > now,
                            "a waiting peer past its deadline becomes UNRESPONSIVE (%s sent %d, now %d): %s",
                            ks.hex(x.contact().id()), x.sentAt(), now, label);
                }
            }
            checkCandidates();
        }

        private void checkFinished() {
            int k = lookup.k();
            List<Contact> result = lookup.result();
            check(result.size() <= k, "at most k=%d results, got %d: %s", k, result.size(), label);
            Set<NodeId> answeredIds = new HashSet<>();
            for (Contact a : answered) {
                answeredIds.add(a.id());
            }
            for (int i = 0; i < result.size(); i++) {
                NodeId id = result.get(i).id();
                check(answeredIds.contains(id), "result holds only peers that answered, not %s: %s", ks.hex(id), label);
                check(!id.equals(lookup.origin()), "result never holds the origin: %s", label);
                if (i > 0) {
                    check(NodeId.compareDistance(lookup.target(), result.get(i - 1).id(), id) < 0,
                            "result sorted closest first, no duplicates: %s", label);
                }
            }
            List<Contact> expected = RoutingTableTest.bruteForceClosest(answered, lookup.target(), k);
            check(ids(result).equals(ids(expected)), "result = the k closest of those that answered: %s", label);

            List<Lookup.Candidate> cs = lookup.candidates();
            boolean nobodyLeft = cs.stream().noneMatch(x -> x.state() == Lookup.CandidateState.NOT_CONTACTED
                    || x.state() == Lookup.CandidateState.WAITING);
            if (lookup.mode() == LookupMode.SLIDING) {
                int live = 0;
                boolean kClosestAnswered = true;
                for (Lookup.Candidate x : cs) {
                    if (x.state() == Lookup.CandidateState.FAILED || x.state() == Lookup.CandidateState.UNRESPONSIVE) {
                        continue;
                    }
                    if (live++ == k) {
                        break;
                    }
                    kClosestAnswered &= x.state() == Lookup.CandidateState.SUCCEEDED;
                }
                check((kClosestAnswered && live >= k) || nobodyLeft,
                        "sliding ends when the k closest non-failed have answered or nobody is left: %s", label);
            } else {
                check(cs.stream().noneMatch(x -> x.state() == Lookup.CandidateState.WAITING),
                        "rounds end between batches: %s", label);
                int closer = 0;
                boolean ok = true;
                for (Lookup.Candidate x : cs) {
                    if (x.state() == Lookup.CandidateState.NOT_CONTACTED) {
                        ok = closer >= k;
                        break;
                    }
                    if (x.state() == Lookup.CandidateState.SUCCEEDED) {
                        closer++;
                    }
                }
                check(ok, "rounds end when nobody is left or k responders are closer than every unasked one: %s", label);
            }
            check(lookup.next(now + 10 * timeout) instanceof Lookup.Finished, "Finished stays finished: %s", label);
            for (NodeId id : queried) {
                Contact peer = lookup.candidate(id).contact();
                check(!lookup.onSuccess(peer, List.of()) && !lookup.onFailure(peer),
                        "nothing is accepted after the end: %s", label);
            }
        }
    }

    // =====================================================================================
    // Property 5: random worlds with successes, failures, timeouts and late answers
    // =====================================================================================

    @Test
    void propertyFiveRandomWorldsWithFailuresAndTimeouts() {
        Random r = new Random(5005);
        int runs = 0;
        int stalls = 0;
        for (int iter = 0; iter < 2_500; iter++) {
            int bits = new int[] {8, 16, 160}[iter % 3];
            KeySpace ks = new KeySpace(bits);
            int k = 1 + r.nextInt(iter % 2 == 0 ? 4 : 20);
            int alpha = 1 + r.nextInt(6);
            LookupMode mode = r.nextBoolean() ? LookupMode.SLIDING : LookupMode.ROUNDS;
            int worldSize = 1 + r.nextInt(bits == 8 ? 100 : 150);
            Set<NodeId> ids = new HashSet<>();
            NodeId originId = ks.randomId(r);
            ids.add(originId);
            List<Contact> world = new ArrayList<>();
            while (world.size() < worldSize) {
                NodeId id = ks.randomId(r);
                if (ids.add(id)) {
                    world.add(RoutingTableTest.contact(ks, id));
                }
            }
            Contact origin = RoutingTableTest.contact(ks, originId);
            NodeId target = r.nextInt(5) == 0 ? world.get(r.nextInt(worldSize)).id() : ks.randomId(r);
            // each peer knows a random part of the world
            Map<NodeId, List<Contact>> knows = new HashMap<>();
            for (Contact p : world) {
                List<Contact> known = new ArrayList<>();
                int n = r.nextInt(Math.min(worldSize, 40) + 1);
                for (int i = 0; i < n; i++) {
                    known.add(world.get(r.nextInt(worldSize)));
                }
                knows.put(p.id(), known);
            }
            double pFail = r.nextDouble() * 0.4;
            double pSilent = r.nextDouble() * 0.3;
            double pLate = r.nextDouble() * 0.2;
            Random rr = new Random(r.nextLong());
            Function<Contact, Outcome> outcomes = p -> {
                double x = rr.nextDouble();
                if (x < pFail) {
                    return Outcome.FAILURE;
                }
                if (x < pFail + pSilent) {
                    return Outcome.SILENT;
                }
                if (x < pFail + pSilent + pLate) {
                    return rr.nextInt(4) == 0 ? Outcome.LATE_FAILURE : Outcome.LATE_SUCCESS;
                }
                return Outcome.SUCCESS;
            };
            Function<Contact, List<Contact>> answers = p -> {
                List<Contact> out = new ArrayList<>(RoutingTableTest.bruteForceClosest(knows.get(p.id()), target, rr.nextInt(2 * k + 1)));
                // junk a real network may send: the origin, the peer itself, duplicates, strangers
                if (rr.nextInt(4) == 0) {
                    out.add(origin);
                }
                if (rr.nextInt(4) == 0) {
                    out.add(p);
                }
                if (!out.isEmpty() && rr.nextInt(4) == 0) {
                    out.add(out.get(rr.nextInt(out.size())));
                }
                if (rr.nextInt(4) == 0) {
                    out.add(world.get(rr.nextInt(worldSize)));
                }
                Collections.shuffle(out, rr);
                return out;
            };
            List<Contact> initial = new ArrayList<>();
            for (int i = r.nextInt(2 * k + 3); i > 0; i--) {
                initial.add(world.get(r.nextInt(worldSize)));
            }
            if (r.nextInt(5) == 0) {
                initial.add(origin);
            }
            Lookup lookup = new Lookup(iter, target, originId, initial, k, alpha, TIMEOUT, mode);
            String label = String.format("iter=%d B=%d mode=%s k=%d alpha=%d N=%d fail=%.2f silent=%.2f late=%.2f",
                    iter, bits, mode, k, alpha, worldSize, pFail, pSilent, pLate);
            Driver d = new Driver(ks, lookup, rr, TIMEOUT, worldSize, answers, outcomes, label);
            d.run();
            runs++;
            if (lookup.maxInFlightSeen() > alpha) {
                stalls++;
            }
        }
        assertThat(runs).isEqualTo(2_500);
        assertThat(stalls).as("the stalled window (more than alpha in flight) was exercised").isGreaterThan(50);
    }

    // =====================================================================================
    // Property 7: every initial peer fails
    // =====================================================================================

    @Test
    void propertySevenEveryInitialPeerFailingIsAskedOnceAndTheResultIsEmpty() {
        Random r = new Random(7007);
        for (int iter = 0; iter < 1_000; iter++) {
            int bits = new int[] {8, 16, 160}[iter % 3];
            KeySpace ks = new KeySpace(bits);
            int k = 1 + r.nextInt(20);
            int alpha = 1 + r.nextInt(5);
            LookupMode mode = iter % 2 == 0 ? LookupMode.SLIDING : LookupMode.ROUNDS;
            NodeId originId = ks.randomId(r);
            Set<NodeId> ids = new HashSet<>(Set.of(originId));
            List<Contact> initial = new ArrayList<>();
            int n = 1 + r.nextInt(Math.min(k, 30) + 5);
            while (initial.size() < n) {
                NodeId id = ks.randomId(r);
                if (ids.add(id)) {
                    initial.add(RoutingTableTest.contact(ks, id));
                }
            }
            NodeId target = ks.randomId(r);
            Random rr = new Random(r.nextLong());
            boolean timeoutsToo = r.nextBoolean();
            Function<Contact, Outcome> outcomes = p -> !timeoutsToo ? Outcome.FAILURE
                    : new Outcome[] {Outcome.FAILURE, Outcome.SILENT, Outcome.LATE_FAILURE}[rr.nextInt(3)];
            Lookup lookup = new Lookup(iter, target, originId, initial, k, alpha, TIMEOUT, mode);
            String label = String.format("iter=%d B=%d mode=%s k=%d alpha=%d n=%d", iter, bits, mode, k, alpha, n);
            Driver d = new Driver(ks, lookup, rr, TIMEOUT, n, p -> List.of(), outcomes, label);
            List<Contact> result = d.run();
            assertThat(result).as("property 7: empty result when every initial peer fails (%s)", label).isEmpty();
            assertThat(d.queried).as("property 7: each initial peer asked exactly once (%s)", label)
                    .containsExactlyInAnyOrderElementsOf(ids(initial));
            assertThat(lookup.queriesSent()).as(label).isEqualTo(n);
            assertThat(lookup.failures()).as(label).isEqualTo(n);
        }
    }

    // =====================================================================================
    // Property 6: exactness in an ideal world
    // =====================================================================================

    /** N nodes, each with a routing table filled from all the others (each bucket holds min(k, nodes in range)). */
    static final class IdealWorld {
        final KeySpace ks;
        final List<Contact> nodes = new ArrayList<>();
        final Map<NodeId, RoutingTable> tables = new HashMap<>();

        IdealWorld(int bits, int n, int k, Random r) {
            ks = new KeySpace(bits);
            Set<NodeId> ids = new HashSet<>();
            while (nodes.size() < n) {
                NodeId id = ks.randomId(r);
                if (ids.add(id)) {
                    nodes.add(RoutingTableTest.contact(ks, id));
                }
            }
            KadConfig config = ClassicConfig.builder().bits(bits).k(k).build();
            List<Contact> others = new ArrayList<>(nodes);
            for (Contact self : nodes) {
                RoutingTable t = new RoutingTable(self.id(), config, () -> 0L);
                Collections.shuffle(others, r);
                for (Contact o : others) {
                    t.update(o); // Pending (full bucket) is ignored: the bucket keeps its first k
                }
                tables.put(self.id(), t);
            }
        }

        /** Checks that every bucket of every table holds min(k, nodes in its range). */
        void checkFill(int k) {
            for (Contact self : nodes) {
                RoutingTable t = tables.get(self.id());
                int[] inRange = new int[ks.bits()];
                for (Contact o : nodes) {
                    if (!o.equals(self)) {
                        inRange[self.id().bucketIndex(o.id())]++;
                    }
                }
                for (int i = 0; i < ks.bits(); i++) {
                    KBucket b = t.bucket(i);
                    assertThat(b == null ? 0 : b.size()).as("bucket %d of %s holds min(k, %d)", i, ks.hex(self.id()), inRange[i])
                            .isEqualTo(Math.min(k, inRange[i]));
                }
            }
        }
    }

    private static final class Tally {
        int lookups;
        int exact;
    }

    /** Runs random lookups in an ideal world; returns how many found exactly the brute-force k closest. */
    private static Tally idealLookups(IdealWorld w, int k, int targets, Random r, boolean assertExact) {
        Tally tally = new Tally();
        for (int t = 0; t < targets; t++) {
            Contact origin = w.nodes.get(r.nextInt(w.nodes.size()));
            NodeId target = switch (r.nextInt(6)) {
                case 0 -> origin.id(); // a bootstrap lookup of one's own id
                case 1 -> w.nodes.get(r.nextInt(w.nodes.size())).id();
                default -> w.ks.randomId(r);
            };
            List<Contact> others = new ArrayList<>(w.nodes);
            others.remove(origin);
            List<NodeId> truth = ids(RoutingTableTest.bruteForceClosest(others, target, k));
            List<Contact> seeds = w.tables.get(origin.id()).closest(target, k);
            for (LookupMode mode : LookupMode.values()) {
                for (int alpha = 1; alpha <= 5; alpha++) {
                    Lookup lookup = new Lookup(t, target, origin.id(), seeds, k, alpha, TIMEOUT, mode);
                    Random rr = new Random(r.nextLong());
                    String label = String.format("ideal B=%d N=%d k=%d alpha=%d mode=%s", w.ks.bits(), w.nodes.size(), k, alpha, mode);
                    Driver d = new Driver(w.ks, lookup, rr, TIMEOUT, w.nodes.size(),
                            p -> w.tables.get(p.id()).closest(target, k), p -> Outcome.SUCCESS, label);
                    List<NodeId> got = ids(d.run());
                    check(got.size() == Math.min(k, others.size()), "every node answers: result has min(k, N-1) peers: %s", d.label);
                    tally.lookups++;
                    if (got.equals(truth)) {
                        tally.exact++;
                    } else if (assertExact) {
                        assertThat(got).as("property 6: exactly the brute-force %d closest of all but the origin: %s", k, d.label)
                                .isEqualTo(truth);
                    }
                }
            }
        }
        return tally;
    }

    @Test
    void propertySixLookupsInAnIdealWorldFindExactlyTheKClosest() {
        Random r = new Random(6006);
        int lookups = 0;
        for (int bits : new int[] {8, 16, 160}) {
            for (int n : new int[] {10, 50, 200}) {
                for (int k : new int[] {4, 8, 20}) {
                    IdealWorld w = new IdealWorld(bits, n, k, r);
                    if (n <= 50) {
                        w.checkFill(k);
                    }
                    lookups += idealLookups(w, k, n == 10 ? 10 : 25, r, true).lookups;
                }
            }
        }
        assertThat(lookups).isGreaterThan(5_000);
    }

    @Test
    void tinyKInAnIdealWorldIsMeasuredNotAsserted() {
        Random r = new Random(6116);
        StringBuilder report = new StringBuilder("exactness for k < 4 in ideal worlds (bits 8/16/160, N 10/50/200, alpha 1-5, both modes):");
        for (int k = 1; k <= 3; k++) {
            Tally all = new Tally();
            for (int bits : new int[] {8, 16, 160}) {
                for (int n : new int[] {10, 50, 200}) {
                    IdealWorld w = new IdealWorld(bits, n, k, r);
                    Tally t = idealLookups(w, k, 20, r, false);
                    all.lookups += t.lookups;
                    all.exact += t.exact;
                }
            }
            report.append(String.format("%n  k=%d: %d of %d exact (%.2f%%)", k, all.exact, all.lookups, 100.0 * all.exact / all.lookups));
            // the driver already asserted the order/size/responder rules for every one of these lookups
            assertThat(all.lookups).isEqualTo(3 * 3 * 20 * LookupMode.values().length * 5);
            assertThat(all.exact).as("k=%d: most lookups are still exact", k).isGreaterThan(all.lookups / 2);
        }
        System.out.println(report);
    }
}
