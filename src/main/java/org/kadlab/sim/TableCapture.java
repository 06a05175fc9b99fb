package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;

/**
 * Every node's routing table copied at one moment, with the ground truth of that moment (the live
 * ids, sorted), so that {@link TableHealth} can judge it and the exports can write it on another
 * thread while the simulation runs on.
 *
 * <ol>
 *   <li>{@link #of(Simulation)} (at once) and {@link #copier(Simulation)} (a slice at a time) run on
 *       the simulation's thread and only copy: per node its contacts in bucket order (closest bucket
 *       first), each bucket least recently seen first, as flat arrays (no object per contact).</li>
 *   <li>Everything after that is read-only and may be read from any thread.</li>
 * </ol>
 */
public final class TableCapture {
    private final KeySpace keySpace;
    private final int k;
    private final long time;
    private final List<Table> tables;
    private final NodeId[] liveSorted;

    private TableCapture(KeySpace keySpace, int k, long time, List<Table> tables, NodeId[] liveSorted) {
        this.keySpace = keySpace;
        this.k = k;
        this.time = time;
        this.tables = tables;
        this.liveSorted = liveSorted;
    }

    /**
     * One node's table as copied: contact {@code i} sits in bucket {@code bucket(i)} at LRU position
     * {@code position(i)} (0 = least recently seen); buckets ascend with {@code i}.
     */
    public static final class Table {
        private final NodeId owner;
        private final boolean alive;
        private final NodeId[] contacts;
        private final int[] buckets;
        private final int[] positions;
        private final long[] lastSeen;
        private final int[] failures;

        Table(NodeId owner, boolean alive, NodeId[] contacts, int[] buckets, int[] positions, long[] lastSeen, int[] failures) {
            this.owner = owner;
            this.alive = alive;
            this.contacts = contacts;
            this.buckets = buckets;
            this.positions = positions;
            this.lastSeen = lastSeen;
            this.failures = failures;
        }

        public NodeId owner() {
            return owner;
        }

        /** Whether the owner was live when the table was copied. */
        public boolean alive() {
            return alive;
        }

        /** How many contacts the table held. */
        public int size() {
            return contacts.length;
        }

        public NodeId contact(int i) {
            return contacts[i];
        }

        public int bucket(int i) {
            return buckets[i];
        }

        /** The contact's place in its bucket, 0 = least recently seen. */
        public int position(int i) {
            return positions[i];
        }

        /** When the contact was last heard from (virtual ms). */
        public long lastSeen(int i) {
            return lastSeen[i];
        }

        /** Its failed RPCs in a row; above zero it is stale (flagged, not yet evicted). */
        public int failures(int i) {
            return failures[i];
        }

        /** The index of the first contact in bucket {@code bucket} or above (contacts ascend by bucket). */
        int firstAtOrAbove(int bucket) {
            int lo = 0;
            int hi = buckets.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (buckets[mid] < bucket) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Whether the table holds {@code id} (looked up in its bucket only). */
        public boolean holds(NodeId id) {
            int b = owner.bucketIndex(id);
            if (b < 0) {
                return false;
            }
            for (int i = firstAtOrAbove(b); i < buckets.length && buckets[i] == b; i++) {
                if (contacts[i].equals(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Copies every node's table and the live ids of {@code sim} now, at once (on the simulation's thread). */
    public static TableCapture of(Simulation sim) {
        Copier c = new Copier(sim);
        c.copy(Long.MAX_VALUE);
        return c.result();
    }

    /** A copier that takes the tables of {@code sim} a slice at a time (see {@link Copier}). */
    public static Copier copier(Simulation sim) {
        return new Copier(sim);
    }

    /**
     * Copies the tables a slice at a time, for a network too large to copy within one frame: the
     * live ids and the node list are taken when it starts, the tables node by node in
     * {@link #copy(long)}. Tables copied in different slices may be a few events apart; the owner of
     * the copier restarts it when membership changed meanwhile.
     */
    public static final class Copier {
        private final Simulation sim;
        private final int nodes;
        private final long time;
        private final NodeId[] liveSorted;
        private final List<Table> tables;
        private int next;

        private Copier(Simulation sim) {
            this.sim = sim;
            List<SimNode> all = sim.nodes();
            this.nodes = all.size();
            this.time = sim.now();
            this.tables = new ArrayList<>(nodes);
            NodeId[] live = new NodeId[sim.liveCount()];
            int l = 0;
            for (SimNode n : all) {
                if (n.isAlive() && l < live.length) {
                    live[l++] = n.id();
                }
            }
            liveSorted = Arrays.copyOf(live, l);
            Arrays.sort(liveSorted);
        }

        /** The simulation being copied. */
        public Simulation simulation() {
            return sim;
        }

        /** Copies tables until all are copied or {@code budgetNanos} of real time is spent; returns whether all are. */
        public boolean copy(long budgetNanos) {
            long start = System.nanoTime();
            List<SimNode> all = sim.nodes();
            while (next < nodes) {
                tables.add(TableCapture.copy(all.get(next++)));
                if ((next & 15) == 0 && System.nanoTime() - start >= budgetNanos) {
                    break;
                }
            }
            return next >= nodes;
        }

        /** Whether every table is copied. */
        public boolean isDone() {
            return next >= nodes;
        }

        /** The copy, once {@link #isDone()}. */
        public TableCapture result() {
            if (!isDone()) {
                throw new IllegalStateException("copied " + next + " of " + nodes + " tables so far");
            }
            return new TableCapture(sim.keySpace(), sim.config().kad().k(), time, Collections.unmodifiableList(tables), liveSorted);
        }
    }

    private static Table copy(SimNode n) {
        RoutingTable rt = n.kad().routingTable();
        int size = rt.size();
        NodeId[] contacts = new NodeId[size];
        int[] buckets = new int[size];
        int[] positions = new int[size];
        long[] seen = new long[size];
        int[] failures = new int[size];
        int i = 0;
        for (KBucket b : rt.nonEmptyBuckets()) {
            for (int p = 0; p < b.size() && i < size; p++, i++) {
                contacts[i] = b.contact(p).id();
                buckets[i] = b.index();
                positions[i] = p;
                seen[i] = b.lastSeen(p);
                failures[i] = b.failures(p);
            }
        }
        return new Table(n.id(), n.isAlive(), contacts, buckets, positions, seen, failures);
    }

    public KeySpace keySpace() {
        return keySpace;
    }

    /** The bucket size k of the network. */
    public int k() {
        return k;
    }

    /** The virtual time of the copy, in ms. */
    public long time() {
        return time;
    }

    /** Every node's table, live or crashed, in the order the nodes were added. */
    public List<Table> tables() {
        return tables;
    }

    /** How many nodes were live. */
    public int liveCount() {
        return liveSorted.length;
    }

    /** Whether {@code id} was a live node. */
    public boolean isLive(NodeId id) {
        return Arrays.binarySearch(liveSorted, id) >= 0;
    }

    /** The live ids in ascending order (shared: do not change). */
    NodeId[] liveSorted() {
        return liveSorted;
    }
}
