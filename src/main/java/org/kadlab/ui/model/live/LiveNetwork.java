package org.kadlab.ui.model.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.net.MalformedMessageException;
import org.kadlab.net.WireCodec;
import org.kadlab.net.wire.Bucket;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.TableContact;
import org.kadlab.net.wire.TableReply;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.NetworkModel;
import org.kadlab.ui.model.StatsSnapshot;
import org.kadlab.ui.model.TableSnapshot;

/**
 * The {@link NetworkModel} of a live network: the nodes the last crawl found (in the order found,
 * a node once known stays known), whether each answered, their routing tables as they sent them,
 * and the user lookups judged against the ground truth from the ids known. Read and updated on the
 * window's thread: {@link #update} takes a crawl, {@link #observe} an event.
 */
public final class LiveNetwork implements NetworkModel {
    private static final int MAX_RTT_SAMPLES = 256;
    private final LiveConnection connection;
    private final WireCodec codec;
    private final List<NodeId> ids = new ArrayList<>();
    private final List<NodeId> idsView = Collections.unmodifiableList(ids);
    private final Map<NodeId, LiveCrawler.Seen> nodes = new HashMap<>();
    private final Map<NodeId, TableSnapshot> tables = new HashMap<>();
    private final Map<Long, Long> sentAt = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > 10_000;
        }
    };
    private List<LiveCrawler.Seen> shown = List.of();
    private int live;
    private long judged;
    private long exact;
    private double hopsSum;
    private double rpcsSum;
    private double recallSum;
    private long findValues;
    private long found;
    private final java.util.ArrayDeque<int[]> recent = new java.util.ArrayDeque<>();
    private double legMs = 50;
    private int legSamples;

    public LiveNetwork(LiveConnection connection) {
        this.connection = connection;
        this.codec = new WireCodec(connection.keySpace());
        update(connection.latest());
    }

    /** Takes the nodes of a crawl; returns whether anything the views show changed. */
    public boolean update(List<LiveCrawler.Seen> seen) {
        if (seen == shown) {
            return false;
        }
        shown = seen;
        int alive = 0;
        for (LiveCrawler.Seen s : seen) {
            LiveCrawler.Seen was = nodes.put(s.id(), s);
            if (was == null) {
                ids.add(s.id());
            }
            if (was == null || was.table() != s.table()) {
                tables.remove(s.id());
            }
            alive += s.alive() ? 1 : 0;
        }
        live = alive;
        return true;
    }

    /** Follows one event: judged user lookups for the stats, RPC round trips for the pulses. */
    public void observe(SimEvent e) {
        if (e instanceof SimEvent.RpcSent s) {
            sentAt.put(s.rpc(), s.time());
        } else if (e instanceof SimEvent.RpcAnswered a) {
            Long t = sentAt.remove(a.rpc());
            if (t != null) {
                double leg = Math.max(1, (a.time() - t) / 2.0);
                legSamples = Math.min(MAX_RTT_SAMPLES, legSamples + 1);
                legMs += (leg - legMs) / legSamples;
            }
        } else if (e instanceof SimEvent.LookupFinished f && f.exact() != null) {
            judged++;
            exact += f.exact() ? 1 : 0;
            hopsSum += f.hops();
            rpcsSum += f.rpcs();
            recent.addLast(new int[] {f.hops(), f.rpcs()});
            if (recent.size() > 1_000) {
                recent.pollFirst();
            }
            int hit = f.truth().size() - f.missed().size();
            recallSum += f.truth().isEmpty() ? 1 : (double) hit / f.truth().size();
            if (f.purpose() == LookupPurpose.FIND_VALUE) {
                findValues++;
                found += Boolean.TRUE.equals(f.found()) ? 1 : 0;
            }
        }
    }

    /** The connection behind it. */
    public LiveConnection connection() {
        return connection;
    }

    /** The address the node {@code id} listens at, or null. */
    public String addressOf(NodeId id) {
        LiveCrawler.Seen s = nodes.get(id);
        return s == null ? null : s.address();
    }

    /** The cluster that started node {@code id} (its address), or "" when none. */
    public String clusterOf(NodeId id) {
        LiveCrawler.Seen s = nodes.get(id);
        return s == null || s.cluster() == null ? "" : s.cluster();
    }

    /** The live ids known (the ground truth's population). */
    public List<NodeId> liveIds() {
        List<NodeId> out = new ArrayList<>(live);
        for (NodeId id : ids) {
            if (isAlive(id)) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public KeySpace keySpace() {
        return connection.keySpace();
    }

    @Override
    public int k() {
        return connection.seedInfo().getK();
    }

    @Override
    public int alpha() {
        return connection.seedInfo().getAlpha();
    }

    @Override
    public LookupMode lookupMode() {
        try {
            return LookupMode.valueOf(connection.seedInfo().getLookupMode());
        } catch (IllegalArgumentException e) {
            return LookupMode.SLIDING;
        }
    }

    @Override
    public long now() {
        return connection.now();
    }

    @Override
    public List<NodeId> nodeIds() {
        return idsView;
    }

    @Override
    public int liveCount() {
        return live;
    }

    @Override
    public boolean contains(NodeId id) {
        return id != null && nodes.containsKey(id);
    }

    @Override
    public boolean isAlive(NodeId id) {
        LiveCrawler.Seen s = id == null ? null : nodes.get(id);
        return s != null && s.alive();
    }

    @Override
    public TableSnapshot table(NodeId id) {
        LiveCrawler.Seen s = id == null ? null : nodes.get(id);
        if (s == null) {
            return null;
        }
        return tables.computeIfAbsent(id, x -> snapshot(id, s.table()));
    }

    private TableSnapshot snapshot(NodeId owner, TableReply reply) {
        int bits = keySpace().bits();
        List<TableSnapshot.BucketSnapshot> buckets = new ArrayList<>(bits);
        for (int i = 0; i < bits; i++) {
            buckets.add(new TableSnapshot.BucketSnapshot(i, List.of(), List.of(), null, null));
        }
        if (reply != null) {
            for (Bucket b : reply.getBucketsList()) {
                if (b.getIndex() >= bits) {
                    continue;
                }
                List<TableSnapshot.ContactSnapshot> contacts = new ArrayList<>();
                for (TableContact tc : b.getContactsList()) {
                    NodeId id = idOf(tc.getPeer());
                    if (id != null) {
                        long seen = connection.events().appTime(owner, tc.getLastSeenMs(), connection.now());
                        contacts.add(new TableSnapshot.ContactSnapshot(id, seen, tc.getFailures()));
                    }
                }
                List<NodeId> cache = new ArrayList<>();
                for (Peer p : b.getReplacementsList()) {
                    NodeId id = idOf(p);
                    if (id != null) {
                        cache.add(id);
                    }
                }
                buckets.set(b.getIndex(), new TableSnapshot.BucketSnapshot(b.getIndex(), contacts, cache, null, null));
            }
        }
        return new TableSnapshot(owner, k(), buckets);
    }

    private NodeId idOf(Peer p) {
        try {
            return codec.nodeId(p.getId(), "contact id");
        } catch (MalformedMessageException e) {
            return null;
        }
    }

    @Override
    public List<NodeId> contactIds(NodeId id) {
        TableSnapshot t = table(id);
        if (t == null) {
            return List.of();
        }
        List<NodeId> out = new ArrayList<>();
        for (int i = t.buckets().size() - 1; i >= 0; i--) {
            for (TableSnapshot.ContactSnapshot c : t.buckets().get(i).contacts()) {
                out.add(c.id());
            }
        }
        return out;
    }

    @Override
    public StatsSnapshot stats() {
        double n = Math.max(1, judged);
        return new StatsSnapshot(judged, exact, judged == 0 ? Double.NaN : hopsSum / n, p95(0),
                judged == 0 ? Double.NaN : rpcsSum / n, p95(1), judged == 0 ? Double.NaN : recallSum / n, findValues,
                findValues == 0 ? Double.NaN : (double) found / findValues);
    }

    /** The 95th percentile of hops (0) or RPCs (1) over the last judged lookups, 0 when none. */
    private int p95(int which) {
        if (recent.isEmpty()) {
            return 0;
        }
        int[] v = recent.stream().mapToInt(r -> r[which]).sorted().toArray();
        return v[Math.min(v.length - 1, (int) Math.ceil(0.95 * v.length) - 1)];
    }

    @Override
    public double meanLatencyMs() {
        return legMs;
    }
}
