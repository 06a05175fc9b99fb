package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kadlab.sim.SimFixture.bruteForceClosest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/** GroundTruth.closest equals a brute-force XOR sort of the live ids, whatever joined and left. */
class GroundTruthTest {

    @ParameterizedTest(name = "{0}-bit ids")
    @ValueSource(ints = {8, 16, 64, 160})
    @DisplayName("closest equals the brute-force XOR sort of the live ids, without except, after adds and removes")
    void closestEqualsBruteForceAfterAddsAndRemoves(int bits) {
        KeySpace ks = new KeySpace(bits);
        SplittableRandom r = new SplittableRandom(bits * 1_000L + 7);
        int[] sizes = {0, 1, 2, 3, 5, 15, 16, 17, 33, 100, 250};
        for (int size : sizes) {
            if (bits == 8 && size > 200) {
                continue;
            }
            GroundTruth truth = new GroundTruth(bits);
            Set<NodeId> live = new LinkedHashSet<>();
            while (live.size() < size) {
                NodeId id = ks.randomId(r);
                live.add(id);
                truth.add(id);
            }
            check(truth, live, ks, r, "size " + size);
            // churn: remove some, add others (and repeat an add and a remove, which must change nothing)
            for (int round = 0; round < 4; round++) {
                List<NodeId> current = new ArrayList<>(live);
                for (int i = 0; i < current.size() / 3; i++) {
                    NodeId gone = current.get(r.nextInt(current.size()));
                    live.remove(gone);
                    truth.remove(gone);
                    truth.remove(gone);
                }
                for (int i = 0; i < 1 + size / 4; i++) {
                    NodeId id = ks.randomId(r);
                    live.add(id);
                    truth.add(id);
                    truth.add(id);
                }
                check(truth, live, ks, r, "size " + size + " after churn round " + round);
            }
        }
    }

    private static void check(GroundTruth truth, Set<NodeId> live, KeySpace ks, SplittableRandom r, String where) {
        assertThat(truth.liveCount()).as("%s: live count", where).isEqualTo(live.size());
        List<NodeId> liveList = new ArrayList<>(live);
        for (int q = 0; q < 25; q++) {
            // targets: random ids, live ids, and their neighbours
            NodeId target = q % 3 == 0 || liveList.isEmpty() ? ks.randomId(r) : liveList.get(r.nextInt(liveList.size()));
            NodeId except = switch (q % 4) {
                case 0 -> null;
                case 1 -> liveList.isEmpty() ? null : liveList.get(r.nextInt(liveList.size()));
                case 2 -> target;
                default -> ks.randomId(r); // most likely not live: nothing to leave out
            };
            int k = 1 + r.nextInt(25);
            List<NodeId> pool = new ArrayList<>(live);
            pool.remove(except);
            List<NodeId> want = bruteForceClosest(pool, target, k);
            assertThat(truth.closest(target, k, except))
                    .as("%s: closest(%s, %d, except %s)", where, ks.hex(target), k, except == null ? "none" : ks.hex(except))
                    .containsExactlyElementsOf(want);
        }
        if (!liveList.isEmpty()) {
            NodeId someone = liveList.get(0);
            assertThat(truth.isLive(someone)).as("%s: a live id is live", where).isTrue();
        }
    }

    @Test
    @DisplayName("in a full 8-bit key space every target gets exactly the next k ids by XOR")
    void fullEightBitSpaceMatchesBruteForceForEveryTarget() {
        KeySpace ks = new KeySpace(8);
        GroundTruth truth = new GroundTruth(8);
        List<NodeId> all = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            all.add(ks.id(v));
            truth.add(ks.id(v));
        }
        for (int t = 0; t < 256; t++) {
            NodeId target = ks.id(t);
            List<NodeId> pool = new ArrayList<>(all);
            pool.remove(target);
            assertThat(truth.closest(target, 20, target)).as("target %d", t)
                    .containsExactlyElementsOf(bruteForceClosest(pool, target, 20));
        }
    }

    @Test
    @DisplayName("a removed id is no longer live and is never returned; k = 0 gives nothing")
    void removedIdsAreNeverReturned() {
        KeySpace ks = new KeySpace(16);
        GroundTruth truth = new GroundTruth(16);
        NodeId a = ks.id(0x1234);
        NodeId b = ks.id(0x1235);
        truth.add(a);
        truth.add(b);
        assertThat(truth.closest(a, 5, null)).containsExactly(a, b);
        truth.remove(a);
        assertThat(truth.isLive(a)).isFalse();
        assertThat(truth.closest(a, 5, null)).containsExactly(b);
        assertThat(truth.closest(a, 0, null)).isEmpty();
        truth.remove(b);
        assertThat(truth.closest(a, 5, null)).isEmpty();
        assertThat(truth.liveCount()).isZero();
    }
}
