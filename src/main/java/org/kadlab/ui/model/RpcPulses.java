package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * The RPCs drawn in flight: one {@link RpcPulse} from RpcSent to its answer, then, after a timeout, a
 * fade over {@link #FADE_NANOS} of real time. At most {@link #MAX_PULSES} are kept in flight and as
 * many fading; the oldest in flight gives way first.
 */
public final class RpcPulses {
    /** Most RPC pulses drawn at once. */
    public static final int MAX_PULSES = 300;
    /** How long a timed-out RPC takes to fade, in real ns. */
    public static final long FADE_NANOS = 900_000_000L;
    private final LinkedHashMap<Long, RpcPulse> inFlight = new LinkedHashMap<>();
    private final List<RpcPulse> fading = new ArrayList<>();
    private long realNanos;
    private double legMs = 1;

    /** The RPCs in flight or fading, oldest first (read-only). */
    public Collection<RpcPulse> pulses() {
        List<RpcPulse> all = new ArrayList<>(inFlight.size() + fading.size());
        all.addAll(inFlight.values());
        all.addAll(fading);
        return Collections.unmodifiableList(all);
    }

    /** Whether anything is moving on screen (pulses in flight or fading). */
    public boolean hasMotion() {
        return !inFlight.isEmpty() || !fading.isEmpty();
    }

    /** How long one leg of an RPC is drawn to take, in ms: the network's mean latency. */
    public double legMs() {
        return legMs;
    }

    /** Opacity of a pulse right now (fading after a timeout). */
    public double opacityOf(RpcPulse p) {
        return p.fade(realNanos, FADE_NANOS);
    }

    /** Real nanoseconds that passed, for fades. */
    public long realNanos() {
        return realNanos;
    }

    void useLegMs(double ms) {
        legMs = ms;
    }

    /** Lets {@code elapsedNanos} of real time pass; returns whether anything still fades or just faded out. */
    boolean advance(long elapsedNanos) {
        realNanos += Math.max(0, elapsedNanos);
        boolean removed = fading.removeIf(p -> p.fade(realNanos, FADE_NANOS) <= 0);
        return removed || !fading.isEmpty();
    }

    /** Follows one released event; {@code ours} tells whether an RpcSent belongs to the inspected lookup. */
    void apply(SimEvent e, boolean ours) {
        if (e instanceof SimEvent.RpcSent r) {
            if (inFlight.size() >= MAX_PULSES) {
                Iterator<Long> it = inFlight.keySet().iterator();
                it.next();
                it.remove();
            }
            inFlight.put(r.rpc(), new RpcPulse(r.rpc(), r.from(), r.to(), r.type(), r.time(), ours));
        } else if (e instanceof SimEvent.RpcDelivered d) {
            RpcPulse p = inFlight.get(d.rpc());
            if (p != null) {
                p.delivered(d.time());
            }
        } else if (e instanceof SimEvent.RpcAnswered a) {
            inFlight.remove(a.rpc());
        } else if (e instanceof SimEvent.RpcTimedOut t) {
            RpcPulse p = inFlight.remove(t.rpc());
            if (p != null && fading.size() < MAX_PULSES) {
                p.timedOut(realNanos);
                fading.add(p);
            }
        } else if (e instanceof SimEvent.NodeKilled k) {
            dropFrom(k.node());
        }
    }

    /** Forgets the pulses sent by {@code node} (it crashed). */
    void dropFrom(NodeId node) {
        inFlight.values().removeIf(p -> p.from().equals(node));
    }

    void clear() {
        inFlight.clear();
        fading.clear();
    }
}
