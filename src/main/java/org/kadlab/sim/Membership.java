package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * Nodes joining, crashing and coming back: a join builds a real {@link KadNode} and bootstraps it
 * through a seed; a crash silences the node, abandons its lookups and keeps its state; a revival
 * brings that state back and restarts its upkeep.
 */
final class Membership {
    private final KadConfig kad;
    private final KeySpace keySpace;
    private final SplittableRandom random;
    private final SimClock clock;
    private final EventSink sink;
    private final Roster roster;
    private final SimTransport transport;
    private final NodeEvents nodeEvents;
    private final Upkeep upkeep;

    Membership(KadConfig kad, KeySpace keySpace, SplittableRandom random, SimClock clock, EventSink sink, Roster roster,
               SimTransport transport, NodeEvents nodeEvents, Upkeep upkeep) {
        this.kad = kad;
        this.keySpace = keySpace;
        this.random = random;
        this.clock = clock;
        this.sink = sink;
        this.roster = roster;
        this.transport = transport;
        this.nodeEvents = nodeEvents;
        this.upkeep = upkeep;
    }

    /** Adds a node with {@code id} that joins through {@code seed} (null: it starts alone). */
    SimNode add(NodeId id, SimNode seed) {
        Objects.requireNonNull(id, "id");
        if (!keySpace.contains(id)) {
            throw new IllegalArgumentException("id " + id + " does not fit in " + keySpace.bits() + " bits");
        }
        if (roster.contains(id)) {
            throw new IllegalArgumentException("a node with id " + keySpace.hex(id) + " already exists");
        }
        if (seed != null && !seed.alive) {
            throw new IllegalArgumentException("seed " + keySpace.hex(seed.id()) + " is not alive");
        }
        SimNode node = create(id, seed);
        List<Contact> seeds = seed == null ? List.of() : List.of(seed.contact());
        node.joining = true;
        node.kad().bootstrap(seeds).whenComplete((n, err) -> {
            node.joining = false;
            upkeep.schedule(node);
        });
        return node;
    }

    /** A new live node with {@code id}, not yet joined (announced as added through {@code seed}). */
    SimNode create(NodeId id, SimNode seed) {
        SimNode node = new SimNode(transport, roster.size());
        Contact contact = new Contact(id, "sim:" + node.index());
        node.attach(new KadNode(contact, kad, node, clock::now, random, KadNode.DIRECT, nodeEvents.observerFor(node)));
        roster.add(node);
        if (sink.recording()) {
            sink.emit(new SimEvent.NodeAdded(clock.now(), id, seed == null ? null : seed.id()));
        }
        return node;
    }

    /**
     * Fills the tables of {@code nodes} (the whole network) from the global view of exactly these
     * nodes ({@link Prefill}). Each node draws its choices from its own stream, split from
     * {@code random} in id order, so the tables can be built on every core, a chunk at a time (each
     * node on one thread), and still come out the same; the new tables are then reported and the
     * nodes' upkeep scheduled in id order on this thread.
     */
    void fillTables(List<SimNode> nodes, SplittableRandom random) {
        SimNode[] byId = nodes.toArray(new SimNode[0]);
        Arrays.sort(byId, Comparator.comparing(SimNode::id));
        NodeId[] sorted = new NodeId[byId.length];
        Contact[] sortedContacts = new Contact[byId.length]; // read in random order: one array, not node then contact
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = byId[i].id();
            sortedContacts[i] = byId[i].contact();
        }
        int chunk = Math.min(sorted.length, PREFILL_CHUNK);
        SplittableRandom[] streams = new SplittableRandom[chunk];
        boolean watched = nodeEvents.watchesTables();
        for (int from = 0; from < sorted.length; from += chunk) {
            int n = Math.min(chunk, sorted.length - from);
            for (int j = 0; j < n; j++) {
                streams[j] = random.split();
            }
            int first = from;
            IntStream.range(0, n).parallel().forEach(j -> { // each node's table on one thread
                byId[first + j].kad().prefill(contacts(sortedContacts, Prefill.table(sorted, first + j, keySpace.bits(), kad.k(), streams[j])));
            });
            for (int j = 0; j < n; j++) {
                SimNode node = byId[first + j];
                if (watched) {
                    nodeEvents.tablePrefilled(node);
                }
                upkeep.schedule(node);
            }
        }
    }

    private static List<Contact> contacts(Contact[] sorted, int[] indices) {
        Contact[] out = new Contact[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = sorted[indices[i]];
        }
        return Arrays.asList(out);
    }

    /** How many tables are computed at once while prefilling (bounds the memory they take meanwhile). */
    private static final int PREFILL_CHUNK = 4096;

    /** Crashes {@code node}: it stops answering and its unfinished lookups are abandoned; its state is kept. */
    void kill(SimNode node) {
        if (!node.alive) {
            return;
        }
        node.alive = false;
        node.epoch++;
        node.kad().abandonInFlight();
        roster.unmarkLive(node);
        if (sink.recording()) {
            sink.emit(new SimEvent.NodeKilled(clock.now(), node.id()));
        }
        nodeEvents.abandonLookupsOf(node);
    }

    /** Brings a crashed node back with the state it had; its upkeep resumes at once. */
    void revive(SimNode node) {
        if (node.alive) {
            return;
        }
        node.alive = true;
        roster.markLive(node);
        if (sink.recording()) {
            sink.emit(new SimEvent.NodeRevived(clock.now(), node.id()));
        }
        upkeep.restart(node);
    }
}
