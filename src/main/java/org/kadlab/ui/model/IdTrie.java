package org.kadlab.ui.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kadlab.kad.NodeId;

/**
 * The binary trie of the id space as seen from one node (the paper's Figure 1), ready to draw: the
 * path of the node's id from the root, and at each depth d the sibling subtree hanging off it, which
 * is exactly the node's k-bucket {@code bits - 1 - d} (ids sharing its first d bits and differing at
 * the next). Each subtree lists the nodes in it as leaves, the node's contacts marked.
 *
 * <p>Bounded at any width: levels are shown down to the deepest subtree that holds a node, plus one
 * level; the rest of the path (all empty subtrees) is only counted, never listed. A subtree lists at
 * most {@link #MAX_LEAVES} leaves (contacts first) and counts the others.
 *
 * @param bits         the width of the ids
 * @param owner        whose trie it is
 * @param k            bucket capacity
 * @param levels       the shown levels, from the root down (depth 0 first)
 * @param hiddenLevels how many deeper levels (all with empty subtrees) are folded into one marker
 */
public record IdTrie(int bits, NodeId owner, int k, List<Level> levels, int hiddenLevels) {
    /** Most leaves listed in one subtree. */
    public static final int MAX_LEAVES = 160;

    public IdTrie {
        levels = List.copyOf(levels);
    }

    /**
     * One depth of the trie: the owner's bit there (which way its path goes) and the sibling subtree.
     *
     * @param depth      how many leading bits the subtree shares with the owner
     * @param bucket     the bucket the subtree is: bits - 1 - depth
     * @param ownerBit   the owner's bit at this depth (its path goes this way; the subtree the other)
     * @param prefix     the subtree's id prefix, depth + 1 bits ("1", "01", ...)
     * @param share      the subtree's share of the id space, 2^-(depth+1)
     * @param held       how many contacts the owner's bucket holds
     * @param leaves     the nodes in the subtree (live nodes, and contacts even if down), by id
     * @param moreLeaves nodes in the subtree not listed (past {@link #MAX_LEAVES})
     */
    public record Level(int depth, int bucket, boolean ownerBit, String prefix, double share, int held, List<Leaf> leaves,
                        int moreLeaves) {
        public Level {
            leaves = List.copyOf(leaves);
        }

        /** How many nodes lie in the subtree, listed or not. */
        public int nodes() {
            return leaves.size() + moreLeaves;
        }
    }

    /**
     * A node in a subtree.
     *
     * @param id      the node's id
     * @param offset  where it sits inside its subtree's block of ids, in [0, 1)
     * @param contact whether the owner's bucket holds it
     * @param alive   whether it is live
     */
    public record Leaf(NodeId id, double offset, boolean contact, boolean alive) {
    }

    /** Whether the path reaches the owner's own leaf (no levels were folded). */
    public boolean reachesOwner() {
        return hiddenLevels == 0;
    }

    /** The level whose subtree is bucket {@code index}, or null when it is folded away. */
    public Level level(int index) {
        int depth = bits - 1 - index;
        return depth >= 0 && depth < levels.size() ? levels.get(depth) : null;
    }

    /** The trie of {@code owner} in {@code net}, or null when the network does not know it. */
    public static IdTrie of(NodeId owner, NetworkModel net) {
        TableSnapshot table = net.table(owner);
        if (table == null) {
            return null;
        }
        int bits = net.keySpace().bits();
        Set<NodeId> contacts = new HashSet<>(table.contactIds());
        Map<Integer, List<Leaf>> byBucket = new HashMap<>();
        int deepest = -1;
        for (NodeId n : net.nodeIds()) {
            boolean contact = contacts.contains(n);
            boolean alive = net.isAlive(n);
            if (n.equals(owner) || !(alive || contact)) {
                continue;
            }
            int bucket = owner.bucketIndex(n);
            deepest = Math.max(deepest, bits - 1 - bucket);
            List<Leaf> list = byBucket.computeIfAbsent(bucket, b -> new ArrayList<>());
            list.add(new Leaf(n, offset(n, bucket), contact, alive));
        }
        int shown = Math.min(bits, Math.max(1, deepest + 2)); // the deepest non-empty subtree, plus one level
        List<Level> levels = new ArrayList<>(shown);
        StringBuilder path = new StringBuilder();
        for (int d = 0; d < shown; d++) {
            int bucket = bits - 1 - d;
            boolean bit = owner.testBit(bucket);
            String prefix = path + (bit ? "0" : "1");
            path.append(bit ? '1' : '0');
            List<Leaf> leaves = byBucket.getOrDefault(bucket, List.of());
            int over = 0;
            if (leaves.size() > MAX_LEAVES) {
                List<Leaf> kept = new ArrayList<>(leaves);
                kept.sort(Comparator.comparing((Leaf l) -> !l.contact())); // contacts first
                over = kept.size() - MAX_LEAVES;
                leaves = kept.subList(0, MAX_LEAVES);
            }
            List<Leaf> sorted = new ArrayList<>(leaves);
            sorted.sort(Comparator.comparingDouble(Leaf::offset));
            levels.add(new Level(d, bucket, bit, prefix, RingGeometry.bucketShare(bucket, bits), table.bucket(bucket).size(),
                    sorted, over));
        }
        return new IdTrie(bits, owner, table.k(), levels, bits - shown);
    }

    /** Where {@code id} sits inside the block of bucket {@code index}: its low {@code index} bits as a fraction. */
    static double offset(NodeId id, int index) {
        if (index == 0) {
            return 0;
        }
        BigInteger low = id.toBigInteger().and(BigInteger.ONE.shiftLeft(index).subtract(BigInteger.ONE));
        return Math.min(Math.scalb(low.doubleValue(), -index), Math.nextDown(1.0));
    }
}
