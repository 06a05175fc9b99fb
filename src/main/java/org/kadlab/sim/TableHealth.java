package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kadlab.kad.NodeId;

/**
 * Judges routing tables against the ground truth (analysis only: lookups never see it).
 *
 * <p><b>Expected fill.</b> With N live nodes whose B-bit ids are distinct and uniformly random, each
 * of the other N - 1 ids falls in bucket i of a node (the 2^i ids at XOR distance [2^i, 2^(i+1)))
 * with probability p_i = 2^i / (2^B - 1). The number X_i of live nodes in that range is taken as
 * Binomial(N - 1, p_i) (the exact law draws without replacement; it has the same mean and a
 * slightly smaller spread, negligible unless N is close to 2^B). A bucket holds at most k, so a
 * node that had met every peer would hold min(k, X_i), and the expected fill is
 * <pre>  E[min(k, X_i)] = sum_{j=0}^{k-1} P(X_i &gt; j)</pre>
 * Checks: sum_i E[X_i] = N - 1 exactly, so the expected fills add up to at most N - 1, with equality
 * when k &gt;= N - 1; each is at most min(k, (N - 1) p_i) and grows with i, N and k. In words: the far
 * buckets, whose range holds (N - 1) p_i much more than k nodes, are expected full; the near ones
 * hold about (N - 1) p_i, well under one for i below log2(2^B / N).
 *
 * <p><b>Judging a copy</b> ({@link #analyze}), for each live node x:
 * <ol>
 *   <li>The live ids sorted numerically are cut by bit from the top: at each bit b the ids that agree
 *       with x above b and differ at b are one contiguous run, bucket b's range, so every bucket's
 *       live count and its run come from O(log N) binary searches, stopping once x is alone.</li>
 *   <li>A contact is stale when its failure count is above zero, dead when it is not a live id; a
 *       bucket is empty but should not be when it holds nothing and its range holds a live node.</li>
 *   <li>x's closest live peers are the nearest buckets' runs taken whole, nearest first, until
 *       min(k, N - 1) are reached (the last run sorted by distance to x); x knows all of them when its
 *       table holds every one.</li>
 * </ol>
 * Cost: O(C + N log^2 N) for C contacts, no allocation per contact; a few ms for 2,000 nodes.
 */
public final class TableHealth {
    private TableHealth() {
    }

    /** The share of the key space bucket {@code index} covers among the ids other than one's own: 2^i / (2^B - 1). */
    static double share(int bits, int index) {
        double space = Math.scalb(1.0, bits) - 1;
        return Math.min(1.0, Math.scalb(1.0, index) / space);
    }

    /**
     * E[min(k, Binomial(N - 1, p_i))]: the expected number of contacts in bucket {@code index} of a
     * node among {@code liveNodes} with random {@code bits}-bit ids (see the class comment).
     */
    public static double expectedFill(int liveNodes, int bits, int k, int index) {
        if (index < 0 || index >= bits) {
            throw new IllegalArgumentException("bucket index must be between 0 and " + (bits - 1) + ", was " + index);
        }
        int n = liveNodes - 1;
        if (n <= 0 || k <= 0) {
            return 0;
        }
        double p = share(bits, index);
        if (p >= 1) {
            return Math.min(k, n);
        }
        // pmf in logs: (1 - p)^n underflows for large n, its ratios do not
        double logRatio = Math.log(p) - Math.log1p(-p);
        double logPmf = n * Math.log1p(-p);
        int top = Math.min(k, n);
        if (n * p <= k) {
            // E[X] - E[(X - k)+]: the tail past k is small and summed term by term, without cancellation
            for (int j = 0; j <= top; j++) {
                logPmf += j < n ? Math.log((double) (n - j) / (j + 1)) + logRatio : 0;
            }
            double tail = 0;
            for (int x = top + 1; x <= n; x++) {
                double term = (x - top) * Math.exp(logPmf);
                tail += term;
                if (term < 1e-18 * Math.max(tail, Double.MIN_NORMAL) || term == 0) {
                    break;
                }
                logPmf += Math.log((double) (n - x) / (x + 1)) + logRatio;
            }
            return Math.max(0, n * p - tail);
        }
        double below = 0; // P(X <= j) once pmf(j) is added
        double expected = 0;
        for (int j = 0; j < top; j++) {
            below += Math.exp(logPmf);
            expected += Math.max(0, 1 - below); // P(X > j)
            logPmf += Math.log((double) (n - j) / (j + 1)) + logRatio;
        }
        return Math.min(expected, top);
    }

    /** {@link #expectedFill} of every bucket, by index. */
    public static double[] expectedFills(int liveNodes, int bits, int k) {
        double[] out = new double[bits];
        for (int i = 0; i < bits; i++) {
            out[i] = expectedFill(liveNodes, bits, k, i);
        }
        return out;
    }

    /** Judges every live node's table in {@code c} (any thread). */
    public static HealthReport analyze(TableCapture c) {
        int bits = c.keySpace().bits();
        int k = c.k();
        NodeId[] live = c.liveSorted();
        double[] expected = expectedFills(live.length, bits, k);
        double expectedContacts = 0;
        for (double e : expected) {
            expectedContacts += e;
        }
        Ranges r = new Ranges(bits);
        int[] held = new int[bits];
        List<HealthReport.NodeHealth> rows = new ArrayList<>(live.length);
        long contacts = 0;
        long possible = 0;
        long stale = 0;
        long dead = 0;
        long empty = 0;
        int knowing = 0;
        for (TableCapture.Table t : c.tables()) {
            if (!t.alive()) {
                continue;
            }
            r.of(live, t.owner());
            Arrays.fill(held, 0);
            int s = 0;
            int d = 0;
            for (int i = 0; i < t.size(); i++) {
                held[t.bucket(i)]++;
                s += t.failures(i) > 0 ? 1 : 0;
                d += c.isLive(t.contact(i)) ? 0 : 1;
            }
            int p = 0;
            int e = 0;
            for (int b = 0; b < bits; b++) {
                p += Math.min(k, r.count[b]);
                e += held[b] == 0 && r.count[b] > 0 ? 1 : 0;
            }
            int wanted = Math.min(k, live.length - 1);
            int known = closestKnown(live, r, t, wanted);
            rows.add(new HealthReport.NodeHealth(t.owner(), t.size(), p, s, d, e, known, wanted));
            contacts += t.size();
            possible += p;
            stale += s;
            dead += d;
            empty += e;
            knowing += known == wanted ? 1 : 0;
        }
        return new HealthReport(c.time(), bits, k, live.length, expectedContacts, contacts, possible, stale, dead, empty,
                knowing, rows);
    }

    /** Every bucket of {@code node}'s table in {@code c}, by index; empty for a node not in the copy. */
    public static List<HealthReport.BucketHealth> buckets(TableCapture c, NodeId node) {
        TableCapture.Table t = null;
        for (TableCapture.Table x : c.tables()) {
            if (x.owner().equals(node)) {
                t = x;
                break;
            }
        }
        if (t == null) {
            return List.of();
        }
        int bits = c.keySpace().bits();
        NodeId[] live = c.liveSorted();
        double[] expected = expectedFills(live.length, bits, c.k());
        Ranges r = new Ranges(bits);
        r.of(live, node);
        int[] held = new int[bits];
        int[] stale = new int[bits];
        int[] dead = new int[bits];
        for (int i = 0; i < t.size(); i++) {
            int b = t.bucket(i);
            held[b]++;
            stale[b] += t.failures(i) > 0 ? 1 : 0;
            dead[b] += c.isLive(t.contact(i)) ? 0 : 1;
        }
        List<HealthReport.BucketHealth> out = new ArrayList<>(bits);
        for (int b = 0; b < bits; b++) {
            out.add(new HealthReport.BucketHealth(b, held[b], expected[b], r.count[b], Math.min(c.k(), r.count[b]), stale[b], dead[b]));
        }
        return out;
    }

    /** How many of {@code owner}'s {@code wanted} closest live peers its table holds. */
    private static int closestKnown(NodeId[] live, Ranges r, TableCapture.Table t, int wanted) {
        NodeId self = t.owner();
        int taken = 0;
        int known = 0;
        for (int b = 0; b < r.count.length && taken < wanted; b++) {
            int n = r.count[b];
            if (n == 0) {
                continue;
            }
            int from = r.start[b];
            if (taken + n <= wanted) {
                for (int i = from; i < from + n; i++) {
                    known += t.holds(live[i]) ? 1 : 0;
                }
                taken += n;
            } else {
                NodeId[] run = Arrays.copyOfRange(live, from, from + n);
                Arrays.sort(run, (a, x) -> NodeId.compareDistance(self, a, x));
                for (int i = 0; i < wanted - taken; i++) {
                    known += t.holds(run[i]) ? 1 : 0;
                }
                taken = wanted;
            }
        }
        return known;
    }

    /** The live ids in each bucket's range of one node: a count and the start of the run in the sorted ids. */
    private static final class Ranges {
        final int[] count;
        final int[] start;

        Ranges(int bits) {
            count = new int[bits];
            start = new int[bits];
        }

        /** Cuts the sorted {@code live} ids by bit from the top, following {@code self} (see the class comment). */
        void of(NodeId[] live, NodeId self) {
            Arrays.fill(count, 0);
            int lo = 0;
            int hi = live.length;
            for (int b = count.length - 1; b >= 0 && hi - lo > 1; b--) {
                int split = firstWithBit(live, lo, hi, b);
                if (self.testBit(b)) {
                    count[b] = split - lo;
                    start[b] = lo;
                    lo = split;
                } else {
                    count[b] = hi - split;
                    start[b] = split;
                    hi = split;
                }
            }
            if (hi - lo == 1 && !live[lo].equals(self)) {
                // self is not live: the one id left is in the bucket where it parts from self
                int b = self.bucketIndex(live[lo]);
                count[b] = 1;
                start[b] = lo;
            }
        }

        /** In a sorted run sharing every bit above {@code bit}, the first index whose {@code bit} is set. */
        private static int firstWithBit(NodeId[] ids, int lo, int hi, int bit) {
            int a = lo;
            int b = hi;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (ids[mid].testBit(bit)) {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            return a;
        }
    }
}
