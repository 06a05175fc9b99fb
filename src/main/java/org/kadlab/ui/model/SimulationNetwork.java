package org.kadlab.ui.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.SimStats;
import org.kadlab.sim.Simulation;

/**
 * The {@link NetworkModel} of a simulation: reads the simulated nodes on the thread that runs the
 * simulation (the FX thread in the app) and copies what a view asks for, so no view holds a
 * mutable core object.
 */
public final class SimulationNetwork implements NetworkModel {
    private final Simulation sim;
    private final List<NodeId> ids = new ArrayList<>();
    private final List<NodeId> idsView = Collections.unmodifiableList(ids);

    public SimulationNetwork(Simulation sim) {
        this.sim = sim;
    }

    /** The simulation behind this model (for the view models that drive it, never for views). */
    public Simulation simulation() {
        return sim;
    }

    @Override
    public KeySpace keySpace() {
        return sim.keySpace();
    }

    @Override
    public int k() {
        return sim.config().kad().k();
    }

    @Override
    public int alpha() {
        return sim.config().kad().alpha();
    }

    @Override
    public LookupMode lookupMode() {
        return sim.config().kad().lookupMode();
    }

    @Override
    public long now() {
        return sim.now();
    }

    @Override
    public List<NodeId> nodeIds() {
        List<SimNode> nodes = sim.nodes();
        for (int i = ids.size(); i < nodes.size(); i++) { // nodes only ever join, in order
            ids.add(nodes.get(i).id());
        }
        return idsView;
    }

    @Override
    public int nodeCount() {
        return sim.nodes().size();
    }

    @Override
    public int liveCount() {
        return sim.liveCount();
    }

    @Override
    public boolean contains(NodeId id) {
        return id != null && sim.node(id) != null;
    }

    @Override
    public boolean isAlive(NodeId id) {
        SimNode n = id == null ? null : sim.node(id);
        return n != null && n.isAlive();
    }

    @Override
    public TableSnapshot table(NodeId id) {
        SimNode n = id == null ? null : sim.node(id);
        if (n == null) {
            return null;
        }
        RoutingTable t = n.kad().routingTable();
        List<TableSnapshot.BucketSnapshot> buckets = new ArrayList<>(t.bucketCount());
        for (int i = 0; i < t.bucketCount(); i++) {
            buckets.add(bucket(t.bucket(i), i));
        }
        return new TableSnapshot(id, t.k(), buckets);
    }

    private static TableSnapshot.BucketSnapshot bucket(KBucket b, int index) {
        if (b == null) {
            return new TableSnapshot.BucketSnapshot(index, List.of(), List.of(), null, null);
        }
        List<TableSnapshot.ContactSnapshot> contacts = new ArrayList<>(b.size());
        for (int p = 0; p < b.size(); p++) {
            contacts.add(new TableSnapshot.ContactSnapshot(b.contact(p).id(), b.lastSeen(p), b.failures(p)));
        }
        List<NodeId> cache = new ArrayList<>();
        for (Contact r : b.replacements()) {
            cache.add(r.id());
        }
        return new TableSnapshot.BucketSnapshot(index, contacts, cache,
                b.pendingPing() == null ? null : b.pendingPing().id(),
                b.pendingCandidate() == null ? null : b.pendingCandidate().id());
    }

    @Override
    public List<NodeId> contactIds(NodeId id) {
        SimNode n = id == null ? null : sim.node(id);
        if (n == null) {
            return List.of();
        }
        List<Contact> contacts = n.kad().routingTable().contacts();
        List<NodeId> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            out.add(c.id());
        }
        return out;
    }

    @Override
    public StatsSnapshot stats() {
        SimStats s = sim.stats();
        SimStats.Summary h = s.hops();
        SimStats.Summary r = s.rpcsPerLookup();
        return new StatsSnapshot(s.judgedLookups(), s.exactLookups(), h.mean(), h.p95(), r.mean(), r.p95(),
                s.meanRecallIfJudged().orElse(Double.NaN), s.findValues(), s.findValueSuccessIfAny().orElse(Double.NaN));
    }

    @Override
    public double meanLatencyMs() {
        return (sim.config().latencyMinMs() + sim.config().latencyMaxMs()) / 2.0;
    }
}
