package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The paper's rules under failure, each stated by one test: stale contacts, late answers, progress
 * and widening, retries, replication to newcomers, and ping-before-evict at a sane rate.
 */
class FaultToleranceTest {
    private static final KeySpace KS8 = new KeySpace(8);
    private final long[] now = {0};
    private final KadClock clock = () -> now[0];

    private static Contact c(String binary) {
        return new Contact(KS8.parse(binary), "test:" + binary);
    }

    private static final Contact A = c("0b1000_0001");
    private static final Contact B = c("0b1000_0010");
    private static final Contact C = c("0b1000_0011");
    private static final Contact N = c("0b1111_0000");

    private RoutingTable fullBucket7(KadConfig.Builder config) {
        RoutingTable t = new RoutingTable(KS8.parse("0b0000_0000"), config.bits(8).k(3).build(), clock);
        for (Contact x : List.of(A, B, C)) {
            now[0] += 10;
            assertThat(t.update(x)).isInstanceOf(UpdateResult.Added.class);
        }
        return t;
    }

    @Test
    void byDefaultAContactIsStaleAfterFiveFailuresInARow() {
        assertThat(KadConfig.defaults().maxFailures()).isEqualTo(5);
        RoutingTable t = fullBucket7(KadConfig.builder().replacementCacheSize(2));
        for (int i = 1; i < 5; i++) {
            assertThat(t.recordFailure(B.id())).isEqualTo(new FailureOutcome.Stale(B, 7, i));
        }
        assertThat(t.bucket(7).contacts()).contains(B);
    }

    @Test
    void aStaleContactIsKeptFlaggedWhenTheReplacementCacheIsEmpty() {
        RoutingTable t = fullBucket7(KadConfig.builder().maxFailures(2).replacementCacheSize(2));
        t.recordFailure(B.id());
        assertThat(t.recordFailure(B.id())).as("at the limit, with nobody to take its place")
                .isEqualTo(new FailureOutcome.Stale(B, 7, 2));
        assertThat(t.bucket(7).contacts()).as("a node whose own link fails does not empty its buckets").containsExactly(A, B, C);
        assertThat(t.bucket(7).failures(1)).isEqualTo(2);
        now[0] += 10;
        t.update(B);
        assertThat(t.bucket(7).failures(t.bucket(7).contacts().indexOf(B))).as("an answer clears the flag").isZero();
    }

    @Test
    void aStaleContactIsReplacedAsSoonAsTheCacheHasACandidate() {
        RoutingTable t = fullBucket7(KadConfig.builder().maxFailures(2).replacementCacheSize(2).pingSkipWindowMs(60_000));
        now[0] += 10;
        assertThat(t.update(N)).as("the head answered moments ago: the newcomer is cached, nobody pinged")
                .isEqualTo(new UpdateResult.Cached(N, 7));
        assertThat(t.bucket(7).replacements()).containsExactly(N);
        t.recordFailure(B.id());
        assertThat(t.recordFailure(B.id())).isEqualTo(new FailureOutcome.Evicted(B, 7, N));
        assertThat(t.bucket(7).contacts()).containsExactly(A, C, N);
    }

    @Test
    void aHeadHeardWithinThePingSkipWindowIsNotPingedButAnOlderOneIs() {
        RoutingTable t = fullBucket7(KadConfig.builder().pingSkipWindowMs(1_000));
        now[0] += 500;
        assertThat(t.update(N)).isInstanceOf(UpdateResult.Cached.class);
        now[0] += 1_000;
        assertThat(t.update(c("0b1111_0001"))).as("the head was heard from more than a window ago")
                .isInstanceOf(UpdateResult.Pending.class);
        RoutingTable always = fullBucket7(KadConfig.builder().pingSkipWindowMs(0));
        assertThat(always.update(N)).as("window 0: always ping, as before").isInstanceOf(UpdateResult.Pending.class);
    }

    private static NodeId id8(int v) {
        return KS8.id(v);
    }

    private static Contact c8(int v) {
        return new Contact(id8(v), "test:" + v);
    }

    @Test
    void aLateAnswerStillCountsAfterThePeerTimeoutFreedItsSlot() {
        NodeId target = id8(0);
        Lookup l = new Lookup(1, target, id8(255), List.of(c8(1), c8(2)), 2, 1, 100, LookupMode.SLIDING);
        assertThat(l.next(0)).isEqualTo(new Lookup.Query(c8(1)));
        assertThat(l.next(100)).as("the peer timeout frees the slot for the next peer").isEqualTo(new Lookup.Query(c8(2)));
        assertThat(l.candidate(id8(1)).state()).isEqualTo(Lookup.CandidateState.UNRESPONSIVE);
        assertThat(l.onSuccess(c8(1), List.of())).as("removed from consideration until it responds, then taken").isTrue();
        assertThat(l.candidate(id8(1)).state()).isEqualTo(Lookup.CandidateState.SUCCEEDED);
        l.onSuccess(c8(2), List.of());
        assertThat(l.next(150)).isEqualTo(new Lookup.Finished());
        assertThat(l.result()).containsExactly(c8(1), c8(2));
    }

    @Test
    void anAnswerMakesProgressOnlyWithANewClosestPeerOnceKAreKnown() {
        // k = 2, alpha = 1: peers 64 and 32 known; an answer bringing 48 (not closer than 32) is no progress
        NodeId target = id8(0);
        Lookup l = new Lookup(1, target, id8(255), List.of(c8(64), c8(32)), 2, 1, 1_000, LookupMode.SLIDING);
        assertThat(l.next(0)).isEqualTo(new Lookup.Query(c8(32)));
        l.onSuccess(c8(32), List.of(c8(48)));
        assertThat(l.isStalled()).as("48 is closer than the k-th (64) but not than the closest (32): no progress")
                .isTrue();
        assertThat(l.inFlightLimit()).as("stalled: up to max(k, alpha) in flight").isEqualTo(2);
        assertThat(l.next(1)).isEqualTo(new Lookup.Query(c8(48)));
        l.onSuccess(c8(48), List.of(c8(8)));
        assertThat(l.isStalled()).as("8 is a new closest: progress").isFalse();
    }

    @Test
    void aPaperRoundWithNothingCloserWidensToTheKClosestNotYetAsked() {
        NodeId target = id8(0);
        List<Contact> peers = new ArrayList<>();
        for (int v : new int[] {16, 32, 48, 64, 80}) {
            peers.add(c8(v));
        }
        Lookup l = new Lookup(1, target, id8(255), peers, 4, 1, 1_000, LookupMode.ROUNDS);
        assertThat(l.next(0)).isEqualTo(new Lookup.Query(c8(16)));
        assertThat(l.next(0)).as("round 1 holds alpha = 1 query").isEqualTo(new Lookup.Waiting());
        l.onSuccess(c8(16), List.of(c8(96)));
        Set<Contact> round2 = new HashSet<>();
        Lookup.Step s;
        while ((s = l.next(1)) instanceof Lookup.Query q) {
            round2.add(q.peer());
        }
        assertThat(l.widenedRounds()).as("round 1 brought nothing closer than 16").isEqualTo(1);
        assertThat(round2).as("round 2 asks all of the k = 4 closest not yet asked").containsExactlyInAnyOrder(c8(32), c8(48), c8(64));
    }

    @Test
    void theSeedsRoundsNeverWiden() {
        NodeId target = id8(0);
        Lookup l = new Lookup(1, target, id8(255), List.of(c8(16), c8(32), c8(48), c8(64)), 4, 1, 1_000,
                LookupMode.SEED_ROUNDS);
        assertThat(l.next(0)).isEqualTo(new Lookup.Query(c8(16)));
        l.onSuccess(c8(16), List.of());
        assertThat(l.next(1)).isEqualTo(new Lookup.Query(c8(32)));
        assertThat(l.next(1)).as("still one query per round").isEqualTo(new Lookup.Waiting());
        assertThat(l.widenedRounds()).isZero();
    }

    @Test
    void aRetryTurnsOneLostReplyIntoAnAnswer() {
        KadConfig cfg = KadConfig.builder().bits(8).k(2).alpha(1).rpcRetries(1).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        net.wakeUps = true; // the lookup asks the silent peer again at its peer timeout
        RecordingObserver seen = new RecordingObserver();
        KadNode origin = net.add(net.id("0b0000_0000"), seen);
        KadNode peer = net.add(net.id("0b1000_0000"));
        net.await(net.deliver(peer, origin, new KadRequest.Ping(1)));
        net.loseNext(peer.id(), 1);
        LookupResult r = net.await(origin.findNode(net.id("0b1000_0001")));
        assertThat(net.sent(origin.id(), peer.id(), KadRequest.FindNode.class)).as("sent, lost, sent again").hasSize(2);
        assertThat(net.sent(origin.id(), peer.id(), KadRequest.FindNode.class).get(1).at())
                .as("asked again at the peer timeout, not the RPC timeout").isEqualTo(cfg.peerTimeoutMs() + 2);
        assertThat(r.closest()).as("the retried request answered").containsExactly(peer.self());
        assertThat(r.failures()).as("the lookup saw no failure").isZero();
        assertThat(seen.contactFailures).as("the lost request, timing out after the peer answered the retry, is no failure")
                .isEmpty();
    }

    @Test
    void withoutRetriesOneLostReplyIsAFailure() {
        KadConfig cfg = KadConfig.builder().bits(8).k(2).alpha(1).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        RecordingObserver seen = new RecordingObserver();
        KadNode origin = net.add(net.id("0b0000_0000"), seen);
        KadNode peer = net.add(net.id("0b1000_0000"));
        net.await(net.deliver(peer, origin, new KadRequest.Ping(1)));
        net.loseNext(peer.id(), 1);
        LookupResult r = net.await(origin.findNode(net.id("0b1000_0001")));
        assertThat(r.closest()).isEmpty();
        assertThat(seen.contactFailures).hasSize(1);
    }

    @Test
    void aNewcomerReceivesTheRecordsItIsAmongTheKClosestFor() {
        KadConfig cfg = KadConfig.builder().bits(8).k(2).alpha(1).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode holder = net.add(net.id("0b1000_0000"));
        NodeId key = net.id("0b0000_0011");
        holder.recordStore().put(key, "v", net.now, 3_600_000, Long.MAX_VALUE);
        KadNode newcomer = net.add(net.id("0b0000_0001"));
        net.await(net.deliver(newcomer, holder, new KadRequest.Ping(1)));
        net.runUntilIdle();
        assertThat(newcomer.recordStore().get(key, net.now)).as("the newcomer, closer to the key, got the record").isNotNull();

        KadConfig off = cfg.toBuilder().replicateOnJoin(false).build();
        TestNetwork quiet = new TestNetwork(off, 1);
        KadNode h2 = quiet.add(quiet.id("0b1000_0000"));
        h2.recordStore().put(key, "v", quiet.now, 3_600_000, Long.MAX_VALUE);
        KadNode n2 = quiet.add(quiet.id("0b0000_0001"));
        quiet.await(quiet.deliver(n2, h2, new KadRequest.Ping(1)));
        quiet.runUntilIdle();
        assertThat(n2.recordStore().get(key, quiet.now)).as("replicate_on_join off").isNull();
    }

    @Test
    void aJoinNobodyAnsweredIsTriedAgainWaitingTwiceAsLongEachTime() {
        KadConfig cfg = KadConfig.builder().bits(8).k(2).alpha(1).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode seed = net.add(net.id("0b1000_0000"));
        KadNode x = net.add(net.id("0b0000_0010"));
        KadNode y = net.add(net.id("0b0000_0011"));
        net.await(x.bootstrap(List.of(seed.self())));
        net.await(y.bootstrap(List.of(seed.self())));
        KadNode newcomer = net.add(net.id("0b0000_0001"));
        long base = newcomer.rejoinIntervalMs();

        net.loseNext(seed.id(), 2);
        net.await(newcomer.bootstrap(List.of(seed.self())));
        assertThat(newcomer.joined()).as("the seed's answer was lost").isFalse();
        assertThat(newcomer.routingTable().contacts()).as("the seed is kept, not yet stale").containsExactly(seed.self());
        assertThat(newcomer.rejoinIntervalMs()).as("the next try waits twice as long").isEqualTo(2 * base);
        assertThat(newcomer.nextMaintenance()).as("a join is due again, before any refresh")
                .isGreaterThan(net.now).isLessThanOrEqualTo(net.now + 2 * base);

        net.runUntil(newcomer.nextMaintenance());
        newcomer.maintain();
        net.runUntilIdle();
        assertThat(newcomer.joined()).as("the second try was lost too").isFalse();
        assertThat(newcomer.rejoinIntervalMs()).as("the wait doubles after each unanswered join").isEqualTo(4 * base);

        net.runUntil(newcomer.nextMaintenance());
        newcomer.maintain();
        net.runUntilIdle();
        assertThat(newcomer.joined()).isTrue();
        assertThat(newcomer.routingTable().contacts()).as("the answered join found the neighbourhood")
                .contains(x.self(), y.self());
        assertThat(newcomer.rejoinIntervalMs()).isEqualTo(base);
    }

    @Test
    void aNodeThatKnowsOnlyTheFarHalfLearnsItsNeighboursAtTheNextRefresh() {
        KadConfig cfg = KadConfig.builder().bits(8).k(2).alpha(1).refreshIntervalMs(10_000).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode seed = net.add(net.id("0b1000_0000"));
        List<KadNode> others = new ArrayList<>();
        for (String id : List.of("0b1100_0000", "0b1010_0000", "0b0000_0010", "0b0000_0011")) {
            KadNode o = net.add(net.id(id));
            net.await(o.bootstrap(List.of(seed.self())));
            others.add(o);
        }
        long born = net.now;
        KadNode loner = net.add(net.id("0b0000_0001"));
        net.await(net.deliver(seed, loner, new KadRequest.Ping(1))); // it hears of the seed only
        assertThat(loner.routingTable().contacts()).containsExactly(seed.self());

        net.runUntil(loner.nextMaintenance());
        assertThat(net.now).as("the own range is due with the far bucket, one refresh interval on").isEqualTo(born + 10_000);
        loner.maintain();
        net.runUntilIdle();
        assertThat(loner.routingTable().contacts()).as("the lookup into the own id's range found the neighbours")
                .contains(others.get(2).self(), others.get(3).self());
        assertThat(loner.ownRangeRefreshed()).isEqualTo(born + 10_000);
    }

    /** Three nodes in {@code x}'s bucket 7 (ids 1000_0001..1000_0011), each having pinged {@code x}. */
    private static List<KadNode> farContactsOf(TestNetwork net, KadNode x) {
        List<KadNode> far = new ArrayList<>();
        for (String id : List.of("0b1000_0001", "0b1000_0010", "0b1000_0011")) {
            KadNode f = net.add(net.id(id));
            net.await(net.deliver(f, x, new KadRequest.Ping(1)));
            far.add(f);
        }
        return far;
    }

    @Test
    void aContactWhoseLastRpcFailedIsNotRecommendedUntilItAnswersAgain() {
        for (boolean share : new boolean[] {false, true}) {
            KadConfig cfg = KadConfig.builder().bits(8).k(3).alpha(3).shareFailing(share).build();
            TestNetwork net = new TestNetwork(cfg, 1);
            KadNode x = net.add(net.id("0b0000_0000"));
            List<KadNode> far = farContactsOf(net, x);
            KadNode asker = net.add(net.id("0b0100_0000"));
            KadNode b = far.get(1);
            net.kill(b.id());
            net.await(x.findNode(net.id("0b1000_0000")));
            assertThat(x.routingTable().bucket(7).failures(x.routingTable().bucket(7).contacts().indexOf(b.self())))
                    .as("the lookup's request to the dead contact failed").isEqualTo(1);

            KadResponse answer = x.handleRequest(asker.self(), new KadRequest.FindNode(9, net.id("0b1000_0000")));
            List<Contact> given = ((KadResponse.Nodes) answer).closest();
            if (share) {
                assertThat(given).as("share_failing: the seed crate's answer").contains(b.self());
            } else {
                assertThat(given).as("a flagged contact is kept but not handed out").doesNotContain(b.self())
                        .contains(far.get(0).self(), far.get(2).self());
                assertThat(x.routingTable().contacts()).contains(b.self());
            }
            net.revive(b.id());
            net.await(net.deliver(b, x, new KadRequest.Ping(2)));
            given = ((KadResponse.Nodes) x.handleRequest(asker.self(), new KadRequest.FindNode(10, net.id("0b1000_0000")))).closest();
            assertThat(given).as("share_failing %s: heard from again, it is recommended again", share).contains(b.self());
        }
    }

    @Test
    void anUnresponsiveContactIsLeftAloneForABackoffThatDoublesPerFailure() {
        KadConfig cfg = KadConfig.builder().bits(8).k(3).alpha(3).failureBackoffMs(5_000).build();
        TestNetwork net = new TestNetwork(cfg, 1);
        KadNode x = net.add(net.id("0b0000_0000"));
        List<KadNode> far = farContactsOf(net, x);
        KadNode b = far.get(1);
        net.kill(b.id());
        NodeId target = net.id("0b1000_0000");
        int[] asked = {0};
        Runnable lookup = () -> {
            net.await(x.findNode(target));
            asked[0] = net.sent(x.id(), b.id(), KadRequest.FindNode.class).size();
        };
        lookup.run();
        assertThat(asked[0]).as("first lookup asks it and it fails").isEqualTo(1);
        long firstFailure = net.now;
        assertThat(x.routingTable().backoffUntil(b.id())).isEqualTo(firstFailure + 5_000);
        assertThat(x.routingTable().hasFailing()).isTrue();
        assertThat(x.routingTable().bucket(7).failingCount()).as("one failing contact, counted once").isEqualTo(1);

        net.runUntil(firstFailure + 4_000);
        lookup.run();
        assertThat(asked[0]).as("within the backoff it is not asked").isEqualTo(1);

        net.runUntil(firstFailure + 5_000);
        lookup.run();
        assertThat(asked[0]).as("after the backoff it is asked again").isEqualTo(2);
        long secondFailure = net.now;
        assertThat(x.routingTable().backoffUntil(b.id())).as("two failures in a row: twice as long")
                .isEqualTo(secondFailure + 10_000);
        net.runUntil(secondFailure + 9_000);
        lookup.run();
        assertThat(asked[0]).isEqualTo(2);

        assertThat(cfg.backoffMs(30)).as("bounded").isEqualTo(5_000L * KadConfig.MAX_BACKOFF_FACTOR);
        assertThat(cfg.toBuilder().failureBackoffMs(0).build().backoffMs(3)).as("0 turns it off").isZero();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> cfg.toBuilder().failureBackoffMs(-1).build()).withMessageContaining("failure_backoff_ms");

        net.revive(b.id());
        net.await(net.deliver(b, x, new KadRequest.Ping(2)));
        assertThat(x.routingTable().backoffUntil(b.id())).as("an answer ends the backoff").isEqualTo(Long.MIN_VALUE);
        assertThat(x.routingTable().hasFailing()).as("and the count of failing contacts").isFalse();
    }
}
