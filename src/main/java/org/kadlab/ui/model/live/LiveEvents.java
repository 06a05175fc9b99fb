package org.kadlab.ui.model.live;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.net.MalformedMessageException;
import org.kadlab.net.WireCodec;
import org.kadlab.net.wire.NodeEvent;
import org.kadlab.sim.SimEvent;

/**
 * Turns the events real nodes stream into the simulator's events, so the views show them unchanged.
 * RPC ids are per requesting node and lookup ids per origin: each (node, id) pair gets one app-wide
 * id, the same whichever node reports it first. Times become ms since the app connected: each node's
 * clock (its own origin) is put on the app's by the offset seen at its first event. A finished
 * user lookup is judged against the ground truth from the ids the app knows (brute force over the
 * live ones). Thread-safe: several streams map at once.
 */
public final class LiveEvents {
    /** Most id pairs remembered for each kind (the oldest are forgotten first). */
    public static final int MAX_REMEMBERED = 50_000;
    private final WireCodec codec;
    private final KeySpace keySpace;
    private final int k;
    private final long originMs;
    private final Supplier<Collection<NodeId>> liveIds;
    private final Map<Pair, Long> rpcIds = bounded();
    private final Map<Pair, Long> lookupIds = bounded();
    private final Map<Long, Pair> lookupOrigins = bounded();
    private final Map<NodeId, Long> droppedByNode = new HashMap<>();
    /** What a progress event says beyond the simulator's twin, until the window takes it (bounded). */
    private final Map<SimEvent.LookupProgressed, Candidate> candidates = bounded();

    /**
     * Where a lookup candidate came from: whose answer introduced it (null: the origin's own table),
     * its depth, the round it was queried in, and the candidates its own answer introduced.
     */
    public record Candidate(NodeId referrer, int depth, int round, List<NodeId> introduced) {
        public Candidate {
            introduced = List.copyOf(introduced);
        }
    }

    /** The candidate details of progress event {@code p}, taken out (null when none were sent). */
    public synchronized Candidate takeCandidate(SimEvent.LookupProgressed p) {
        return candidates.remove(p);
    }
    private final Map<NodeId, Long> clockOffsets = new HashMap<>();
    private long nextRpc = 1;
    private long nextLookup = 1;
    private long malformed;

    private record Pair(NodeId node, long id) {
    }

    /**
     * @param originMs the wall-clock ms the app connected at (time 0 of the mapped events)
     * @param liveIds  the ids of the nodes known to be live now (the ground truth's population)
     */
    public LiveEvents(WireCodec codec, KeySpace keySpace, int k, long originMs, Supplier<Collection<NodeId>> liveIds) {
        this.codec = codec;
        this.keySpace = keySpace;
        this.k = k;
        this.originMs = originMs;
        this.liveIds = liveIds;
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_REMEMBERED;
            }
        };
    }

    /** The app-wide id of lookup {@code nodeLookupId} started by {@code origin}. */
    public synchronized long lookupId(NodeId origin, long nodeLookupId) {
        Pair p = new Pair(origin, nodeLookupId);
        Long id = lookupIds.get(p);
        if (id == null) {
            id = nextLookup++;
            lookupIds.put(p, id);
            lookupOrigins.put(id, p);
        }
        return id;
    }

    private long rpcId(NodeId from, long rpc) {
        return rpcIds.computeIfAbsent(new Pair(from, rpc), p -> nextRpc++);
    }

    /** A time {@code nodeMs} of node {@code node}'s clock in ms since connecting, or {@code fallback} before its first event. */
    public synchronized long appTime(NodeId node, long nodeMs, long fallback) {
        Long offset = clockOffsets.get(node);
        return offset == null ? fallback : nodeMs + offset;
    }

    /** Events the nodes said they dropped for this app (slow reading), all nodes together. */
    public synchronized long droppedByNodes() {
        long sum = 0;
        for (long d : droppedByNode.values()) {
            sum += d;
        }
        return sum;
    }

    /** Events that could not be read (bad ids, unknown kinds), counted and skipped. */
    public synchronized long malformed() {
        return malformed;
    }

    /**
     * The event {@code e} of the stream of node {@code streamNode} as the simulator would have emitted
     * it, or null when it has no such twin (counted when it could not be read).
     */
    public synchronized SimEvent map(NodeId streamNode, NodeEvent e) {
        try {
            if (e.getKind() == NodeEvent.Kind.EVENTS_DROPPED) {
                droppedByNode.merge(streamNode, e.getDropped(), Math::max);
                return null;
            }
            long offset = clockOffsets.computeIfAbsent(streamNode,
                    n -> System.currentTimeMillis() - originMs - e.getTimeMs());
            return convert(e, e.getTimeMs() + offset);
        } catch (MalformedMessageException | IllegalArgumentException ex) {
            malformed++;
            return null;
        }
    }

    private SimEvent convert(NodeEvent e, long t) throws MalformedMessageException {
        switch (e.getKind()) {
            case RPC_SENT -> {
                NodeId from = id(e.getNode());
                return new SimEvent.RpcSent(t, rpcId(from, e.getRpc()), from, id(e.getPeer()), type(e));
            }
            case RPC_DELIVERED -> {
                NodeId from = id(e.getPeer());
                return new SimEvent.RpcDelivered(t, rpcId(from, e.getRpc()), from, id(e.getNode()), type(e));
            }
            case RPC_ANSWERED -> {
                NodeId from = id(e.getNode());
                return new SimEvent.RpcAnswered(t, rpcId(from, e.getRpc()), from, id(e.getPeer()), type(e),
                        e.getAnswer(), e.getCount());
            }
            case RPC_TIMED_OUT -> {
                NodeId from = id(e.getNode());
                return new SimEvent.RpcTimedOut(t, rpcId(from, e.getRpc()), from, id(e.getPeer()), type(e));
            }
            case BUCKET_CHANGED -> {
                return new SimEvent.BucketChanged(t, id(e.getNode()), e.getBucket(), SimEvent.BucketChange.valueOf(e.getChange()),
                        optional(e.getPeer()), optional(e.getOther()));
            }
            case LOOKUP_STARTED -> {
                NodeId origin = id(e.getNode());
                return new SimEvent.LookupStarted(t, lookupId(origin, e.getLookup()), origin, id(e.getKey()),
                        LookupPurpose.valueOf(e.getPurpose()));
            }
            case LOOKUP_PROGRESSED -> {
                SimEvent.LookupProgressed p = new SimEvent.LookupProgressed(t, lookupId(id(e.getNode()), e.getLookup()),
                        id(e.getPeer()), Lookup.CandidateState.valueOf(e.getState()), e.getCount(), e.getIntroduced(),
                        e.getInFlight());
                List<NodeId> introduced = new ArrayList<>();
                for (com.google.protobuf.ByteString b : e.getResultList()) {
                    introduced.add(id(b));
                }
                candidates.put(p, new Candidate(e.getReferrer().isEmpty() ? null : id(e.getReferrer()), e.getDepth(),
                        e.getRound(), introduced));
                return p;
            }
            case LOOKUP_FINISHED -> {
                return finished(e, t);
            }
            case RECORD_STORED -> {
                return new SimEvent.RecordStored(t, id(e.getNode()), id(e.getKey()), optional(e.getPeer()));
            }
            case RECORD_REFUSED -> {
                return new SimEvent.RecordRefused(t, id(e.getNode()), id(e.getKey()), optional(e.getPeer()));
            }
            case RECORD_EXPIRED -> {
                return new SimEvent.RecordExpired(t, id(e.getNode()), id(e.getKey()));
            }
            case RECORD_REPUBLISHED -> {
                return new SimEvent.RecordRepublished(t, id(e.getNode()), id(e.getKey()), e.getOriginal());
            }
            default -> throw new MalformedMessageException("an event of unknown kind " + e.getKindValue());
        }
    }

    private SimEvent finished(NodeEvent e, long t) throws MalformedMessageException {
        NodeId origin = id(e.getNode());
        NodeId target = id(e.getKey());
        LookupPurpose purpose = LookupPurpose.valueOf(e.getPurpose());
        List<NodeId> result = new ArrayList<>(e.getResultCount());
        for (ByteString b : e.getResultList()) {
            result.add(id(b));
        }
        boolean user = purpose == LookupPurpose.FIND_NODE || purpose == LookupPurpose.FIND_VALUE
                || purpose == LookupPurpose.STORE;
        List<NodeId> truth = user ? groundTruth(origin, target) : List.of();
        Boolean exact = user ? result.equals(truth) : null;
        List<NodeId> missed = new ArrayList<>();
        if (user) {
            Set<NodeId> got = new HashSet<>(result);
            for (NodeId n : truth) {
                if (!got.contains(n)) {
                    missed.add(n);
                }
            }
        }
        Boolean found = purpose == LookupPurpose.FIND_VALUE ? e.getFound() : null;
        return new SimEvent.LookupFinished(t, lookupId(origin, e.getLookup()), origin, target, purpose, result,
                e.getHops(), e.getRpcs(), e.getFailures(), found, truth, exact, missed);
    }

    /** The k known live ids closest to {@code target}, other than {@code origin}, closest first (brute force). */
    public List<NodeId> groundTruth(NodeId origin, NodeId target) {
        return closest(liveIds.get(), origin, target, k);
    }

    /** The {@code k} ids of {@code ids} closest to {@code target}, leaving out {@code origin}, closest first. */
    public static List<NodeId> closest(Collection<NodeId> ids, NodeId origin, NodeId target, int k) {
        return ids.stream().filter(id -> !id.equals(origin))
                .sorted(Comparator.comparing(id -> KeySpace.distance(id, target))).limit(k).toList();
    }

    private NodeId id(ByteString b) throws MalformedMessageException {
        return codec.nodeId(b, "event id");
    }

    private NodeId optional(ByteString b) throws MalformedMessageException {
        return b.isEmpty() ? null : id(b);
    }

    private static SimEvent.RpcType type(NodeEvent e) {
        return SimEvent.RpcType.valueOf(e.getRpcType());
    }

    /** The key space the ids belong to. */
    public KeySpace keySpace() {
        return keySpace;
    }
}
