package org.kadlab.ui.model;

import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * One RPC drawn on the ID ring: it travels from the querier to the peer, and after delivery back;
 * a timeout turns it into a fading mark. Positions come from the display clock, so pausing freezes it.
 */
public final class RpcPulse {
    /** Where an RPC is in its life. */
    public enum Phase { OUTBOUND, INBOUND, TIMED_OUT }

    private final long rpc;
    private final NodeId from;
    private final NodeId to;
    private final SimEvent.RpcType type;
    private final long sentAt;
    private final boolean ofSelectedLookup;
    private long deliveredAt = -1;
    private Phase phase = Phase.OUTBOUND;
    private long fadeStartNanos;

    public RpcPulse(long rpc, NodeId from, NodeId to, SimEvent.RpcType type, long sentAt, boolean ofSelectedLookup) {
        this.rpc = rpc;
        this.from = from;
        this.to = to;
        this.type = type;
        this.sentAt = sentAt;
        this.ofSelectedLookup = ofSelectedLookup;
    }

    public long rpc() {
        return rpc;
    }

    public NodeId from() {
        return from;
    }

    public NodeId to() {
        return to;
    }

    public SimEvent.RpcType type() {
        return type;
    }

    public Phase phase() {
        return phase;
    }

    /** Whether this RPC is a query of the lookup shown in the inspector. */
    public boolean ofSelectedLookup() {
        return ofSelectedLookup;
    }

    void delivered(long time) {
        deliveredAt = time;
        phase = Phase.INBOUND;
    }

    void timedOut(long realNanos) {
        phase = Phase.TIMED_OUT;
        fadeStartNanos = realNanos;
    }

    /**
     * How far along its current leg the pulse is, in [0, 1]: 0 at the leg's start (the querier
     * when outbound, the peer when inbound); a timed-out pulse sits at the peer.
     */
    public double progress(double displayTime, double legMs) {
        if (phase == Phase.TIMED_OUT) {
            return 1.0;
        }
        long start = phase == Phase.OUTBOUND ? sentAt : deliveredAt;
        double p = (displayTime - start) / Math.max(1.0, legMs);
        return Math.max(0.0, Math.min(0.95, p));
    }

    /** Opacity of a timed-out pulse: 1 when it timed out, 0 after {@code fadeNanos} of real time. */
    public double fade(long realNanos, long fadeNanos) {
        if (phase != Phase.TIMED_OUT) {
            return 1.0;
        }
        return Math.max(0.0, 1.0 - (double) (realNanos - fadeStartNanos) / fadeNanos);
    }
}
