package org.kadlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;

/** The health of routing tables, checked against brute force over the simulation's own nodes. */
class TableHealthTest {

    /** 60 nodes with 12-bit ids and k = 3, a fifth of them crashed, lookups run so that RPCs to them fail, and a loner. */
    private static Simulation damagedNetwork() {
        Simulation sim = SimFixture.joined(SimFixture.config(7, SimFixture.kad(12, 3, 2)), 60);
        for (int i = 0; i < 12; i++) {
            sim.kill(sim.nodes().get(5 * i));
        }
        for (int i = 0; i < 20; i++) {
            SimNode from = sim.randomLive();
            sim.awaitOperation(sim.findNode(from, sim.randomId()), from, () -> false);
        }
        sim.awaitIdle(() -> false);
        sim.addNode(sim.freshId(), null); // live, but nobody knows it and it knows nobody
        return sim;
    }

    private static List<SimNode> live(Simulation sim) {
        return sim.nodes().stream().filter(SimNode::isAlive).toList();
    }

    @Test
    void everyNodesCountsMatchBruteForceAfterKillsAndALoner() {
        Simulation sim = damagedNetwork();
        HealthReport h = TableHealth.analyze(TableCapture.of(sim));
        int k = sim.config().kad().k();
        List<SimNode> live = live(sim);
        assertThat(h.liveNodes()).isEqualTo(live.size());
        assertThat(h.nodes()).extracting(HealthReport.NodeHealth::id).containsExactlyElementsOf(live.stream().map(SimNode::id).toList());
        long dead = 0;
        long stale = 0;
        long empty = 0;
        int knowing = 0;
        for (int n = 0; n < live.size(); n++) {
            SimNode x = live.get(n);
            RoutingTable rt = x.kad().routingTable();
            int d = 0;
            int s = 0;
            int e = 0;
            for (int i = 0; i < rt.bucketCount(); i++) {
                KBucket b = rt.bucket(i);
                int size = b == null ? 0 : b.size();
                for (int p = 0; p < size; p++) {
                    d += sim.node(b.contact(p).id()).isAlive() ? 0 : 1;
                    s += b.failures(p) > 0 ? 1 : 0;
                }
                final int bucket = i;
                boolean someoneThere = live.stream().anyMatch(y -> x.id().bucketIndex(y.id()) == bucket);
                e += size == 0 && someoneThere ? 1 : 0;
            }
            List<NodeId> closest = bruteClosest(live, x.id(), k);
            int known = (int) closest.stream().filter(rt::contains).count();
            HealthReport.NodeHealth row = h.nodes().get(n);
            assertThat(row.dead()).as("dead contacts of %s", x.id()).isEqualTo(d);
            assertThat(row.stale()).as("stale contacts of %s", x.id()).isEqualTo(s);
            assertThat(row.emptyButShould()).as("empty buckets of %s whose range holds a live node", x.id()).isEqualTo(e);
            assertThat(row.closestWanted()).isEqualTo(Math.min(k, live.size() - 1));
            assertThat(row.closestKnown()).as("closest live peers %s holds", x.id()).isEqualTo(known);
            assertThat(row.contacts()).isEqualTo(rt.size());
            dead += d;
            stale += s;
            empty += e;
            knowing += known == closest.size() ? 1 : 0;
        }
        assertThat(dead).as("the kills left dead contacts to find").isPositive();
        assertThat(empty).as("the loner's buckets and the buckets that should hold it").isPositive();
        assertThat(knowing).as("the loner knows none of its closest peers").isLessThan(live.size());
        assertThat(h.dead()).isEqualTo(dead);
        assertThat(h.stale()).isEqualTo(stale);
        assertThat(h.emptyButShould()).isEqualTo(empty);
        assertThat(h.knowingClosest()).isEqualTo(knowing);
        assertThat(h.closestShare()).isEqualTo((double) knowing / live.size());
    }

    @Test
    void aBucketsLiveCountIsEveryLiveNodeInItsRange() {
        Simulation sim = damagedNetwork();
        TableCapture c = TableCapture.of(sim);
        List<SimNode> live = live(sim);
        for (SimNode x : List.of(live.get(0), live.get(live.size() / 2), live.get(live.size() - 1))) {
            List<HealthReport.BucketHealth> buckets = TableHealth.buckets(c, x.id());
            assertThat(buckets).hasSize(12);
            for (HealthReport.BucketHealth b : buckets) {
                long inRange = live.stream().filter(y -> x.id().bucketIndex(y.id()) == b.index()).count();
                KBucket kb = x.kad().routingTable().bucket(b.index());
                assertThat(b.liveInRange()).as("live nodes in bucket %d of %s", b.index(), x.id()).isEqualTo(inRange);
                assertThat(b.possible()).isEqualTo((int) Math.min(3, inRange));
                assertThat(b.contacts()).isEqualTo(kb == null ? 0 : kb.size());
            }
        }
    }

    @Test
    void slicedCopyEqualsTheWholeCopy() {
        Simulation sim = damagedNetwork();
        TableCapture.Copier copier = TableCapture.copier(sim);
        int slices = 0;
        while (!copier.copy(0)) {
            slices++;
        }
        assertThat(slices).as("a zero budget copies 16 tables a slice").isGreaterThan(1);
        assertThat(TableHealth.analyze(copier.result())).isEqualTo(TableHealth.analyze(TableCapture.of(sim)));
    }

    private static List<NodeId> bruteClosest(List<SimNode> live, NodeId self, int k) {
        List<NodeId> others = new ArrayList<>();
        for (SimNode y : live) {
            if (!y.id().equals(self)) {
                others.add(y.id());
            }
        }
        others.sort((a, b) -> a.xor(self).toBigInteger().compareTo(b.xor(self).toBigInteger()));
        return others.subList(0, Math.min(k, others.size()));
    }

    // ------------------------------------------------------------------ the expected fill

    /** E[min(k, X)] for X ~ Binomial(n, p), summed term by term from the binomial law. */
    private static double direct(int n, double p, int k) {
        double e = 0;
        for (int x = 0; x <= n; x++) {
            double pmf = new java.math.BigDecimal(binomial(n, x)).doubleValue() * Math.pow(p, x) * Math.pow(1 - p, n - x);
            e += Math.min(k, x) * pmf;
        }
        return e;
    }

    private static BigInteger binomial(int n, int x) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < x; i++) {
            b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return b;
    }

    @Test
    void expectedFillIsTheMeanOfMinKAndABinomialCount() {
        for (int[] c : new int[][] {{6, 4, 2}, {33, 8, 3}, {50, 10, 4}, {200, 12, 5}}) {
            int nodes = c[0];
            int bits = c[1];
            int k = c[2];
            for (int i = 0; i < bits; i++) {
                double p = Math.scalb(1.0, i) / (Math.scalb(1.0, bits) - 1);
                assertThat(TableHealth.expectedFill(nodes, bits, k, i)).as("N=%d, B=%d, k=%d, bucket %d", nodes, bits, k, i)
                        .isCloseTo(direct(nodes - 1, p, k), within(1e-9));
            }
        }
    }

    @Test
    void expectedFillsAddUpToTheOtherNodesWhenBucketsNeverOverflow() {
        double sum = 0;
        for (double e : TableHealth.expectedFills(9, 16, 8)) {
            sum += e;
        }
        assertThat(sum).as("k >= N - 1: every other node is expected in some bucket").isCloseTo(8, within(1e-9));
        double capped = 0;
        for (double e : TableHealth.expectedFills(500, 16, 4)) {
            capped += e;
        }
        assertThat(capped).as("buckets of k = 4 hold fewer than the 499 others").isLessThan(499);
    }

    @Test
    void expectedFillGrowsWithTheBucketTheNetworkAndKAndNeverPassesItsBounds() {
        int bits = 160;
        for (int n : new int[] {2, 32, 500, 2_000}) {
            double[] fills = TableHealth.expectedFills(n, bits, 20);
            double[] bigger = TableHealth.expectedFills(n * 2, bits, 20);
            double[] wider = TableHealth.expectedFills(n, bits, 21);
            for (int i = 0; i < bits; i++) {
                double mean = (n - 1) * Math.scalb(1.0, i - bits);
                assertThat(fills[i]).isBetween(0.0, Math.min(20, mean) * (1 + 1e-9));
                if (i > 0) {
                    assertThat(fills[i]).as("bucket %d holds at least bucket %d", i, i - 1).isGreaterThanOrEqualTo(fills[i - 1]);
                }
                assertThat(bigger[i]).as("a larger network fills bucket %d no less", i).isGreaterThanOrEqualTo(fills[i]);
                assertThat(wider[i]).as("a larger k fills bucket %d no less", i).isGreaterThanOrEqualTo(fills[i]);
            }
        }
        assertThat(TableHealth.expectedFill(2_000, bits, 20, bits - 1)).as("half the network falls in the far bucket: full")
                .isCloseTo(20, within(1e-9));
        assertThat(TableHealth.expectedFill(1, bits, 20, bits - 1)).as("alone, a node expects nobody").isZero();
    }
}
