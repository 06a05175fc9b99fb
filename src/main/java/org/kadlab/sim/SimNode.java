package org.kadlab.sim;

import org.kadlab.kad.Contact;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadTransport;
import org.kadlab.kad.NodeId;

/**
 * One node of the simulated network: a real {@link KadNode} plus what the simulator knows about it
 * (alive or crashed, which side of a partition). It is also the node's transport endpoint: every
 * request it sends goes through the simulator's latency, loss and partition model.
 */
public final class SimNode implements KadTransport {
    private final SimTransport transport;
    private final int index;
    private KadNode kad;
    boolean alive = true;
    int livePos = -1;
    int side = 2; // partition side: 1 = side A, 2 = everyone else
    int epoch; // incremented at each crash
    /** When the node's lookups are next to be woken for a peer timeout, and the timer's generation. */
    long wakeAt = Long.MAX_VALUE;
    int wakeGeneration;
    long maintenanceAt = Long.MAX_VALUE;
    int maintenanceGeneration;
    boolean touched;
    /** Whether the node's join (its bootstrap, refreshes included) is still under way. */
    boolean joining;

    SimNode(SimTransport transport, int index) {
        this.transport = transport;
        this.index = index;
    }

    void attach(KadNode node) {
        this.kad = node;
    }

    /** Whether the node is alive and its join (self-lookup and refreshes) has not finished yet. */
    public boolean isJoining() {
        return joining && alive;
    }

    /** The Kademlia node (read its routing table and records; drive it only through the simulation). */
    public KadNode kad() {
        return kad;
    }

    public NodeId id() {
        return kad.id();
    }

    public Contact contact() {
        return kad.self();
    }

    /** Whether the node is running (not crashed). */
    public boolean isAlive() {
        return alive;
    }

    /** The order in which the node was added, from 0. */
    public int index() {
        return index;
    }

    @Override
    public void send(Contact target, KadRequest request, ResponseHandler handler) {
        transport.send(this, target, request, handler);
    }

    @Override
    public String toString() {
        return "sim " + kad;
    }
}
