package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * Who is in the network: every node ever added in order, the index by id, the live nodes (for
 * uniform random picks in O(1)) and the ground truth, which holds exactly the live ids.
 */
final class Roster {
    private final KeySpace keySpace;
    private final SplittableRandom random;
    private final GroundTruth truth;
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<SimNode> nodesView = Collections.unmodifiableList(nodes);
    private final Map<NodeId, SimNode> byId = new HashMap<>();
    /** The same nodes by their own contact instance: every message names one, and no id is read to find it. */
    private final Map<Contact, SimNode> byContact = new java.util.IdentityHashMap<>();
    private final List<SimNode> live = new ArrayList<>();

    Roster(KeySpace keySpace, SplittableRandom random) {
        this.keySpace = keySpace;
        this.random = random;
        this.truth = new GroundTruth(keySpace.bits());
    }

    GroundTruth truth() {
        return truth;
    }

    /** Every node ever added, read-only. */
    List<SimNode> nodes() {
        return nodesView;
    }

    int size() {
        return nodes.size();
    }

    SimNode node(NodeId id) {
        return byId.get(id);
    }

    /** The node {@code c} names: by the contact instance itself when it is the node's own, else by id. */
    SimNode node(Contact c) {
        SimNode n = byContact.get(c);
        return n != null ? n : byId.get(c.id());
    }

    boolean contains(NodeId id) {
        return byId.containsKey(id);
    }

    int liveCount() {
        return live.size();
    }

    /** A snapshot of the live nodes, in their current order. */
    List<SimNode> liveSnapshot() {
        return new ArrayList<>(live);
    }

    /** Whether the key space still has an id no node has. */
    boolean hasFreeId() {
        return keySpace.bits() >= 63 || nodes.size() < (1L << keySpace.bits());
    }

    /** Registers a new live node. */
    void add(SimNode node) {
        nodes.add(node);
        byId.put(node.id(), node);
        byContact.put(node.contact(), node);
        markLive(node);
    }

    /** A random id no node has yet. */
    NodeId freshId() {
        if (!hasFreeId()) {
            throw new IllegalStateException("the " + keySpace.bits() + "-bit key space has no free id left");
        }
        NodeId id;
        do {
            id = keySpace.randomId(random);
        } while (byId.containsKey(id));
        return id;
    }

    /**
     * A random id no node has yet in bucket {@code index} of {@code local}, drawn from {@code random};
     * null when every id of that range is taken.
     */
    NodeId freshIdInBucket(NodeId local, int index, java.util.random.RandomGenerator random) {
        if (index < 62) {
            long taken = 0;
            for (SimNode n : nodes) {
                taken += local.bucketIndex(n.id()) == index ? 1 : 0;
            }
            if (taken >= 1L << index) {
                return null;
            }
        }
        NodeId id;
        do {
            id = keySpace.randomIdInBucket(local, index, random);
        } while (byId.containsKey(id));
        return id;
    }

    /** A live node chosen uniformly at random, or null if none is alive. */
    SimNode randomLive() {
        return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
    }

    /** A live node chosen at random other than {@code except}, or null. */
    SimNode randomLiveOtherThan(SimNode except) {
        if (live.isEmpty() || (live.size() == 1 && live.get(0) == except)) {
            return null;
        }
        SimNode n;
        do {
            n = live.get(random.nextInt(live.size()));
        } while (n == except);
        return n;
    }

    void markLive(SimNode n) {
        n.livePos = live.size();
        live.add(n);
        truth.add(n.id());
    }

    void unmarkLive(SimNode n) {
        int pos = n.livePos;
        SimNode last = live.remove(live.size() - 1);
        if (last != n) {
            live.set(pos, last);
            last.livePos = pos;
        }
        n.livePos = -1;
        truth.remove(n.id());
    }
}
