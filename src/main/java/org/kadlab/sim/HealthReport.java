package org.kadlab.sim;

import java.util.List;
import org.kadlab.kad.NodeId;

/**
 * How healthy the routing tables of a network's live nodes are at one moment, as
 * {@link TableHealth} judged them against the ground truth: per node and summed over the network.
 *
 * @param time             virtual time of the copy judged, in ms
 * @param bits             width of the key space
 * @param k                bucket size
 * @param liveNodes        live nodes N (only their tables are judged)
 * @param expectedContacts contacts one node is expected to hold with N random ids: the sum over its
 *                         buckets of {@link TableHealth#expectedFill}
 * @param contacts         contacts held by all live nodes
 * @param possible         contacts all live nodes could hold: per bucket min(k, live nodes in its range)
 * @param stale            contacts flagged stale (their last RPCs failed), over all live nodes
 * @param dead             contacts that are not live nodes, over all live nodes
 * @param emptyButShould   empty buckets whose range holds a live node, over all live nodes
 * @param knowingClosest   live nodes whose table holds all of their min(k, N - 1) closest live peers
 * @param nodes            one row per live node, in the order the nodes were added
 */
public record HealthReport(long time, int bits, int k, int liveNodes, double expectedContacts, long contacts,
                           long possible, long stale, long dead, long emptyButShould, int knowingClosest,
                           List<NodeHealth> nodes) {
    /** The share of nodes that know all k of their closest live peers, as probe-lab measured on IPFS (61%). */
    public static final double IPFS_CLOSEST_SHARE = 0.61;

    public HealthReport {
        nodes = List.copyOf(nodes);
    }

    /**
     * One live node's table.
     *
     * @param id             the node
     * @param contacts       contacts it holds
     * @param possible       contacts it could hold: per bucket min(k, live nodes in the bucket's range)
     * @param stale          contacts flagged stale
     * @param dead           contacts that are not live
     * @param emptyButShould empty buckets whose range holds a live node
     * @param closestKnown   how many of its closest live peers it holds
     * @param closestWanted  how many closest live peers there are to know: min(k, N - 1)
     */
    public record NodeHealth(NodeId id, int contacts, int possible, int stale, int dead, int emptyButShould,
                             int closestKnown, int closestWanted) {
        /** Whether it holds every one of its closest live peers. */
        public boolean knowsAllClosest() {
            return closestKnown == closestWanted;
        }
    }

    /**
     * One bucket of one node.
     *
     * @param index       bucket i: contacts at XOR distance [2^i, 2^(i+1))
     * @param contacts    contacts it holds
     * @param expected    {@link TableHealth#expectedFill} for this network's size
     * @param liveInRange live nodes whose id falls in its range (the ground truth)
     * @param possible    min(k, liveInRange): what it could hold
     * @param stale       contacts flagged stale
     * @param dead        contacts that are not live
     */
    public record BucketHealth(int index, int contacts, double expected, int liveInRange, int possible, int stale, int dead) {
        /** Whether it is empty although a live node's id falls in its range. */
        public boolean emptyButShould() {
            return contacts == 0 && liveInRange > 0;
        }
    }

    /** Mean contacts per live node (0 with no live node). */
    public double meanContacts() {
        return liveNodes == 0 ? 0 : (double) contacts / liveNodes;
    }

    /** Mean contacts a live node could hold in this network. */
    public double meanPossible() {
        return liveNodes == 0 ? 0 : (double) possible / liveNodes;
    }

    /** Stale contacts over all contacts (0 when none is held). */
    public double staleShare() {
        return contacts == 0 ? 0 : (double) stale / contacts;
    }

    /** Dead contacts over all contacts (0 when none is held). */
    public double deadShare() {
        return contacts == 0 ? 0 : (double) dead / contacts;
    }

    /** Live nodes that know all their closest live peers, over all live nodes (0 with none). */
    public double closestShare() {
        return liveNodes == 0 ? 0 : (double) knowingClosest / liveNodes;
    }

    /** How many live nodes have at least one empty bucket whose range holds a live node. */
    public int nodesWithEmptyButShould() {
        int n = 0;
        for (NodeHealth h : nodes) {
            if (h.emptyButShould() > 0) {
                n++;
            }
        }
        return n;
    }
}
