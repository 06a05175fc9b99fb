package org.kadlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.kadlab.kad.NodeId;

/**
 * The simulator's omniscient view: the set of live node ids, and the brute-force k closest of them
 * to any target. Lookups never consult it; it only judges their results.
 *
 * <p>The k closest by XOR are found on the ids sorted numerically: ids sharing the target's bit at
 * each level form one contiguous half that is wholly closer than the other half, so a descent from
 * the top bit visits O(k + log N) ids instead of all N. The sorted array is rebuilt lazily after
 * membership changes.
 */
public final class GroundTruth {
    private static final int LEAF = 16;
    private final int bits;
    private final TreeSet<NodeId> live = new TreeSet<>();
    private NodeId[] sorted = new NodeId[0];
    private boolean dirty;

    public GroundTruth(int bits) {
        this.bits = bits;
    }

    void add(NodeId id) {
        if (live.add(id)) {
            dirty = true;
        }
    }

    void remove(NodeId id) {
        if (live.remove(id)) {
            dirty = true;
        }
    }

    /** Number of live nodes. */
    public int liveCount() {
        return live.size();
    }

    /** Whether {@code id} is a live node. */
    public boolean isLive(NodeId id) {
        return live.contains(id);
    }

    /** The {@code k} live ids closest to {@code target}, closest first, leaving out {@code except} (may be null). */
    public List<NodeId> closest(NodeId target, int k, NodeId except) {
        if (dirty) {
            sorted = live.toArray(new NodeId[0]);
            dirty = false;
        }
        List<NodeId> out = new ArrayList<>(k);
        if (k > 0 && sorted.length > 0) {
            collect(target, 0, sorted.length, bits - 1, k, except, out);
        }
        return out;
    }

    private void collect(NodeId target, int lo, int hi, int bit, int k, NodeId except, List<NodeId> out) {
        if (lo >= hi || out.size() >= k) {
            return;
        }
        if (hi - lo <= LEAF || bit < 0) {
            List<NodeId> leaf = new ArrayList<>(hi - lo);
            for (int i = lo; i < hi; i++) {
                if (!sorted[i].equals(except)) {
                    leaf.add(sorted[i]);
                }
            }
            leaf.sort((a, b) -> NodeId.compareDistance(target, a, b));
            for (int i = 0; i < leaf.size() && out.size() < k; i++) {
                out.add(leaf.get(i));
            }
            return;
        }
        int split = firstWithBit(lo, hi, bit);
        if (target.testBit(bit)) {
            collect(target, split, hi, bit - 1, k, except, out);
            collect(target, lo, split, bit - 1, k, except, out);
        } else {
            collect(target, lo, split, bit - 1, k, except, out);
            collect(target, split, hi, bit - 1, k, except, out);
        }
    }

    /** In a sorted range sharing every bit above {@code bit}, the first index whose {@code bit} is set. */
    private int firstWithBit(int lo, int hi, int bit) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (sorted[mid].testBit(bit)) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        return a;
    }
}
