package org.kadlab.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.kadlab.kad.NodeId;

/**
 * Routing tables built from the global view, as PeerSim's initialiser builds them: each bucket of
 * each node holds up to k nodes drawn at random from the bucket's whole range, in random LRU order.
 * No message is sent; it is a warm start for large N, never a substitute for real joins, and every
 * output that uses it says so.
 *
 * <p>With the ids sorted, the ids whose XOR distance to x falls in bucket i are those sharing x's
 * bits above i and differing at bit i: one contiguous run of the sorted array. Walking i down from
 * the top, each run splits the interval still sharing x's prefix in two by a binary search, so a
 * table costs O(log^2 N) comparisons, whatever the id width.
 */
final class Prefill {
    private Prefill() {
    }

    /**
     * The contacts of the node at {@code self} in {@code sorted} (ids in ascending order), as indices
     * into it, bucket by bucket from the farthest, each bucket's chosen ids in random order.
     */
    static int[] table(NodeId[] sorted, int self, int bits, int k, SplittableRandom random) {
        Picks out = new Picks(k);
        NodeId x = sorted[self];
        int lo = 0;
        int hi = sorted.length; // [lo, hi): the ids sharing x's bits above the current i
        for (int i = bits - 1; i >= 0 && hi - lo > 1; i--) {
            int split = firstWithBit(sorted, lo, hi, i);
            int runLo;
            int runHi;
            if (x.testBit(i)) {
                runLo = lo;
                runHi = split;
                lo = split;
            } else {
                runLo = split;
                runHi = hi;
                hi = split;
            }
            pick(runLo, runHi, k, random, out);
        }
        return out.toArray();
    }

    /** The chosen indices, growing by one bucket at a time. */
    private static final class Picks {
        private int[] items;
        private int size;

        Picks(int k) {
            items = new int[8 * k];
        }

        int[] claim(int n) {
            if (size + n > items.length) {
                items = Arrays.copyOf(items, Math.max(size + n, items.length * 2));
            }
            size += n;
            return items;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }

    /** The first index in [lo, hi) whose id has bit {@code i} set (ids there share the bits above i). */
    private static int firstWithBit(NodeId[] sorted, int lo, int hi, int i) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (sorted[m].testBit(i)) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        return a;
    }

    /** Appends up to k distinct indices of [lo, hi) drawn at random, in random order. */
    private static void pick(int lo, int hi, int k, SplittableRandom random, Picks out) {
        int n = hi - lo;
        if (n <= 0) {
            return;
        }
        int take = Math.min(k, n);
        int[] chosen = new int[take];
        if (n <= 4 * k) {
            int[] all = new int[n];
            for (int j = 0; j < n; j++) {
                all[j] = lo + j;
            }
            for (int j = 0; j < take; j++) { // partial Fisher-Yates: a random sample in random order
                int r = j + random.nextInt(n - j);
                int t = all[j];
                all[j] = all[r];
                all[r] = t;
                chosen[j] = all[j];
            }
        } else {
            int m = 0;
            while (m < take) { // rejection: k draws from a much larger range rarely repeat
                int c = lo + random.nextInt(n);
                boolean seen = false;
                for (int j = 0; j < m && !seen; j++) {
                    seen = chosen[j] == c;
                }
                if (!seen) {
                    chosen[m++] = c;
                }
            }
        }
        int[] items = out.claim(take);
        System.arraycopy(chosen, 0, items, out.size - take, take);
    }
}
