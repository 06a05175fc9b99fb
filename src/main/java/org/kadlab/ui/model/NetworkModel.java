package org.kadlab.ui.model;

import java.util.List;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/**
 * The network as the views see it, read-only: its nodes and their liveness, their routing tables,
 * the protocol settings and the time. A simulation feeds it today ({@link SimulationNetwork}); a
 * live network of real nodes can feed it later without a view changing. Views never reach past it.
 */
public interface NetworkModel {
    /** The id space (bits, parsing and printing of ids). */
    KeySpace keySpace();

    /** Bucket size and lookup width. */
    int k();

    /** Parallel queries per lookup. */
    int alpha();

    /** How lookups pace their queries. */
    LookupMode lookupMode();

    /** The network's time now, in ms (virtual for a simulation). */
    long now();

    /** Every node known, in the order they joined (read-only). */
    List<NodeId> nodeIds();

    /** How many nodes are known, live or not. */
    default int nodeCount() {
        return nodeIds().size();
    }

    /** How many nodes are live. */
    int liveCount();

    /** Whether a node with this id is known. */
    boolean contains(NodeId id);

    /** Whether the node with this id is known and live. */
    boolean isAlive(NodeId id);

    /** A copy of the node's routing table as it is now, or null for an unknown node. */
    TableSnapshot table(NodeId id);

    /** The node's routing-table contacts, farthest bucket first, or an empty list for an unknown node. */
    List<NodeId> contactIds(NodeId id);

    /** The judged lookups so far, summarised. */
    StatsSnapshot stats();

    /** How long one leg of an RPC takes on average, in ms (for drawing pulses). */
    double meanLatencyMs();
}
