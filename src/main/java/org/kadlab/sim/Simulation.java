package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KadTransport;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.PingOutcome;
import org.kadlab.kad.StoreResult;
import org.kadlab.kad.UpdateResult;

/**
 * A discrete-event simulation of a Kademlia network of real {@link KadNode}s, single-threaded.
 *
 * <ol>
 *   <li>A virtual clock in milliseconds and one queue of actions ordered by (time, sequence).</li>
 *   <li>One seeded random source for everything: ids, latencies, losses, churn, the nodes' own draws.</li>
 *   <li>Every RPC is four separate steps: sent, delivered (the peer handles it), answered, or timed out
 *       (peer dead, message lost, or across a partition).</li>
 *   <li>Each node's upkeep ({@link KadNode#maintain()}) runs exactly when it is next due.</li>
 *   <li>Everything is reported as typed {@link SimEvent}s to listeners and a bounded history; user
 *       lookups are judged against the {@link GroundTruth}; invariants are checked after every event
 *       when enabled, and a violation becomes an event.</li>
 * </ol>
 * Same seed and same calls give the same events, byte for byte.
 */
public final class Simulation {
    private static final int MAX_VIOLATIONS_KEPT = 1000;

    private final SimConfig config;
    private final KadConfig kad;
    private final KeySpace keySpace;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final List<SimNode> nodes = new ArrayList<>();
    private final Map<NodeId, SimNode> byId = new HashMap<>();
    private final List<SimNode> live = new ArrayList<>();
    private final GroundTruth truth;
    private final EventHistory history;
    private final List<SimListener> listeners = new ArrayList<>();
    private final Map<Lookup, LookupTrack> lookups = new LinkedHashMap<>();
    private final List<SimNode> touched = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final java.util.ArrayDeque<OperationRecord> operations = new java.util.ArrayDeque<>();
    private int operationLimit = Integer.MAX_VALUE;
    private final SimStats stats = new SimStats();
    private boolean keepOperations = true;
    private boolean partitioned;
    private int foregroundQueued;
    private long now;
    private long nextRpc = 1;
    private long nextLookup = 1;

    /** What the simulator remembers about a running lookup. */
    private static final class LookupTrack {
        final long id;
        final LookupPurpose purpose;
        final SimNode origin;
        LookupResult result;
        LookupTrack(long id, LookupPurpose purpose, SimNode origin) {
            this.id = id;
            this.purpose = purpose;
            this.origin = origin;
        }
    }

    public Simulation(SimConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.kad = config.kad();
        this.keySpace = kad.keySpace();
        this.random = new SplittableRandom(config.seed());
        this.truth = new GroundTruth(kad.bits());
        this.history = new EventHistory(config.historyCapacity());
    }

    // ------------------------------------------------------------------ reading

    public SimConfig config() {
        return config;
    }

    public KeySpace keySpace() {
        return keySpace;
    }

    /** The current virtual time in ms. */
    public long now() {
        return now;
    }

    /** Every node ever added, live or crashed, in the order added (read-only). */
    public List<SimNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The node with this id, or null. */
    public SimNode node(NodeId id) {
        return byId.get(id);
    }

    /** Number of live nodes. */
    public int liveCount() {
        return live.size();
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    public EventHistory history() {
        return history;
    }

    public SimStats stats() {
        return stats;
    }

    /** User operations that ended, in the order they ended (the most recent ones, see {@link #setOperationLimit}). */
    public List<OperationRecord> operations() {
        return List.copyOf(operations);
    }

    /** Keeps at most {@code limit} operation records, dropping the oldest (no limit by default). */
    public void setOperationLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("operation limit must not be negative, was " + limit);
        }
        this.operationLimit = limit;
        while (operations.size() > limit) {
            operations.removeFirst();
        }
    }

    /** Invariant violations seen (at most the first 1000), in order. */
    public List<String> violations() {
        return Collections.unmodifiableList(violations);
    }

    /** Whether RPCs or joins are still under way (background upkeep timers do not count). */
    public boolean isBusy() {
        return foregroundQueued > 0;
    }

    /** Number of queued actions, background timers included. */
    public int queuedActions() {
        return queue.size();
    }

    /** The lookups still running, oldest first. */
    public List<Lookup> activeLookups() {
        return new ArrayList<>(lookups.keySet());
    }

    /** Keep a record of every user operation (on by default; a benchmark turns it off). */
    public void setKeepOperations(boolean keep) {
        this.keepOperations = keep;
    }

    public void addListener(SimListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(SimListener l) {
        listeners.remove(l);
    }

    private boolean recording() {
        return !listeners.isEmpty() || history.capacity() > 0;
    }

    private void emit(SimEvent e) {
        history.add(e);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onEvent(e);
        }
    }

    // ------------------------------------------------------------------ running

    /** Runs the next queued action; returns false if nothing is queued. */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        long t = queue.peekTime();
        EventQueue.Scheduled s = queue.poll();
        if (s.foreground()) {
            foregroundQueued--;
        }
        now = Math.max(now, t);
        stats.events++;
        s.fire();
        if (config.checkInvariants()) {
            checkTouched();
        }
        return true;
    }

    /** Runs every action due up to {@code time}, then sets the clock to it. */
    public void runUntil(long time) {
        while (!queue.isEmpty() && queue.peekTime() <= time) {
            step();
        }
        now = Math.max(now, time);
    }

    /** Runs until no RPC or join is under way; upkeep timers due meanwhile run in order. */
    public void runUntilIdle() {
        while (foregroundQueued > 0) {
            step();
        }
    }

    /** Lets {@code ms} of virtual time pass: refresh, expiry, republishing and churn all happen. */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("cannot advance by a negative time: " + ms);
        }
        runUntil(now + ms);
    }

    private void schedule(long at, EventQueue.Scheduled s) {
        if (s.foreground()) {
            foregroundQueued++;
        }
        queue.add(at, s);
    }

    private abstract static class Background extends EventQueue.Scheduled {
        @Override
        boolean foreground() {
            return false;
        }
    }

    // ------------------------------------------------------------------ membership

    /** Adds a node with a random id that joins through a random live node (or starts alone). */
    public SimNode addNode() {
        return addNode(freshId(), randomLive());
    }

    /** Adds a node with {@code id} that joins through {@code seed} (null: it starts alone). */
    public SimNode addNode(NodeId id, SimNode seed) {
        Objects.requireNonNull(id, "id");
        if (!keySpace.contains(id)) {
            throw new IllegalArgumentException("id " + id + " does not fit in " + keySpace.bits() + " bits");
        }
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("a node with id " + keySpace.hex(id) + " already exists");
        }
        if (seed != null && !seed.alive) {
            throw new IllegalArgumentException("seed " + keySpace.hex(seed.id()) + " is not alive");
        }
        SimNode node = new SimNode(this, nodes.size());
        Contact contact = new Contact(id, "sim:" + node.index());
        node.attach(new KadNode(contact, kad, node, () -> now, random, KadNode.DIRECT, new Observer(node)));
        nodes.add(node);
        byId.put(id, node);
        markLive(node);
        if (recording()) {
            emit(new SimEvent.NodeAdded(now, id, seed == null ? null : seed.id()));
        }
        List<Contact> seeds = seed == null ? List.of() : List.of(seed.contact());
        node.kad().bootstrap(seeds).whenComplete((n, err) -> scheduleMaintenance(node));
        return node;
    }

    /** A random id no node has yet. */
    public NodeId freshId() {
        if (keySpace.bits() < 63 && nodes.size() >= (1L << keySpace.bits())) {
            throw new IllegalStateException("the " + keySpace.bits() + "-bit key space has no free id left");
        }
        NodeId id;
        do {
            id = keySpace.randomId(random);
        } while (byId.containsKey(id));
        return id;
    }

    /** A live node chosen uniformly at random, or null if none is alive. */
    public SimNode randomLive() {
        return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
    }

    /** A live node chosen at random other than {@code except}, or null. */
    public SimNode randomLiveOtherThan(SimNode except) {
        if (live.isEmpty() || (live.size() == 1 && live.get(0) == except)) {
            return null;
        }
        SimNode n;
        do {
            n = live.get(random.nextInt(live.size()));
        } while (n == except);
        return n;
    }

    /** A random id of the key space (for lookup targets). */
    public NodeId randomId() {
        return keySpace.randomId(random);
    }

    /** Draws from the simulation's one random source. */
    public SplittableRandom random() {
        return random;
    }

    /** Crashes {@code node}: it stops answering and its unfinished lookups are abandoned; its state is kept. */
    public void kill(SimNode node) {
        if (!node.alive) {
            return;
        }
        node.alive = false;
        node.epoch++;
        node.kad().abandonInFlight();
        unmarkLive(node);
        if (recording()) {
            emit(new SimEvent.NodeKilled(now, node.id()));
        }
        for (Iterator<Map.Entry<Lookup, LookupTrack>> it = lookups.entrySet().iterator(); it.hasNext(); ) {
            LookupTrack t = it.next().getValue();
            if (t.origin == node) {
                it.remove();
                if (recording()) {
                    emit(new SimEvent.LookupAbandoned(now, t.id, node.id()));
                }
            }
        }
    }

    /** Brings a crashed node back with the state it had; its upkeep resumes at once. */
    public void revive(SimNode node) {
        if (node.alive) {
            return;
        }
        node.alive = true;
        markLive(node);
        if (recording()) {
            emit(new SimEvent.NodeRevived(now, node.id()));
        }
        node.maintenanceAt = Long.MAX_VALUE;
        scheduleMaintenance(node, now);
    }

    /**
     * Splits the network: nodes in {@code sideA} and all others cannot reach each other (nodes added
     * later join the other side). The cut applies to messages in flight too.
     */
    public void partition(Set<NodeId> sideA) {
        for (SimNode n : nodes) {
            n.side = sideA.contains(n.id()) ? 1 : 2;
        }
        partitioned = true;
    }

    /** Ends a partition. */
    public void heal() {
        partitioned = false;
    }

    private void markLive(SimNode n) {
        n.livePos = live.size();
        live.add(n);
        truth.add(n.id());
    }

    private void unmarkLive(SimNode n) {
        int pos = n.livePos;
        SimNode last = live.remove(live.size() - 1);
        if (last != n) {
            live.set(pos, last);
            last.livePos = pos;
        }
        n.livePos = -1;
        truth.remove(n.id());
    }

    /**
     * Churn for {@code durationMs} of virtual time: every live node gets a session length from
     * {@code model}; when it ends, the node crashes. New nodes arrive as a Poisson process at rate
     * (live nodes) / mean, so the population stays about level; each newcomer joins through a random
     * live node and gets a session of its own. Runs the simulation to the end of the period.
     */
    public void churn(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        model.validate(meanSessionMs, shape);
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration must not be negative, was " + durationMs);
        }
        long end = now + durationMs;
        for (SimNode n : new ArrayList<>(live)) {
            scheduleDeparture(n, model, meanSessionMs, shape, end);
        }
        double meanGap = meanSessionMs / Math.max(1, live.size());
        scheduleArrival(now + (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble())), model, meanSessionMs, shape, meanGap, end);
        runUntil(end);
    }

    private void scheduleDeparture(SimNode n, SessionModel model, double mean, double shape, long end) {
        long at = now + Math.max(1, (long) model.sample(random, mean, shape));
        if (at <= end) {
            queue.add(at, new Background() {
                @Override
                void fire() {
                    kill(n);
                }
            });
        }
    }

    private void scheduleArrival(long at, SessionModel model, double mean, double shape, double meanGap, long end) {
        if (at > end) {
            return;
        }
        queue.add(at, new Background() {
            @Override
            void fire() {
                SimNode seed = randomLive();
                if (seed != null && (keySpace.bits() >= 63 || nodes.size() < (1L << keySpace.bits()))) {
                    SimNode n = addNode(freshId(), seed);
                    scheduleDeparture(n, model, mean, shape, end);
                }
                long gap = (long) Math.ceil(-meanGap * Math.log(1.0 - random.nextDouble()));
                scheduleArrival(now + Math.max(1, gap), model, mean, shape, meanGap, end);
            }
        });
    }

    // ------------------------------------------------------------------ upkeep timers

    private void scheduleMaintenance(SimNode node) {
        scheduleMaintenance(node, node.kad().nextMaintenance());
    }

    private void scheduleMaintenance(SimNode node, long at) {
        if (!node.alive || at == Long.MAX_VALUE || at >= node.maintenanceAt) {
            return;
        }
        node.maintenanceAt = at;
        int generation = ++node.maintenanceGeneration;
        queue.add(Math.max(at, now), new Background() {
            @Override
            void fire() {
                if (generation != node.maintenanceGeneration || !node.alive) {
                    return;
                }
                node.maintenanceAt = Long.MAX_VALUE;
                scheduleMaintenance(node, node.kad().maintain());
            }
        });
    }

    // ------------------------------------------------------------------ transport

    private static SimEvent.RpcType typeOf(KadRequest r) {
        if (r instanceof KadRequest.Ping) {
            return SimEvent.RpcType.PING;
        }
        if (r instanceof KadRequest.FindNode) {
            return SimEvent.RpcType.FIND_NODE;
        }
        if (r instanceof KadRequest.FindValue) {
            return SimEvent.RpcType.FIND_VALUE;
        }
        return SimEvent.RpcType.STORE;
    }

    /** One RPC on its way: the same object is queued for delivery, then for the reply or the timeout. */
    private final class Rpc extends EventQueue.Scheduled {
        static final int DELIVER = 0;
        static final int REPLY = 1;
        static final int TIMEOUT = 2;
        final long id;
        final SimNode from;
        final Contact to;
        SimNode target;
        final KadRequest request;
        final KadTransport.ResponseHandler handler;
        final long sentAt;
        final int fromEpoch;
        KadResponse response;
        int phase;

        Rpc(long id, SimNode from, Contact to, KadRequest request, KadTransport.ResponseHandler handler) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.request = request;
            this.handler = handler;
            this.sentAt = now;
            this.fromEpoch = from.epoch;
        }

        /** Whether the requester crashed since it sent this (a revived node hears nothing of its past life). */
        boolean requesterGone() {
            return !from.alive || from.epoch != fromEpoch;
        }

        @Override
        void fire() {
            switch (phase) {
                case DELIVER -> deliver(this);
                case REPLY -> reply(this);
                default -> timeout(this);
            }
        }
    }

    void sendRpc(SimNode from, Contact to, KadRequest request, KadTransport.ResponseHandler handler) {
        Rpc rpc = new Rpc(nextRpc++, from, to, request, handler);
        stats.rpcsSent++;
        stats.messages++;
        if (recording()) {
            emit(new SimEvent.RpcSent(now, rpc.id, from.id(), to.id(), typeOf(request)));
        }
        SimNode target = byId.get(to.id());
        rpc.target = target;
        if (target == null || lost() || cut(from, target)) {
            rpc.phase = Rpc.TIMEOUT;
            schedule(rpc.sentAt + kad.rpcTimeoutMs(), rpc);
            return;
        }
        long at = now + latency();
        rpc.phase = at < rpc.sentAt + kad.rpcTimeoutMs() ? Rpc.DELIVER : Rpc.TIMEOUT;
        schedule(rpc.phase == Rpc.DELIVER ? at : rpc.sentAt + kad.rpcTimeoutMs(), rpc);
    }

    private void deliver(Rpc rpc) {
        SimNode target = rpc.target;
        if (!target.alive || rpc.requesterGone() || cut(rpc.from, target)) {
            rpc.phase = Rpc.TIMEOUT;
            schedule(rpc.sentAt + kad.rpcTimeoutMs(), rpc);
            return;
        }
        if (recording()) {
            emit(new SimEvent.RpcDelivered(now, rpc.id, rpc.from.id(), target.id(), typeOf(rpc.request)));
        }
        touch(target);
        rpc.response = target.kad().handleRequest(rpc.from.contact(), rpc.request);
        stats.messages++;
        long at = now + latency();
        if (lost() || at >= rpc.sentAt + kad.rpcTimeoutMs()) {
            rpc.phase = Rpc.TIMEOUT;
            schedule(rpc.sentAt + kad.rpcTimeoutMs(), rpc);
        } else {
            rpc.phase = Rpc.REPLY;
            schedule(at, rpc);
        }
    }

    private void reply(Rpc rpc) {
        if (rpc.requesterGone()) {
            return; // a crashed requester hears nothing
        }
        if (cut(rpc.from, rpc.target)) {
            rpc.phase = Rpc.TIMEOUT; // the answer meets a partition that began meanwhile
            schedule(rpc.sentAt + kad.rpcTimeoutMs(), rpc);
            return;
        }
        if (recording()) {
            KadResponse r = rpc.response;
            int contacts = r instanceof KadResponse.Nodes n ? n.closest().size() : 0;
            emit(new SimEvent.RpcAnswered(now, rpc.id, rpc.from.id(), rpc.to.id(), typeOf(rpc.request),
                    answerName(r), contacts));
        }
        touch(rpc.from);
        rpc.handler.onResponse(rpc.response);
    }

    private static String answerName(KadResponse r) {
        if (r instanceof KadResponse.Pong) {
            return "pong";
        }
        if (r instanceof KadResponse.Nodes) {
            return "nodes";
        }
        if (r instanceof KadResponse.Value) {
            return "value";
        }
        if (r instanceof KadResponse.Stored) {
            return "stored";
        }
        return "error " + ((KadResponse.Error) r).code().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void timeout(Rpc rpc) {
        if (rpc.requesterGone()) {
            return;
        }
        stats.rpcsTimedOut++;
        if (recording()) {
            emit(new SimEvent.RpcTimedOut(now, rpc.id, rpc.from.id(), rpc.to.id(), typeOf(rpc.request)));
        }
        touch(rpc.from);
        rpc.handler.onFailure(KadTransport.RpcFailure.TIMEOUT);
    }

    private boolean lost() {
        return config.loss() > 0 && random.nextDouble() < config.loss();
    }

    private boolean cut(SimNode a, SimNode b) {
        return partitioned && a.side != b.side;
    }

    private long latency() {
        long min = config.latencyMinMs();
        long max = config.latencyMaxMs();
        return max == min ? min : min + random.nextLong(max - min + 1);
    }

    // ------------------------------------------------------------------ user operations

    /** Runs find_node from {@code origin}; the record is judged against the ground truth when it ends. */
    public CompletableFuture<OperationRecord> findNode(SimNode origin, NodeId target) {
        requireLive(origin);
        return origin.kad().findNode(target).thenApply(r -> judged("find_node", origin, r, r.closest(), null, null));
    }

    /** Runs find_value for the user key {@code key} from {@code origin}. */
    public CompletableFuture<OperationRecord> findValue(SimNode origin, String key) {
        requireLive(origin);
        return origin.kad().findValue(key).thenApply(r -> judged("find_value", origin, r, r.closest(), r.found(), r.value()));
    }

    /** Stores {@code value} under the user key {@code key} from {@code origin}. */
    public CompletableFuture<OperationRecord> store(SimNode origin, String key, String value) {
        requireLive(origin);
        CompletableFuture<StoreResult> f = origin.kad().store(key, value);
        scheduleMaintenance(origin); // the publisher's republish timer starts now
        return f.thenApply(s -> judged("store", origin, s.lookup(), s.acknowledged(), null, null));
    }

    private void requireLive(SimNode origin) {
        if (origin == null || !origin.alive) {
            throw new IllegalArgumentException("an operation needs a live origin node");
        }
    }

    private OperationRecord judged(String op, SimNode origin, LookupResult r, List<Contact> result, Boolean found, String value) {
        List<NodeId> resultIds = ids(result);
        List<NodeId> closestIds = ids(r.closest());
        List<NodeId> want = truth.closest(r.target(), kad.k(), origin.id());
        List<NodeId> missed = new ArrayList<>(want);
        missed.removeAll(new HashSet<>(closestIds));
        boolean exact = closestIds.equals(want);
        if (op.equals("find_node")) {
            stats.judgedLookup(r.hops(), r.rpcs(), exact);
        }
        OperationRecord rec = new OperationRecord(op, origin.id(), r.target(), r.startMs(), r.endMs(), resultIds,
                found, value, r.hops(), r.rpcs(), r.failures(), want, exact, missed);
        if (keepOperations && operationLimit > 0) {
            if (operations.size() >= operationLimit) {
                operations.removeFirst();
            }
            operations.addLast(rec);
        }
        return rec;
    }

    private static List<NodeId> ids(List<Contact> contacts) {
        List<NodeId> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            out.add(c.id());
        }
        return out;
    }

    // ------------------------------------------------------------------ invariants

    private void touch(SimNode n) {
        if (config.checkInvariants() && !n.touched) {
            n.touched = true;
            touched.add(n);
        }
    }

    private void checkTouched() {
        for (SimNode n : touched) {
            n.touched = false;
            checkTable(n);
        }
        touched.clear();
    }

    /** Checks one node's routing table: bucket size <= k, right bucket, no self, no duplicates. */
    private void checkTable(SimNode n) {
        NodeId self = n.id();
        Set<NodeId> seen = new HashSet<>();
        for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
            if (b.size() > kad.k()) {
                violation(n, "bucket " + b.index() + " holds " + b.size() + " contacts, more than k = " + kad.k());
            }
            for (int i = 0; i < b.size(); i++) {
                NodeId c = b.contact(i).id();
                if (c.equals(self)) {
                    violation(n, "bucket " + b.index() + " holds the node itself");
                } else if (self.bucketIndex(c) != b.index()) {
                    violation(n, "contact " + keySpace.hex(c) + " is in bucket " + b.index()
                            + " but belongs in bucket " + self.bucketIndex(c));
                }
                if (!seen.add(c)) {
                    violation(n, "contact " + keySpace.hex(c) + " is held twice");
                }
            }
        }
    }

    private void violation(SimNode n, String rule) {
        stats.invariantViolations++;
        String line = "t=" + now + " node " + keySpace.hex(n.id()) + ": " + rule;
        if (violations.size() < MAX_VIOLATIONS_KEPT) {
            violations.add(line);
        }
        if (recording()) {
            emit(new SimEvent.InvariantViolated(now, n.id(), rule));
        }
    }

    // ------------------------------------------------------------------ node observer -> events

    /** Turns what one node reports into simulation events. */
    private final class Observer implements NodeObserver {
        private final SimNode self;

        Observer(SimNode self) {
            this.self = self;
        }

        @Override
        public void routingUpdated(KadNode node, UpdateResult result) {
            touch(self);
            if (result instanceof UpdateResult.Added && self.maintenanceAt == Long.MAX_VALUE && self.alive) {
                scheduleMaintenance(self);
            }
            if (!recording()) {
                return;
            }
            if (result instanceof UpdateResult.Added a) {
                emit(new SimEvent.BucketChanged(now, node.id(), a.bucket(), SimEvent.BucketChange.ADDED, a.contact().id(), null));
            } else if (result instanceof UpdateResult.Updated u) {
                emit(new SimEvent.BucketChanged(now, node.id(), u.bucket(), SimEvent.BucketChange.UPDATED, u.contact().id(), null));
            }
        }

        @Override
        public void pingStarted(KadNode node, UpdateResult.Pending p) {
            if (recording()) {
                emit(new SimEvent.BucketChanged(now, node.id(), p.bucket(), SimEvent.BucketChange.PING_STARTED,
                        p.toPing().id(), p.candidate().id()));
            }
        }

        @Override
        public void pingResolved(KadNode node, PingOutcome o) {
            touch(self);
            if (recording()) {
                emit(new SimEvent.BucketChanged(now, node.id(), o.bucket(),
                        o.alive() ? SimEvent.BucketChange.PING_KEPT : SimEvent.BucketChange.EVICTED,
                        o.pinged().id(), o.candidate() == null ? null : o.candidate().id()));
                if (!o.alive() && o.candidateAdded()) {
                    emit(new SimEvent.BucketChanged(now, node.id(), o.bucket(), SimEvent.BucketChange.REPLACED,
                            o.candidate().id(), o.pinged().id()));
                }
            }
        }

        @Override
        public void contactFailed(KadNode node, FailureOutcome outcome) {
            touch(self);
            if (!recording()) {
                return;
            }
            if (outcome instanceof FailureOutcome.Stale s) {
                emit(new SimEvent.BucketChanged(now, node.id(), s.bucket(), SimEvent.BucketChange.STALE, s.contact().id(), null));
            } else if (outcome instanceof FailureOutcome.Evicted e) {
                emit(new SimEvent.BucketChanged(now, node.id(), e.bucket(), SimEvent.BucketChange.EVICTED, e.contact().id(),
                        e.promoted() == null ? null : e.promoted().id()));
                if (e.promoted() != null) {
                    emit(new SimEvent.BucketChanged(now, node.id(), e.bucket(), SimEvent.BucketChange.PROMOTED,
                            e.promoted().id(), e.contact().id()));
                }
            }
        }

        @Override
        public void lookupStarted(KadNode node, Lookup lookup, LookupPurpose purpose) {
            LookupTrack t = new LookupTrack(nextLookup++, purpose, self);
            lookups.put(lookup, t);
            stats.lookupsStarted++;
            if (recording()) {
                emit(new SimEvent.LookupStarted(now, t.id, node.id(), lookup.target(), purpose));
            }
        }

        @Override
        public void lookupQueried(KadNode node, Lookup lookup, Contact peer) {
            if (config.checkInvariants() && lookup.inFlight() > lookup.inFlightLimit()) {
                violation(self, "lookup has " + lookup.inFlight() + " requests in flight, above its limit "
                        + lookup.inFlightLimit());
            }
            progressed(lookup, peer);
        }

        @Override
        public void lookupAnswered(KadNode node, Lookup lookup, Contact peer, List<Contact> contacts) {
            progressed(lookup, peer);
        }

        @Override
        public void lookupPeerFailed(KadNode node, Lookup lookup, Contact peer) {
            progressed(lookup, peer);
        }

        private void progressed(Lookup lookup, Contact peer) {
            if (!recording()) {
                return;
            }
            LookupTrack t = lookups.get(lookup);
            Lookup.Candidate c = lookup.candidate(peer.id());
            if (t != null && c != null) {
                emit(new SimEvent.LookupProgressed(now, t.id, peer.id(), c.state(), c.returned(), c.introduced(),
                        lookup.inFlight()));
            }
        }

        @Override
        public void lookupFinished(KadNode node, Lookup lookup, LookupResult result) {
            LookupTrack t = lookups.remove(lookup);
            stats.lookupsFinished++;
            if (t == null || !recording()) {
                return;
            }
            boolean judged = result.purpose() == LookupPurpose.FIND_NODE || result.purpose() == LookupPurpose.FIND_VALUE
                    || result.purpose() == LookupPurpose.STORE;
            List<NodeId> got = ids(result.closest());
            List<NodeId> want = judged ? truth.closest(result.target(), kad.k(), node.id()) : List.of();
            List<NodeId> missed = new ArrayList<>(want);
            missed.removeAll(new HashSet<>(got));
            emit(new SimEvent.LookupFinished(now, t.id, node.id(), result.target(), result.purpose(), got,
                    result.hops(), result.rpcs(), result.failures(), result.found(), want,
                    judged ? got.equals(want) : null, missed));
        }

        @Override
        public void recordStored(KadNode node, NodeId key, Contact from) {
            scheduleMaintenance(self);
            if (recording()) {
                emit(new SimEvent.RecordStored(now, node.id(), key, from == null ? null : from.id()));
            }
        }

        @Override
        public void recordRefused(KadNode node, NodeId key, Contact from) {
            if (recording()) {
                emit(new SimEvent.RecordRefused(now, node.id(), key, from.id()));
            }
        }

        @Override
        public void recordExpired(KadNode node, NodeId key) {
            if (recording()) {
                emit(new SimEvent.RecordExpired(now, node.id(), key));
            }
        }

        @Override
        public void recordRepublished(KadNode node, NodeId key, boolean original) {
            if (recording()) {
                emit(new SimEvent.RecordRepublished(now, node.id(), key, original));
            }
        }
    }
}
