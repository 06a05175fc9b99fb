package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The routing table: update / ping-before-evict / failures / closest, with the 8-bit ids spelled in
 * binary, plus seeded property loops for properties 3 and 4 and the bucket invariants.
 */
class RoutingTableTest {
    private static final KeySpace KS8 = new KeySpace(8);
    private final long[] now = {1_000};
    private final KadClock clock = () -> now[0];

    private static Contact c(String binary) {
        return new Contact(KS8.parse(binary), "test:" + binary);
    }

    static Contact contact(KeySpace ks, NodeId id) {
        return new Contact(id, "test:" + ks.hex(id));
    }

    private RoutingTable table8(int k, int maxFailures, int cache) {
        KadConfig config = ClassicConfig.builder().bits(8).k(k).maxFailures(maxFailures).replacementCacheSize(cache).build();
        return new RoutingTable(KS8.parse("0b0000_0000"), config, clock);
    }

    private static List<NodeId> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    // bucket 7 of self 0b0000_0000: every id starting with 1
    private static final Contact A = c("0b1000_0001");
    private static final Contact B = c("0b1000_0010");
    private static final Contact C = c("0b1000_0011");
    private static final Contact N = c("0b1111_0000"); // newcomer
    private static final Contact M = c("0b1111_0001"); // second newcomer
    private static final Contact P = c("0b1111_0010"); // third newcomer

    private RoutingTable fullBucket7(int maxFailures, int cache) {
        RoutingTable t = table8(3, maxFailures, cache);
        for (Contact x : List.of(A, B, C)) {
            now[0] += 10;
            assertThat(t.update(x)).isInstanceOf(UpdateResult.Added.class);
        }
        return t;
    }

    // ---- update ----

    @Test
    void updateIgnoresSelf() {
        RoutingTable t = table8(3, 1, 2);
        Contact self = c("0b0000_0000");
        assertThat(t.update(self)).isEqualTo(new UpdateResult.Ignored(self));
        assertThat(t.size()).isZero();
        assertThat(t.contains(self.id())).isFalse();
        assertThat(t.bucketIndexOf(self.id())).isEqualTo(-1);
    }

    @Test
    void updateAddsWithRoomIntoTheRightBucketAtTheTail() {
        RoutingTable t = table8(3, 1, 2);
        assertThat(t.update(c("0b0000_0001"))).isEqualTo(new UpdateResult.Added(c("0b0000_0001"), 0));
        assertThat(t.update(c("0b0000_0011"))).isEqualTo(new UpdateResult.Added(c("0b0000_0011"), 1));
        assertThat(t.update(c("0b0000_0010"))).isEqualTo(new UpdateResult.Added(c("0b0000_0010"), 1));
        assertThat(t.update(A)).isEqualTo(new UpdateResult.Added(A, 7));
        assertThat(t.size()).isEqualTo(4);
        assertThat(ids(t.bucket(1).contacts())).containsExactly(KS8.parse("0b0000_0011"), KS8.parse("0b0000_0010"));
        assertThat(t.bucket(5)).as("an unused bucket is not allocated").isNull();
        assertThat(t.lowestNonEmptyIndex()).isZero();
        assertThat(t.nonEmptyBuckets()).extracting(KBucket::index).containsExactly(0, 1, 7);
        assertThat(t.bucketCount()).isEqualTo(8);
        assertThat(t.contains(A.id())).isTrue();
    }

    @Test
    void updateOfAKnownContactMovesItToTheTailAndRefreshesLastSeen() {
        RoutingTable t = fullBucket7(1, 2);
        now[0] = 5_000;
        assertThat(t.update(A)).isEqualTo(new UpdateResult.Updated(A, 7));
        KBucket b = t.bucket(7);
        assertThat(b.contacts()).as("LRU order: head = least recently seen").containsExactly(B, C, A);
        assertThat(b.lastSeen(2)).isEqualTo(5_000);
        assertThat(b.lastSeen(0)).isEqualTo(1_020);
        assertThat(t.size()).isEqualTo(3);
        now[0] = 6_000;
        assertThat(t.update(C)).isInstanceOf(UpdateResult.Updated.class);
        assertThat(b.contacts()).containsExactly(B, A, C);
        assertThat(t.update(C)).isInstanceOf(UpdateResult.Updated.class);
        assertThat(b.contacts()).as("updating the tail keeps the order").containsExactly(B, A, C);
    }

    @Test
    void updateOfAFullBucketIsPendingOnTheHeadAndChangesNothing() {
        RoutingTable t = fullBucket7(1, 2);
        KBucket b = t.bucket(7);
        List<Contact> before = b.contacts();
        long[] seenBefore = {b.lastSeen(0), b.lastSeen(1), b.lastSeen(2)};
        now[0] = 9_000;
        UpdateResult r = t.update(N);
        assertThat(r).isEqualTo(new UpdateResult.Pending(A, N, 7));
        assertThat(r.contact()).isEqualTo(N);
        assertThat(b.contacts()).isEqualTo(before);
        assertThat(new long[] {b.lastSeen(0), b.lastSeen(1), b.lastSeen(2)}).isEqualTo(seenBefore);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.contains(N.id())).isFalse();
        assertThat(b.replacements()).isEmpty();
        assertThat(b.pendingPing()).as("update alone starts no ping").isNull();
        // another bucket still has room
        assertThat(t.update(c("0b0100_0000"))).isInstanceOf(UpdateResult.Added.class);
    }

    // ---- ping before evict ----

    @Test
    void beginPingRefusesASecondConcurrentPingAndCachesTheNewcomer() {
        RoutingTable t = fullBucket7(1, 2);
        UpdateResult.Pending first = (UpdateResult.Pending) t.update(N);
        assertThat(t.beginPing(first)).isTrue();
        KBucket b = t.bucket(7);
        assertThat(b.pendingPing()).isEqualTo(A);
        assertThat(b.pendingCandidate()).isEqualTo(N);
        UpdateResult.Pending second = (UpdateResult.Pending) t.update(M);
        assertThat(second.toPing()).isEqualTo(A);
        assertThat(t.beginPing(second)).as("a second ping for the same bucket is refused").isFalse();
        assertThat(b.replacements()).containsExactly(M);
        assertThat(b.pendingPing()).isEqualTo(A);
        assertThat(b.pendingCandidate()).isEqualTo(N);
        assertThat(b.contacts()).containsExactly(A, B, C);
        // the replacement cache is bounded (2 here): oldest dropped first, duplicates not repeated
        assertThat(t.beginPing((UpdateResult.Pending) t.update(P))).isFalse();
        assertThat(t.beginPing((UpdateResult.Pending) t.update(M))).isFalse();
        assertThat(b.replacements()).containsExactly(P, M);
        Contact q = c("0b1111_0011");
        assertThat(t.beginPing((UpdateResult.Pending) t.update(q))).isFalse();
        assertThat(b.replacements()).containsExactly(M, q);
    }

    @Test
    void pingAliveKeepsTheOldContactAtTheTailAndCachesTheNewcomer() {
        RoutingTable t = fullBucket7(1, 2);
        UpdateResult.Pending p = (UpdateResult.Pending) t.update(N);
        assertThat(t.beginPing(p)).isTrue();
        now[0] = 7_000;
        PingOutcome o = t.applyPingResult(p.toPing(), true, p.candidate());
        assertThat(o).isEqualTo(new PingOutcome(7, A, true, N, false));
        KBucket b = t.bucket(7);
        assertThat(b.contacts()).containsExactly(B, C, A);
        assertThat(b.lastSeen(2)).isEqualTo(7_000);
        assertThat(t.contains(N.id())).isFalse();
        assertThat(b.replacements()).containsExactly(N);
        assertThat(b.size()).isEqualTo(3);
        assertThat(t.size()).isEqualTo(3);
        assertThat(b.pendingPing()).isNull();
        assertThat(b.pendingCandidate()).isNull();
        // the bucket can start a new ping now
        assertThat(t.beginPing((UpdateResult.Pending) t.update(M))).isTrue();
    }

    @Test
    void pingDeadEvictsTheOldContactAndAppendsTheNewcomer() {
        RoutingTable t = fullBucket7(1, 2);
        UpdateResult.Pending p = (UpdateResult.Pending) t.update(N);
        assertThat(t.beginPing(p)).isTrue();
        now[0] = 8_000;
        PingOutcome o = t.applyPingResult(p.toPing(), false, p.candidate());
        assertThat(o).isEqualTo(new PingOutcome(7, A, false, N, true));
        KBucket b = t.bucket(7);
        assertThat(b.contacts()).containsExactly(B, C, N);
        assertThat(b.lastSeen(2)).isEqualTo(8_000);
        assertThat(t.contains(A.id())).isFalse();
        assertThat(t.size()).isEqualTo(3);
        assertThat(b.pendingPing()).isNull();
        assertThat(b.replacements()).isEmpty();
    }

    @Test
    void propertyFourFullBucketPlusNewcomerSeeded() {
        Random r = new Random(404);
        for (int iter = 0; iter < 1_500; iter++) {
            int bits = new int[] {8, 16, 32, 160}[r.nextInt(4)];
            KeySpace ks = new KeySpace(bits);
            int k = 1 + r.nextInt(bits == 8 ? 8 : 20);
            int cache = r.nextInt(4);
            KadConfig config = ClassicConfig.builder().bits(bits).k(k).replacementCacheSize(cache).build();
            NodeId self = ks.randomId(r);
            RoutingTable t = new RoutingTable(self, config, clock);
            // a bucket with room for k + 1 distinct ids: bucket i holds 2^i ids, k <= 20
            int index = 5 + r.nextInt(bits - 5);
            Set<NodeId> used = new HashSet<>();
            List<Contact> members = new ArrayList<>();
            while (members.size() < k) {
                NodeId id = ks.randomIdInBucket(self, index, r);
                if (used.add(id)) {
                    members.add(contact(ks, id));
                    now[0]++;
                    assertThat(t.update(members.get(members.size() - 1))).isInstanceOf(UpdateResult.Added.class);
                }
            }
            // shuffle the LRU order with touches; model: touched one moves to the tail
            List<Contact> order = new ArrayList<>(members);
            for (int n = r.nextInt(2 * k); n > 0; n--) {
                Contact x = order.get(r.nextInt(order.size()));
                now[0]++;
                assertThat(t.update(x)).isInstanceOf(UpdateResult.Updated.class);
                order.remove(x);
                order.add(x);
            }
            NodeId newId;
            do {
                newId = ks.randomIdInBucket(self, index, r);
            } while (!used.add(newId));
            Contact newcomer = contact(ks, newId);
            UpdateResult u = t.update(newcomer);
            String input = "B=" + bits + " k=" + k + " self=" + ks.hex(self) + " bucket=" + index + " newcomer=" + ks.hex(newId);
            assertThat(u).as("full bucket -> Pending(head) for %s", input)
                    .isEqualTo(new UpdateResult.Pending(order.get(0), newcomer, index));
            assertThat(t.bucket(index).contacts()).as("Pending leaves the bucket unchanged for %s", input).isEqualTo(order);
            UpdateResult.Pending p = (UpdateResult.Pending) u;
            assertThat(t.beginPing(p)).isTrue();
            boolean alive = r.nextBoolean();
            now[0]++;
            PingOutcome o = t.applyPingResult(p.toPing(), alive, p.candidate());
            List<Contact> after = t.bucket(index).contacts();
            assertThat(after).as("size stays k for %s alive=%s", input, alive).hasSize(k);
            assertThat(t.size()).isEqualTo(k);
            if (alive) {
                assertThat(after.get(k - 1)).as("alive: LRU moves to the tail for %s", input).isEqualTo(order.get(0));
                assertThat(after).as("alive: newcomer absent for %s", input).doesNotContain(newcomer);
                assertThat(after).containsExactlyElementsOf(concat(order.subList(1, k), order.get(0)));
                assertThat(t.bucket(index).replacements()).as("alive: newcomer cached iff the cache has room (%d)", cache)
                        .isEqualTo(cache > 0 ? List.of(newcomer) : List.of());
                assertThat(o.candidateAdded()).isFalse();
            } else {
                assertThat(after).as("dead: LRU gone for %s", input).doesNotContain(order.get(0));
                assertThat(after.get(k - 1)).as("dead: newcomer at the tail for %s", input).isEqualTo(newcomer);
                assertThat(after).containsExactlyElementsOf(concat(order.subList(1, k), newcomer));
                assertThat(o.candidateAdded()).isTrue();
            }
            assertInvariants(t, ks);
        }
    }

    private static List<Contact> concat(List<Contact> head, Contact last) {
        List<Contact> out = new ArrayList<>(head);
        out.add(last);
        return out;
    }

    // ---- failures ----

    @Test
    void oneFailureEvictsWithMaxFailuresOneAndPromotesTheNewestReplacement() {
        RoutingTable t = fullBucket7(1, 3);
        // cache N then M: the ping of A is refused twice... first start one ping so later ones are cached
        assertThat(t.beginPing((UpdateResult.Pending) t.update(P))).isTrue();
        assertThat(t.beginPing((UpdateResult.Pending) t.update(N))).isFalse();
        assertThat(t.beginPing((UpdateResult.Pending) t.update(M))).isFalse();
        KBucket b = t.bucket(7);
        assertThat(b.replacements()).containsExactly(N, M);
        now[0] = 12_345;
        FailureOutcome f = t.recordFailure(B.id());
        assertThat(f).isEqualTo(new FailureOutcome.Evicted(B, 7, M));
        assertThat(b.contacts()).containsExactly(A, C, M);
        assertThat(b.lastSeen(2)).isEqualTo(12_345);
        assertThat(b.replacements()).containsExactly(N);
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.recordFailure(C.id())).isEqualTo(new FailureOutcome.Evicted(C, 7, N));
        assertThat(t.recordFailure(A.id())).as("A was being pinged with P waiting: P takes its place")
                .isEqualTo(new FailureOutcome.Evicted(A, 7, P));
        assertThat(b.contacts()).containsExactly(M, N, P);
        assertThat(b.pendingPing()).as("the ping of an evicted contact is moot").isNull();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.recordFailure(M.id())).as("empty cache, no ping: nobody promoted")
                .isEqualTo(new FailureOutcome.Evicted(M, 7, null));
    }

    @Test
    void failureEvictionOfThePingedContactLetsTheNewcomerWaitingOnThatPingIn() {
        RoutingTable t = fullBucket7(1, 3);
        UpdateResult.Pending p = (UpdateResult.Pending) t.update(N);
        assertThat(p.toPing()).isEqualTo(A);
        assertThat(t.beginPing(p)).isTrue();
        assertThat(t.beginPing((UpdateResult.Pending) t.update(M))).as("M arrives later and waits in the cache").isFalse();
        KBucket b = t.bucket(7);
        assertThat(b.replacements()).containsExactly(M);
        assertThat(t.recordFailure(A.id())).as("another RPC to A fails before the ping's answer")
                .isEqualTo(new FailureOutcome.Evicted(A, 7, N));
        assertThat(b.contacts()).as("N, who waited on the ping of A, has A's place").containsExactly(B, C, N);
        assertThat(b.replacements()).containsExactly(M);
        assertThat(b.pendingPing()).isNull();
        assertThat(b.pendingCandidate()).isNull();
        assertThat(t.applyPingResult(A, false, N).candidateAdded()).as("the late ping timeout changes nothing").isFalse();
        assertThat(b.contacts()).containsExactly(B, C, N);
    }

    @Test
    void maxFailuresThreeMarksStaleTwiceThenEvicts() {
        RoutingTable t = fullBucket7(3, 2);
        KBucket b = t.bucket(7);
        assertThat(t.recordFailure(B.id())).isEqualTo(new FailureOutcome.Stale(B, 7, 1));
        assertThat(b.failures(1)).isEqualTo(1);
        assertThat(b.contacts()).as("a stale contact keeps its place").containsExactly(A, B, C);
        assertThat(t.recordFailure(B.id())).isEqualTo(new FailureOutcome.Stale(B, 7, 2));
        assertThat(b.failures(1)).isEqualTo(2);
        assertThat(t.recordFailure(B.id())).isEqualTo(new FailureOutcome.Evicted(B, 7, null));
        assertThat(b.contacts()).containsExactly(A, C);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.contains(B.id())).isFalse();
    }

    @Test
    void anUpdateAfterAFailureClearsTheFailureCount() {
        RoutingTable t = fullBucket7(3, 2);
        KBucket b = t.bucket(7);
        assertThat(t.recordFailure(A.id())).isEqualTo(new FailureOutcome.Stale(A, 7, 1));
        assertThat(t.recordFailure(A.id())).isEqualTo(new FailureOutcome.Stale(A, 7, 2));
        assertThat(t.update(A)).isInstanceOf(UpdateResult.Updated.class);
        assertThat(b.failures(2)).isZero();
        assertThat(t.recordFailure(A.id())).as("the count starts again from zero").isEqualTo(new FailureOutcome.Stale(A, 7, 1));
        assertThat(t.recordFailure(A.id())).isEqualTo(new FailureOutcome.Stale(A, 7, 2));
        assertThat(t.recordFailure(A.id())).isInstanceOf(FailureOutcome.Evicted.class);
    }

    @Test
    void aFailureLimitAboveAHundredTwentySevenIsStillReached() {
        RoutingTable t = fullBucket7(200, 2);
        for (int i = 1; i < 200; i++) {
            assertThat(t.recordFailure(A.id())).as("failure %d of 200", i).isEqualTo(new FailureOutcome.Stale(A, 7, i));
        }
        assertThat(t.recordFailure(A.id())).as("failure 200 of 200 evicts").isEqualTo(new FailureOutcome.Evicted(A, 7, null));
    }

    @Test
    void failureOfAnUnknownContactChangesNothingButDropsItFromTheCache() {
        RoutingTable t = fullBucket7(1, 2);
        assertThat(t.beginPing((UpdateResult.Pending) t.update(N))).isTrue();
        assertThat(t.beginPing((UpdateResult.Pending) t.update(M))).isFalse();
        assertThat(t.recordFailure(M.id())).isEqualTo(new FailureOutcome.Unknown(M.id()));
        assertThat(t.bucket(7).replacements()).as("a failed replacement is not promoted later").isEmpty();
        assertThat(t.recordFailure(c("0b0000_0001").id())).isEqualTo(new FailureOutcome.Unknown(c("0b0000_0001").id()));
        assertThat(t.recordFailure(KS8.parse("0b0000_0000"))).as("self").isInstanceOf(FailureOutcome.Unknown.class);
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void removeDeletesOnlyThatContact() {
        RoutingTable t = fullBucket7(1, 2);
        assertThat(t.remove(B.id())).isTrue();
        assertThat(t.bucket(7).contacts()).containsExactly(A, C);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.remove(B.id())).isFalse();
        assertThat(t.remove(c("0b0000_0001").id())).isFalse();
        assertThat(t.remove(KS8.parse("0b0000_0000"))).isFalse();
        assertThat(t.update(N)).as("a removal makes room").isInstanceOf(UpdateResult.Added.class);
    }

    // ---- refresh times ----

    @Test
    void lastRefreshedAndMarkRefreshedUseTheInjectedClock() {
        now[0] = 42;
        RoutingTable t = table8(3, 1, 2);
        now[0] = 500;
        assertThat(t.lastRefreshed(3)).as("never refreshed: the table's birth").isEqualTo(42);
        t.update(A);
        assertThat(t.lastRefreshed(7)).as("a new bucket starts at the table's birth").isEqualTo(42);
        now[0] = 9_999;
        t.markRefreshed(3);
        assertThat(t.lastRefreshed(3)).isEqualTo(9_999);
        assertThat(t.bucket(3).lastRefreshed()).isEqualTo(9_999);
        assertThat(t.lastRefreshed(7)).isEqualTo(42);
        now[0] = 20_000;
        t.markRefreshed(7);
        assertThat(t.lastRefreshed(7)).isEqualTo(20_000);
        assertThat(t.lastRefreshed(3)).isEqualTo(9_999);
        assertThatThrownBy(() -> t.markRefreshed(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.lastRefreshed(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnOwnIdOutsideTheKeySpace() {
        KadConfig config = ClassicConfig.builder().bits(8).build();
        assertThatThrownBy(() -> new RoutingTable(NodeId.of(256), config, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 bits");
    }

    // ---- closest ----

    @Test
    void closestInAnEightBitExample() {
        RoutingTable t = table8(3, 1, 2);
        for (String s : List.of("0b0000_0001", "0b0000_0011", "0b0000_0110", "0b0001_0000", "0b1000_0000",
                "0b1100_0000", "0b0100_0001")) {
            t.update(c(s));
        }
        NodeId target = KS8.parse("0b0000_0111");
        assertThat(ids(t.closest(target, 3))).containsExactly(
                KS8.parse("0b0000_0110"), KS8.parse("0b0000_0011"), KS8.parse("0b0000_0001"));
        assertThat(ids(t.closest(KS8.parse("0b1100_0001"), 2))).containsExactly(
                KS8.parse("0b1100_0000"), KS8.parse("0b1000_0000"));
        assertThat(t.closest(target, 0)).isEmpty();
        assertThat(t.closest(target, 100)).hasSize(7);
    }

    /** The n contacts nearest to target by a plain BigInteger sort of the XOR distances. */
    static List<Contact> bruteForceClosest(List<Contact> all, NodeId target, int n) {
        record ByDistance(BigInteger distance, Contact contact) {
        }
        BigInteger t = target.toBigInteger();
        List<ByDistance> sorted = new ArrayList<>(all.size());
        for (Contact x : all) {
            sorted.add(new ByDistance(x.id().toBigInteger().xor(t), x));
        }
        sorted.sort(Comparator.comparing(ByDistance::distance));
        List<Contact> out = new ArrayList<>(Math.min(n, sorted.size()));
        for (int i = 0; i < Math.min(n, sorted.size()); i++) {
            out.add(sorted.get(i).contact());
        }
        return out;
    }

    /** Every entry sits in bucket bitLength(self XOR entry) - 1; no bucket holds more than k; counts add up. */
    static void assertInvariants(RoutingTable t, KeySpace ks) {
        int total = 0;
        Set<NodeId> seen = new HashSet<>();
        for (int i = 0; i < t.bucketCount(); i++) {
            KBucket b = t.bucket(i);
            if (b == null) {
                continue;
            }
            assertThat(b.index()).isEqualTo(i);
            assertThat(b.size()).as("bucket %d of %s holds at most k=%d", i, ks.hex(t.self()), t.k())
                    .isLessThanOrEqualTo(t.k());
            for (Contact x : b.contacts()) {
                assertThat(t.self().xor(x.id()).bitLength() - 1)
                        .as("entry %s is in bucket bitLength(self ^ entry) - 1 (self=%s, found in %d)",
                                ks.hex(x.id()), ks.hex(t.self()), i)
                        .isEqualTo(i);
                assertThat(seen.add(x.id())).as("entry %s appears once", ks.hex(x.id())).isTrue();
                assertThat(t.contains(x.id())).isTrue();
            }
            for (Contact x : b.replacements()) {
                assertThat(t.self().bucketIndex(x.id())).as("replacement %s belongs to bucket %d", ks.hex(x.id()), i)
                        .isEqualTo(i);
            }
            total += b.size();
        }
        assertThat(t.size()).as("size() = sum of bucket sizes").isEqualTo(total);
        assertThat(t.contacts()).hasSize(total);
        assertThat(seen).doesNotContain(t.self());
    }

    @Test
    void propertyThreeClosestEqualsBruteForceOnRandomTables() {
        Random r = new Random(303);
        int checks = 0;
        for (int bits : new int[] {8, 16, 160}) {
            KeySpace ks = new KeySpace(bits);
            for (int k = 1; k <= 20; k++) {
                for (int rep = 0; rep < (bits == 160 ? 2 : 6); rep++) {
                    KadConfig config = ClassicConfig.builder().bits(bits).k(k).build();
                    NodeId self = ks.randomId(r);
                    RoutingTable t = new RoutingTable(self, config, clock);
                    int inserts = r.nextInt(bits == 8 ? 300 : 600);
                    for (int n = 0; n < inserts; n++) {
                        // mix uniform ids (far buckets) with ids aimed at random buckets (near ones)
                        NodeId id = r.nextBoolean() ? ks.randomId(r) : ks.randomIdInBucket(self, r.nextInt(Math.min(bits, 24)), r);
                        UpdateResult u = t.update(contact(ks, id));
                        if (u instanceof UpdateResult.Pending p && r.nextInt(3) == 0) {
                            t.applyPingResult(p.toPing(), r.nextBoolean(), p.candidate());
                        }
                    }
                    assertInvariants(t, ks);
                    List<Contact> all = t.contacts();
                    List<NodeId> targets = new ArrayList<>();
                    targets.add(self);
                    for (int i = 0; i < bits; i++) {
                        targets.add(ks.randomIdInBucket(self, i, r));
                    }
                    for (int n = 0; n < 10; n++) {
                        targets.add(ks.randomId(r));
                    }
                    if (!all.isEmpty()) {
                        targets.add(all.get(r.nextInt(all.size())).id());
                    }
                    for (NodeId target : targets) {
                        int n = switch (r.nextInt(5)) {
                            case 0 -> k;
                            case 1 -> t.size();
                            case 2 -> t.size() + 3;
                            case 3 -> 1;
                            default -> r.nextInt(2 * k + 2);
                        };
                        List<Contact> got = t.closest(target, n);
                        List<Contact> expected = bruteForceClosest(all, target, n);
                        assertThat(ids(got))
                                .as("closest(%s, %d) = first min(n, size=%d) of the brute-force XOR sort (B=%d k=%d self=%s)",
                                        ks.hex(target), n, t.size(), bits, k, ks.hex(self))
                                .isEqualTo(ids(expected));
                        assertThat(new LinkedHashSet<>(got)).as("no duplicates").hasSize(got.size());
                        checks++;
                    }
                }
            }
        }
        assertThat(checks).isGreaterThan(4_000);
    }

    /**
     * Random operations against a small model of every bucket (LRU order, failure counts,
     * replacement cache): after each step the table matches the model and the invariants hold.
     */
    @Test
    void randomOperationsKeepTheTableEqualToAModel() {
        Random r = new Random(505);
        for (int run = 0; run < 45; run++) {
            int bits = new int[] {8, 16, 160}[run % 3];
            KeySpace ks = new KeySpace(bits);
            int k = 1 + r.nextInt(6);
            int maxFailures = 1 + r.nextInt(3);
            int cache = r.nextInt(3);
            KadConfig config = ClassicConfig.builder().bits(bits).k(k).maxFailures(maxFailures).replacementCacheSize(cache).build();
            NodeId self = ks.randomId(r);
            RoutingTable t = new RoutingTable(self, config, clock);
            Model model = new Model(self, k, maxFailures, cache);
            // a small pool of ids in a few near buckets so buckets fill and collide
            List<Contact> pool = new ArrayList<>();
            Set<NodeId> used = new HashSet<>();
            while (pool.size() < 40) {
                NodeId id = ks.randomIdInBucket(self, Math.max(0, bits - 1 - r.nextInt(4)) % bits, r);
                if (bits == 8 && r.nextBoolean()) {
                    id = ks.randomIdInBucket(self, 3 + r.nextInt(5), r);
                }
                if (used.add(id)) {
                    pool.add(contact(ks, id));
                }
            }
            List<UpdateResult.Pending> pings = new ArrayList<>();
            for (int step = 0; step < 300; step++) {
                now[0] += 1 + r.nextInt(5);
                Contact x = pool.get(r.nextInt(pool.size()));
                int op = r.nextInt(10);
                String where = "run " + run + " step " + step + " op " + op + " on " + ks.hex(x.id());
                if (op < 5) {
                    UpdateResult got = t.update(x);
                    UpdateResult want = model.update(x);
                    assertThat(got).as("update: %s", where).isEqualTo(want);
                    if (got instanceof UpdateResult.Pending p) {
                        boolean started = t.beginPing(p);
                        assertThat(started).as("beginPing: %s", where).isEqualTo(model.beginPing(p));
                        if (started) {
                            pings.add(p);
                        }
                    }
                } else if (op < 7 && !pings.isEmpty()) {
                    UpdateResult.Pending p = pings.remove(r.nextInt(pings.size()));
                    boolean alive = r.nextBoolean();
                    PingOutcome got = t.applyPingResult(p.toPing(), alive, p.candidate());
                    assertThat(got.candidateAdded()).as("applyPingResult: %s", where)
                            .isEqualTo(model.applyPingResult(p.toPing(), alive, p.candidate()));
                } else if (op < 9) {
                    FailureOutcome got = t.recordFailure(x.id());
                    assertThat(got).as("recordFailure: %s", where).isEqualTo(model.recordFailure(x.id()));
                } else {
                    assertThat(t.remove(x.id())).as("remove: %s", where).isEqualTo(model.remove(x.id()));
                }
                for (Map.Entry<Integer, Model.Bucket> e : model.buckets.entrySet()) {
                    KBucket b = t.bucket(e.getKey());
                    List<Contact> want = e.getValue().contacts;
                    assertThat(b == null ? List.<Contact>of() : b.contacts()).as("bucket %d after %s", e.getKey(), where)
                            .isEqualTo(want);
                    for (int i = 0; i < want.size(); i++) {
                        assertThat(b.failures(i)).as("failures of %s after %s", want.get(i), where)
                                .isEqualTo(e.getValue().failures.get(i));
                    }
                    assertThat(b == null ? List.<Contact>of() : b.replacements()).as("cache of bucket %d after %s",
                            e.getKey(), where).isEqualTo(e.getValue().cache);
                }
                assertInvariants(t, ks);
            }
        }
    }

    /** The notes' rules for one table, written as plainly as possible. */
    private static final class Model {
        final NodeId self;
        final int k;
        final int maxFailures;
        final int cacheSize;
        final Map<Integer, Bucket> buckets = new HashMap<>();

        static final class Bucket {
            final List<Contact> contacts = new ArrayList<>();
            final List<Integer> failures = new ArrayList<>();
            final List<Contact> cache = new ArrayList<>();
            Contact pinging;
            Contact waiting;
        }

        Model(NodeId self, int k, int maxFailures, int cacheSize) {
            this.self = self;
            this.k = k;
            this.maxFailures = maxFailures;
            this.cacheSize = cacheSize;
        }

        Bucket bucket(NodeId id) {
            return buckets.computeIfAbsent(self.bucketIndex(id), i -> new Bucket());
        }

        void cache(Bucket b, Contact c) {
            if (cacheSize == 0) {
                return;
            }
            b.cache.remove(c);
            if (b.cache.size() == cacheSize) {
                b.cache.remove(0);
            }
            b.cache.add(c);
        }

        UpdateResult update(Contact c) {
            int index = self.bucketIndex(c.id());
            if (index < 0) {
                return new UpdateResult.Ignored(c);
            }
            Bucket b = bucket(c.id());
            int pos = b.contacts.indexOf(c);
            if (pos >= 0) {
                b.contacts.remove(pos);
                b.failures.remove(pos);
                b.contacts.add(c);
                b.failures.add(0);
                return new UpdateResult.Updated(c, index);
            }
            if (b.contacts.size() < k) {
                b.cache.remove(c);
                b.contacts.add(c);
                b.failures.add(0);
                return new UpdateResult.Added(c, index);
            }
            return new UpdateResult.Pending(b.contacts.get(0), c, index);
        }

        boolean beginPing(UpdateResult.Pending p) {
            Bucket b = bucket(p.candidate().id());
            if (b.pinging != null) {
                cache(b, p.candidate());
                return false;
            }
            b.pinging = p.toPing();
            b.waiting = p.candidate();
            return true;
        }

        boolean applyPingResult(Contact pinged, boolean alive, Contact candidate) {
            Bucket b = bucket(pinged.id());
            if (pinged.equals(b.pinging)) {
                b.pinging = null;
                b.waiting = null;
            }
            int pos = b.contacts.indexOf(pinged);
            if (alive && pos >= 0) {
                b.contacts.remove(pos);
                b.failures.remove(pos);
                b.contacts.add(pinged);
                b.failures.add(0);
                if (!b.contacts.contains(candidate)) {
                    cache(b, candidate);
                }
                return false;
            }
            if (pos >= 0) {
                b.contacts.remove(pos);
                b.failures.remove(pos);
            }
            // dead, or already gone: the newcomer takes a free place, or waits in the cache
            if (!b.contacts.contains(candidate)) {
                if (b.contacts.size() < k) {
                    b.cache.remove(candidate);
                    b.contacts.add(candidate);
                    b.failures.add(0);
                    return true;
                }
                cache(b, candidate);
            }
            return false;
        }

        FailureOutcome recordFailure(NodeId id) {
            int index = self.bucketIndex(id);
            if (index < 0) {
                return new FailureOutcome.Unknown(id);
            }
            Bucket b = bucket(id);
            int pos = indexOf(b, id);
            if (pos < 0) {
                b.cache.removeIf(x -> x.id().equals(id));
                return new FailureOutcome.Unknown(id);
            }
            int failures = b.failures.get(pos) + 1;
            b.failures.set(pos, failures);
            Contact c = b.contacts.get(pos);
            if (failures < maxFailures) {
                return new FailureOutcome.Stale(c, index, failures);
            }
            b.contacts.remove(pos);
            b.failures.remove(pos);
            Contact promoted = null;
            if (c.equals(b.pinging)) {
                Contact waiting = b.waiting;
                b.pinging = null;
                b.waiting = null;
                if (waiting != null && !b.contacts.contains(waiting)) {
                    b.cache.remove(waiting);
                    promoted = waiting;
                }
            }
            if (promoted == null) {
                promoted = b.cache.isEmpty() ? null : b.cache.remove(b.cache.size() - 1);
            }
            if (promoted != null) {
                b.contacts.add(promoted);
                b.failures.add(0);
            }
            return new FailureOutcome.Evicted(c, index, promoted);
        }

        boolean remove(NodeId id) {
            if (self.bucketIndex(id) < 0) {
                return false;
            }
            Bucket b = bucket(id);
            int pos = indexOf(b, id);
            if (pos < 0) {
                return false;
            }
            b.contacts.remove(pos);
            b.failures.remove(pos);
            return true;
        }

        private static int indexOf(Bucket b, NodeId id) {
            for (int i = 0; i < b.contacts.size(); i++) {
                if (b.contacts.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }
    }

    @Test
    void lastSeenTimesStayExactPastTheRangeOfAStoredOffset() {
        // last-seen times are stored as 32-bit offsets from a per-bucket base that moves on when needed
        RoutingTable t = fullBucket7(5, 2);
        long fiftyDays = 50L * 24 * 3600 * 1000; // beyond 2^32 ms (about 49.7 days)
        now[0] += fiftyDays;
        t.update(B);
        now[0] += 7;
        t.update(C);
        KBucket b = t.bucket(7);
        assertThat(b.contacts()).containsExactly(A, B, C);
        assertThat(b.lastSeen(1)).isEqualTo(now[0] - 7);
        assertThat(b.lastSeen(2)).isEqualTo(now[0]);
        // A, unheard for fifty days, keeps its place at the head, at most half the offset range before the move
        assertThat(b.lastSeen(0)).isLessThan(now[0] - 7).isGreaterThanOrEqualTo(now[0] - 7 - (1L << 31));
        now[0] += fiftyDays;
        t.update(A);
        assertThat(b.contacts()).containsExactly(B, C, A);
        assertThat(b.lastSeen(2)).isEqualTo(now[0]);
    }

    @Test
    void aFillFromTheGlobalViewGivesTheTableThatUpdatesOneByOneGive() {
        KeySpace ks = new KeySpace(16);
        KadConfig config = ClassicConfig.builder().bits(16).k(4).replacementCacheSize(3).build();
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            NodeId self = NodeId.of(r.nextInt(1 << 16));
            List<Contact> given = new ArrayList<>();
            for (int i = 0; i < 60; i++) { // with repeats, the owner, and more than k for some buckets
                given.add(contact(ks, i == 7 ? self : NodeId.of(r.nextInt(1 << 16))));
            }
            given.add(given.get(3));
            given.sort(Comparator.comparingInt((Contact c) -> -self.bucketIndex(c.id()))); // farthest first, stable
            RoutingTable filled = new RoutingTable(self, config, clock);
            RoutingTable updated = new RoutingTable(self, config, clock);
            List<Contact> added = filled.fill(given);
            List<Contact> addedOneByOne = new ArrayList<>();
            for (Contact c : given) {
                if (updated.update(c) instanceof UpdateResult.Added) {
                    addedOneByOne.add(c);
                }
            }
            assertThat(added).as("seed %d", seed).containsExactlyElementsOf(addedOneByOne);
            assertThat(filled.contacts()).as("seed %d", seed).containsExactlyElementsOf(updated.contacts());
            for (int i = 0; i < 16; i++) {
                KBucket a = filled.bucket(i);
                KBucket b = updated.bucket(i);
                assertThat(a == null).as("seed %d bucket %d in use", seed, i).isEqualTo(b == null);
                if (a != null) {
                    assertThat(a.replacements()).as("seed %d bucket %d cache", seed, i).containsExactlyElementsOf(b.replacements());
                }
            }
            assertThat(filled.fill(given)).as("a table that is not empty is not filled").isNull();
            List<Contact> reversed = new ArrayList<>(given);
            java.util.Collections.reverse(reversed);
            RoutingTable untouched = new RoutingTable(self, config, clock);
            if (self.bucketIndex(reversed.get(0).id()) != self.bucketIndex(given.get(0).id())) {
                assertThat(untouched.fill(reversed)).as("out of order: refused").isNull();
                assertThat(untouched.size()).isZero();
            }
        }
    }
}
