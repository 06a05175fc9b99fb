package org.kadlab.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.Simulation;

/**
 * A find_node the user started, as the inspector shows it: the live {@link Lookup} state machine
 * (its candidates), the simulator's id for it, and how it ended, judged against the ground truth.
 */
public final class LookupSession {
    private final NodeId origin;
    private final NodeId target;
    private final long startedAt;
    private Lookup lookup;
    private long simId = -1;
    private SimEvent.LookupFinished finished;
    private boolean abandoned;

    LookupSession(NodeId origin, NodeId target, long startedAt) {
        this.origin = origin;
        this.target = target;
        this.startedAt = startedAt;
    }

    public NodeId origin() {
        return origin;
    }

    public NodeId target() {
        return target;
    }

    public long startedAt() {
        return startedAt;
    }

    /** The lookup state machine, or null when the origin had nobody to ask. */
    public Lookup lookup() {
        return lookup;
    }

    /** The simulator's id of this lookup (as in its events), or -1 before it started. */
    public long simId() {
        return simId;
    }

    /** How it ended (once the display clock reached its end), or null while it runs. */
    public SimEvent.LookupFinished finished() {
        return finished;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** Whether it is over: finished or abandoned. */
    public boolean isOver() {
        return finished != null || abandoned;
    }

    void attach(Lookup l) {
        this.lookup = l;
    }

    void started(long id) {
        this.simId = id;
    }

    void finish(SimEvent.LookupFinished f) {
        this.finished = f;
    }

    void abandon() {
        this.abandoned = true;
    }

    /** The candidates as inspector rows, closest to the target first. */
    public List<CandidateRow> rows(Simulation sim) {
        List<CandidateRow> out = new ArrayList<>();
        if (lookup == null) {
            return out;
        }
        KeySpace ks = sim.keySpace();
        int k = lookup.k();
        Set<NodeId> truth = finished == null ? Set.of() : new HashSet<>(finished.truth());
        int usable = 0;
        int rank = 0;
        for (Lookup.Candidate c : lookup.candidates()) {
            NodeId id = c.contact().id();
            Lookup.CandidateState s = c.state();
            boolean usableNow = s != Lookup.CandidateState.FAILED && s != Lookup.CandidateState.UNRESPONSIVE;
            boolean inK = usableNow && usable < k;
            if (usableNow) {
                usable++;
            }
            NodeId d = id.xor(target);
            String referrer = c.referrer() == null ? "own table" : ks.hex(c.referrer().id());
            var node = sim.node(id);
            out.add(new CandidateRow(++rank, id, ks.hex(id), ks.binary(id), ks.bits() - d.bitLength(), ks.hex(d), s,
                    referrer, c.depth(), inK, truth.contains(id), node != null && node.isAlive()));
        }
        return out;
    }

    /** One line on how the lookup ended, or how far it is. */
    public String summary(Simulation sim) {
        KeySpace ks = sim.keySpace();
        if (abandoned) {
            return "Abandoned: the origin " + ks.hex(origin) + " crashed before the lookup ended.";
        }
        if (lookup == null && finished == null) {
            return "Nothing to ask: " + ks.hex(origin) + " has no contacts.";
        }
        if (finished == null) {
            return "Running: " + lookup.queriesSent() + " RPCs sent, " + lookup.inFlight() + " in flight (limit "
                    + lookup.inFlightLimit() + ")" + (lookup.isStalled() ? ", stalled" : "") + ".";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Finished in ").append(finished.time() - startedAt).append(" ms: ")
                .append(finished.hops()).append(finished.hops() == 1 ? " hop, " : " hops, ")
                .append(finished.rpcs()).append(" RPCs, ").append(finished.failures()).append(" failed. ");
        if (Boolean.TRUE.equals(finished.exact())) {
            sb.append("Exact: found the true ").append(finished.truth().size()).append(" closest.");
        } else {
            List<String> missed = new ArrayList<>();
            for (NodeId m : finished.missed()) {
                missed.add(ks.hex(m));
            }
            if (missed.isEmpty()) {
                sb.append("Not exact: same nodes in another order or fewer than k.");
            } else {
                sb.append("Missed ").append(missed.size()).append(" of the true ").append(finished.truth().size())
                        .append(" closest: ").append(String.join(", ", missed)).append('.');
            }
        }
        return sb.toString();
    }
}
