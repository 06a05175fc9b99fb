package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/** Small networks and brute-force oracles shared by the simulator tests. */
final class SimFixture {
    private SimFixture() {
    }

    static KadConfig kad(int bits, int k, int alpha) {
        return KadConfig.builder().bits(bits).k(k).alpha(alpha).build();
    }

    static KadConfig kad(int bits, int k, int alpha, LookupMode mode) {
        return KadConfig.builder().bits(bits).k(k).alpha(alpha).lookupMode(mode).build();
    }

    static SimConfig config(long seed, KadConfig kad) {
        return SimConfig.defaults().withKad(kad).withSeed(seed);
    }

    /** A simulation whose {@code n} nodes joined one at a time, each waiting for the previous join. */
    static Simulation joined(SimConfig config, int n) {
        Simulation sim = new Simulation(config);
        for (int i = 0; i < n; i++) {
            sim.addNode();
            sim.runUntilIdle();
        }
        return sim;
    }

    /** The k live ids closest to {@code target} other than {@code except}, by sorting every live id. */
    static List<NodeId> bruteForceClosest(Simulation sim, NodeId target, int k, NodeId except) {
        List<NodeId> live = new ArrayList<>();
        for (SimNode n : sim.nodes()) {
            if (n.isAlive() && !n.id().equals(except)) {
                live.add(n.id());
            }
        }
        return bruteForceClosest(live, target, k);
    }

    static List<NodeId> bruteForceClosest(List<NodeId> ids, NodeId target, int k) {
        List<NodeId> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparing(id -> id.xor(target).toBigInteger()));
        return new ArrayList<>(sorted.subList(0, Math.min(k, sorted.size())));
    }

    /** Whether {@code ids} are in strictly increasing XOR distance to {@code target}. */
    static boolean sortedByDistance(List<NodeId> ids, NodeId target) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i - 1).xor(target).toBigInteger().compareTo(ids.get(i).xor(target).toBigInteger()) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A listener that keeps every event. */
    static final class Recorder implements SimListener {
        final List<SimEvent> events = new ArrayList<>();

        @Override
        public void onEvent(SimEvent event) {
            events.add(event);
        }

        <T extends SimEvent> List<T> of(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (SimEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
            return out;
        }

        void clear() {
            events.clear();
        }
    }
}
