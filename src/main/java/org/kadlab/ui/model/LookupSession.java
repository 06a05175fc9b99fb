package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;

/**
 * An operation the user started (find_node, find_value or store), as the inspector shows it: the
 * live {@link Lookup} state machine (its candidates), the simulator's id for it, how its lookup
 * ended, judged against the ground truth, and the operation's result (value found, acks).
 * {@link #version()} goes up whenever any of that changed, so views redraw only then.
 *
 * <p>It also follows each peer through the lookup's progress events ({@link PeerQueries}): how
 * often it was asked again after a silent peer timeout, and whether its answer came late.
 */
public final class LookupSession {
    private final NodeId origin;
    private final NodeId target;
    private final long startedAt;
    private Lookup lookup;
    private long simId = -1;
    private SimEvent.LookupFinished finished;
    private boolean abandoned;
    private final LookupPurpose purpose;
    private final String key;
    private final String value;
    private OperationRecord record;
    private String failure;
    private NodeId valueFrom;
    private long version;
    /** The settings the lookup ran under, short ("k 4, alpha 3, sliding, loss 0%, seed 1"), or "". */
    private String ranUnder = "";
    /** Whether it ran on a network since replaced (Apply, a preset, a scenario). */
    private boolean earlier;
    /** The queries sent to each peer and the answers that came late. */
    private final PeerQueries queries = new PeerQueries();
    /** The candidates of a lookup run by a real node, from its progress events; null for a simulated one. */
    private LiveCandidates live;
    /** How many ids the ground truth of a live lookup was computed from (0 for a simulated one). */
    private int truthFrom;

    LookupSession(NodeId origin, NodeId target, long startedAt) {
        this(LookupPurpose.FIND_NODE, origin, target, startedAt, null, null);
    }

    LookupSession(LookupPurpose purpose, NodeId origin, NodeId target, long startedAt, String key, String value) {
        this.purpose = purpose;
        this.origin = origin;
        this.target = target;
        this.startedAt = startedAt;
        this.key = key;
        this.value = value;
    }

    /** FIND_NODE, FIND_VALUE or STORE. */
    public LookupPurpose purpose() {
        return purpose;
    }

    /** The value a store stored, or null. */
    public String value() {
        return value;
    }

    /** The user key of a find_value or store, or null. */
    public String key() {
        return key;
    }

    /** The operation's result once it completed, or null. */
    public OperationRecord record() {
        return record;
    }

    /** The node whose answer carried the value (find_value), or null. */
    public NodeId valueFrom() {
        return valueFrom;
    }

    /** Goes up whenever the lookup's candidates, its end or the operation's result changed. */
    public long version() {
        return version;
    }

    /** Whether an RPC of this type belongs to this operation. */
    boolean carries(SimEvent.RpcType type) {
        return switch (purpose) {
            case FIND_VALUE -> type == SimEvent.RpcType.FIND_VALUE;
            case STORE -> type == SimEvent.RpcType.FIND_NODE || type == SimEvent.RpcType.STORE;
            default -> type == SimEvent.RpcType.FIND_NODE;
        };
    }

    /** "find_node 3a1f -> 7f00", "store "greeting" -> key 7f00", ... */
    public String title(KeySpace ks) {
        return switch (purpose) {
            case FIND_VALUE -> "find_value " + IdText.quote(key) + " from " + ks.hex(origin) + " \u2192 key " + ks.hex(target);
            case STORE -> "store " + IdText.quote(key) + " = " + IdText.quote(value) + " from " + ks.hex(origin)
                    + " \u2192 key " + ks.hex(target);
            default -> "find_node " + ks.hex(origin) + " \u2192 " + ks.hex(target);
        };
    }

    /**
     * One line for the list of recent lookups: {@code find_node 555e -> a000 (exact)}; ids longer
     * than 8 hex digits are cut to their first 8, and the state is running, exact, not exact or abandoned.
     */
    public String label(KeySpace ks) {
        String head = switch (purpose) {
            case FIND_VALUE -> "find_value " + IdText.quote(shortKey()) + " ";
            case STORE -> "store " + IdText.quote(shortKey()) + " ";
            default -> "find_node ";
        };
        String state;
        if (abandoned) {
            state = "abandoned";
        } else if (finished != null) {
            state = Boolean.TRUE.equals(finished.exact()) ? "exact" : "not exact";
        } else if (lookup == null && live == null) {
            state = failure != null ? "failed" : record != null ? "done" : "nobody to ask";
        } else {
            state = "running";
        }
        return head + shortHex(ks, origin) + " -> " + shortHex(ks, target) + " (" + state + ")"
                + (ranUnder.isEmpty() ? "" : " \u00b7 " + ranUnder) + (earlier ? " \u00b7 earlier network" : "");
    }

    private String shortKey() {
        return key == null ? "" : key.length() > 16 ? key.substring(0, 15) + "\u2026" : key;
    }

    private static String shortHex(KeySpace ks, NodeId id) {
        String h = ks.hex(id);
        return h.length() > 8 ? h.substring(0, 8) + "\u2026" : h;
    }

    /** The operation's result in one sentence, or null while it runs (see {@link OperationResultText}). */
    public String result(KeySpace ks) {
        return OperationResultText.of(this, failure, ks);
    }

    void completed(OperationRecord r, Throwable error) {
        this.record = r;
        if (r != null && r.valueFrom() != null) {
            valueFrom = r.valueFrom(); // the record knows whose answer carried the value
        }
        this.failure = error == null ? null : String.valueOf(error.getCause() != null ? error.getCause().getMessage() : error.getMessage());
        version++;
    }

    void valueFrom(NodeId node) {
        if (valueFrom == null) {
            valueFrom = node;
            version++;
        }
    }

    /** Follows one progress event of this lookup (see {@link PeerQueries#progressed}). */
    void progressed(SimEvent.LookupProgressed p, long peerTimeoutMs) {
        queries.progressed(p, peerTimeoutMs);
        if (live != null) {
            live.progressed(p);
        }
        version++;
    }

    /** A live lookup's candidate: where it came from, and whom its answer introduced. */
    void candidateDetail(SimEvent.LookupProgressed p, org.kadlab.ui.model.live.LiveEvents.Candidate detail) {
        if (live != null && detail != null) {
            live.detail(p.peer(), detail);
            version++;
        }
    }

    /** How often the lookup asked {@code peer} again after a silent peer timeout (0 if never, or not asked at all). */
    public int resends(NodeId peer) {
        return queries.resends(peer);
    }

    /** Whether {@code peer} answered after the lookup had marked it unresponsive (its answer still counted). */
    public boolean answeredLate(NodeId peer) {
        return queries.answeredLate(peer);
    }

    /** The queries sent to each peer, for the captions. */
    PeerQueries queries() {
        return queries;
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

    /** The lookup's state now, copied, or null when the origin had nobody to ask. */
    public LookupSnapshot lookup() {
        return lookup == null ? null : LookupSnapshot.of(lookup);
    }

    /** The lookup state machine itself, for the view models that step it, or null. */
    Lookup liveLookup() {
        return lookup;
    }

    /** Whether the origin had somebody to ask (a lookup runs or ran). */
    public boolean hasLookup() {
        return lookup != null || live != null;
    }

    /** Whether a real node runs it: its candidates come from the node's progress events. */
    public boolean isLive() {
        return live != null;
    }

    /** A real node runs it: follow its candidates through its progress events from now on. */
    void followLive() {
        if (live == null) {
            live = new LiveCandidates();
            version++;
        }
    }

    /** The ground truth of this live lookup was computed from {@code ids} known ids. */
    void truthFrom(int ids) {
        truthFrom = ids;
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

    /** The settings it ran under, short, or "" when not known. */
    public String ranUnder() {
        return ranUnder;
    }

    /** Whether it ran on a network the window has since replaced. */
    public boolean isFromEarlierNetwork() {
        return earlier;
    }

    void ranUnder(String settings) {
        ranUnder = settings == null ? "" : settings;
    }

    /** The network it ran on was replaced: it is kept for the history, and ended if it still ran. */
    void retire() {
        earlier = true;
        if (!isOver()) {
            abandoned = true;
        }
        version++;
    }

    /** Whether it is over: finished or abandoned. */
    public boolean isOver() {
        return finished != null || abandoned;
    }

    /**
     * Follows {@code l} from now on; the queries it sent before (the first ones go out as it starts,
     * before the session knows its id) count as each peer's first query.
     */
    void attach(Lookup l) {
        this.lookup = l;
        queries.sentBefore(l);
        version++;
    }

    void started(long id) {
        this.simId = id;
        version++;
    }

    void finish(SimEvent.LookupFinished f) {
        this.finished = f;
        version++;
    }

    void abandon() {
        this.abandoned = true;
        version++;
    }

    /** The candidates as inspector rows, closest to the target first. */
    public List<CandidateRow> rows(NetworkModel net) {
        Set<NodeId> truth = finished == null ? Set.of() : new HashSet<>(finished.truth());
        if (lookup == null && live != null) {
            return live.rows(net, target, net.k(), truth, isOver(), this);
        }
        if (lookup == null) {
            return new ArrayList<>();
        }
        KeySpace ks = net.keySpace();
        CandidateRows rows = new CandidateRows(net, target, lookup.k(), truth, isOver(), this);
        for (Lookup.Candidate c : lookup.candidates()) {
            rows.add(c.contact().id(), c.state(), c.referrer() == null ? "own table" : ks.hex(c.referrer().id()), c.depth(),
                    c.round());
        }
        return rows.rows();
    }

    /** One line on how the lookup ended, or how far it is. */
    public String summary(NetworkModel net) {
        KeySpace ks = net.keySpace();
        // the settings are in the list's label; the summary repeats them only for a lookup of an earlier network
        String under = ranUnder.isEmpty() || !earlier ? "" : " Ran under " + ranUnder + ", on an earlier network.";
        if (abandoned) {
            return (earlier ? "Interrupted: the network was replaced before the lookup ended." : "Abandoned: the origin "
                    + ks.hex(origin) + " crashed before the lookup ended.") + under;
        }
        if (live != null && finished == null) {
            return failure != null ? "Failed: " + failure + "." : "Running on the live network: " + live.queriesSent()
                    + " RPCs sent, " + live.inFlight() + " in flight.";
        }
        if (lookup == null && finished == null) {
            return "Nothing to ask: " + ks.hex(origin) + " has no contacts.";
        }
        if (finished == null) {
            return "Running" + (lookup.mode() != org.kadlab.kad.LookupMode.SLIDING ? " round " + lookup.round() : "")
                    + ": " + lookup.queriesSent() + " RPCs sent, " + lookup.inFlight() + " in flight (limit "
                    + lookup.inFlightLimit() + ")" + (lookup.isStalled() ? ", stalled" : "") + "." + queries.slowness(lookup);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Finished in ").append(finished.time() - startedAt).append(" ms: ")
                .append(finished.hops()).append(finished.hops() == 1 ? " hop, " : " hops, ")
                .append(finished.rpcs()).append(" RPCs, ").append(finished.failures() - PeerQueries.slowCount(lookup))
                .append(" failed.").append(queries.slowness(lookup)).append(' ');
        String verdict = verdict(ks);
        if (truthFrom > 0) {
            verdict += " (Ground truth from the " + truthFrom + " ids known.)";
        }
        return sb.append(verdict).append(under).toString();
    }

    private String verdict(KeySpace ks) {
        StringBuilder sb = new StringBuilder();
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
