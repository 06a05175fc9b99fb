package org.kadlab.sim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/**
 * A discrete-event simulation of a Kademlia network of real {@link KadNode}s, single-threaded.
 *
 * <ol>
 *   <li>A virtual clock in milliseconds and one queue of actions ordered by (time, sequence).</li>
 *   <li>Seeded random sources: one for ids and join contacts (so alpha, mode and loss never change
 *       who joins), one for everything else: latencies, losses, churn, the nodes' own draws.</li>
 *   <li>Every RPC is four separate steps: sent, delivered (the peer handles it), answered, or timed out
 *       (peer dead, message lost, or across a partition).</li>
 *   <li>Each node's upkeep ({@link KadNode#maintain()}) runs exactly when it is next due.</li>
 *   <li>Everything is reported as typed {@link SimEvent}s to listeners and a bounded history; user
 *       lookups are judged against the {@link GroundTruth}; invariants are checked after every event
 *       when enabled, and a violation becomes an event.</li>
 * </ol>
 * Same seed and same calls give the same events, byte for byte.
 *
 * <p>The work is done by package-private parts, each with one concern: {@link SimClock} (clock and
 * agenda), {@link Roster} and {@link Membership} (who is in, joins, crashes), {@link Churn},
 * {@link SimTransport} (RPCs, latency, loss, partitions), {@link Upkeep} (maintenance timers),
 * {@link Judge} (ground-truth verdicts, operation records), {@link Invariants} and
 * {@link NodeEvents} (node callbacks to events).
 */
public final class Simulation {
    private final SimConfig config;
    private final KadConfig kad;
    private final KeySpace keySpace;
    private final SplittableRandom random;
    private final SimStats stats = new SimStats();
    private final SimClock clock = new SimClock();
    private final EventSink sink;
    private final Roster roster;
    private final Invariants invariants;
    private final Upkeep upkeep;
    private final Judge judge;
    private final NodeEvents nodeEvents;
    private final SimTransport transport;
    private final Membership membership;
    private final Churn churn;
    /** User keys stored through {@link #store}, oldest first, at most {@link #MAX_STORED_KEYS}. */
    private final LinkedHashSet<String> storedKeys = new LinkedHashSet<>();
    private List<String> storedKeyList = List.of();

    /** Most user keys remembered for a workload's find_values and for durability samples. */
    public static final int MAX_STORED_KEYS = 10_000;

    /** Mixed into the seed for the roster's own random stream (ids and join contacts). */
    private static final long ROSTER_STREAM = 0x5DEECE66DL * 0x9E3779B97F4A7C15L;
    private static final long PREFILL_STREAM = 0xC2B2AE3D27D4EB4FL;
    private int prefilled;

    private final UserOperations operations;
    private long steps;
    private SimJournal journal;
    /** Whether an action of the simulation runs now: calls it makes are not inputs from outside. */
    private boolean inStep;

    public Simulation(SimConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.kad = config.kad();
        this.keySpace = kad.keySpace();
        this.random = new SplittableRandom(config.seed());
        this.sink = new EventSink(new EventHistory(config.historyCapacity()));
        // ids and join order draw from their own stream: the same seed gives the same nodes joining
        // in the same order through the same contacts, whatever alpha, the lookup mode or the loss
        this.roster = new Roster(keySpace, new SplittableRandom(config.seed() ^ ROSTER_STREAM));
        this.invariants = new Invariants(config, keySpace, clock, sink, stats);
        this.upkeep = new Upkeep(clock);
        this.judge = new Judge(roster.truth(), kad.k(), stats);
        this.nodeEvents = new NodeEvents(clock, sink, stats, upkeep, invariants, judge);
        this.transport = new SimTransport(config, clock, sink, stats, roster, invariants, random);
        this.membership = new Membership(kad, keySpace, random, clock, sink, roster, transport, nodeEvents, upkeep);
        this.churn = new Churn(clock, roster, membership, random);
        this.operations = new UserOperations(judge, nodeEvents);
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
        return clock.now();
    }

    /** Every node ever added, live or crashed, in the order added (read-only). */
    public List<SimNode> nodes() {
        return roster.nodes();
    }

    /** The node with this id, or null. */
    public SimNode node(NodeId id) {
        return roster.node(id);
    }

    /** Number of live nodes. */
    public int liveCount() {
        return roster.liveCount();
    }

    public GroundTruth groundTruth() {
        return roster.truth();
    }

    public EventHistory history() {
        return sink.history();
    }

    public SimStats stats() {
        return stats;
    }

    /** User operations that ended, in the order they ended (the most recent ones, see {@link #setOperationLimit}). */
    public List<OperationRecord> operations() {
        return judge.operations();
    }

    /** Keeps at most {@code limit} operation records, dropping the oldest (no limit by default). */
    public void setOperationLimit(int limit) {
        judge.setOperationLimit(limit);
    }

    /** Invariant violations seen (at most the first 1000), in order. */
    public List<String> violations() {
        return invariants.violations();
    }

    /** Whether RPCs or joins are still under way (background upkeep timers do not count). */
    public boolean isBusy() {
        return clock.isBusy();
    }

    /** Number of queued actions, background timers included. */
    public int queuedActions() {
        return clock.queued();
    }

    /** The lookups still running, oldest first. */
    public List<Lookup> activeLookups() {
        return nodeEvents.activeLookups();
    }

    /** Keep a record of every user operation (on by default; a benchmark turns it off). */
    public void setKeepOperations(boolean keep) {
        judge.setKeepOperations(keep);
    }

    public void addListener(SimListener l) {
        sink.addListener(l);
    }

    public void removeListener(SimListener l) {
        sink.removeListener(l);
    }

    // ------------------------------------------------------------------ running

    /** Runs the next queued action; returns false if nothing is queued. */
    public boolean step() {
        if (journal != null) {
            journal.applyDue(this, steps); // a rebuilt simulation playing on: the recorded inputs again
        }
        if (clock.isEmpty()) {
            return false;
        }
        EventQueue.Scheduled s = clock.next();
        stats.events++;
        steps++;
        inStep = true;
        try {
            s.fire();
        } finally {
            inStep = false;
        }
        if (invariants.enabled()) {
            invariants.checkTouched();
        }
        return true;
    }

    /** How many actions have run (the position {@link SimJournal} records inputs at). */
    public long steps() {
        return steps;
    }

    /**
     * From now on, records every input from outside in a {@link SimJournal}, so the simulation can be
     * rebuilt at any later step (see {@link SimJournal#rebuild}).
     */
    public void startJournal() {
        journal = new SimJournal(steps);
    }

    /** The journal of inputs, or null when none was started. */
    public SimJournal journal() {
        return journal;
    }

    /** Moves the clock on to {@code time} without running anything (a rebuild retracing a recorded clock). */
    void clockTo(long time) {
        clock.advanceTo(time);
    }

    private static NodeId idOf(SimNode n) {
        return n == null ? null : n.id();
    }

    private void record(SimJournal.Input input) {
        if (journal != null && !inStep) {
            journal.record(steps, clock.now(), input);
        }
    }

    /** Runs every action due up to {@code time}, then sets the clock to it. */
    public void runUntil(long time) {
        while (!clock.isEmpty() && clock.nextTime() <= time) {
            step();
        }
        clock.advanceTo(time);
    }

    /** Runs until no RPC or join is under way; upkeep timers due meanwhile run in order. */
    public void runUntilIdle() {
        while (clock.isBusy()) {
            step();
        }
    }

    /**
     * Like {@link #runUntil(long)}, but asks {@code stop} before every action: when it says true the
     * run ends there, the clock at the last action run, and this returns false.
     */
    public boolean runUntil(long time, BooleanSupplier stop) {
        while (!clock.isEmpty() && clock.nextTime() <= time) {
            if (stop.getAsBoolean()) {
                return false;
            }
            step();
        }
        clock.advanceTo(time);
        return true;
    }

    /**
     * Runs until {@code done} says true (asked before every action), the clock would pass
     * {@code deadline}, or nothing is queued; other traffic and timers run meanwhile. False when
     * {@code stop} ended the run.
     */
    public boolean runUntilDone(BooleanSupplier done, long deadline, BooleanSupplier stop) {
        while (!done.getAsBoolean() && !clock.isEmpty() && clock.nextTime() <= deadline) {
            if (stop.getAsBoolean()) {
                return false;
            }
            step();
        }
        return true;
    }

    /** The longest {@link #awaitJoin}, {@link #awaitOperation} and {@link #awaitIdle} wait, in virtual time. */
    public static final long MAX_WAIT_MS = 3_600_000;

    /**
     * Runs until {@code node}'s join (self-lookup and refreshes) is done, or it crashed, at most
     * {@link #MAX_WAIT_MS}; the rest of the network's traffic goes on meanwhile. False when
     * {@code stop} ended the run.
     */
    public boolean awaitJoin(SimNode node, BooleanSupplier stop) {
        return runUntilDone(() -> !node.isJoining(), clock.now() + MAX_WAIT_MS, stop);
    }

    /** Runs until {@code op} ended or its {@code origin} crashed, at most {@link #MAX_WAIT_MS}; false when stopped. */
    public boolean awaitOperation(Operation op, SimNode origin, BooleanSupplier stop) {
        return runUntilDone(() -> op.future().isDone() || !origin.isAlive(), clock.now() + MAX_WAIT_MS, stop);
    }

    /**
     * Runs until no RPC or join is under way, at most {@link #MAX_WAIT_MS}: a large network under
     * loss, where refreshes overlap, may never be quite idle. False when stopped.
     */
    public boolean awaitIdle(BooleanSupplier stop) {
        return runUntilDone(() -> !clock.isBusy(), clock.now() + MAX_WAIT_MS, stop);
    }

    /** Like {@link #runUntilIdle()}, but asks {@code stop} before every action; false when it stopped the run. */
    public boolean runUntilIdle(BooleanSupplier stop) {
        while (clock.isBusy()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            step();
        }
        return true;
    }

    /** Lets {@code ms} of virtual time pass: refresh, expiry, republishing and churn all happen. */
    public void advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("cannot advance by a negative time: " + ms);
        }
        runUntil(clock.now() + ms);
    }

    // ------------------------------------------------------------------ membership

    /** Adds a node with a random id that joins through a random live node (or starts alone). */
    public SimNode addNode() {
        record(new SimJournal.AddRandom());
        return membership.add(roster.freshId(), roster.randomLive());
    }

    /**
     * Adds {@code n} nodes whose routing tables are built from the global view, as PeerSim's
     * initialiser builds them ({@link Prefill}: each bucket up to k random nodes of its range, in
     * random LRU order), with no message sent: a labelled warm start for large networks, on an empty
     * network only. Their ids are the ones {@code n} joins would get from the same seed.
     */
    public List<SimNode> prefill(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("prefill: must be at least 1 node, was " + n);
        }
        if (!roster.nodes().isEmpty()) {
            throw new IllegalArgumentException("prefill: only an empty network can be prefilled (it has "
                    + roster.size() + " nodes); put prefill first");
        }
        if (keySpace.bits() < 31 && n > (1 << keySpace.bits())) {
            throw new IllegalArgumentException("prefill: " + n + " nodes do not fit in a " + keySpace.bits() + "-bit key space");
        }
        record(new SimJournal.Prefill(n));
        List<SimNode> added = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NodeId id = roster.freshId();
            roster.randomLive(); // the draw a join makes for its seed: the ids stay those of n joins
            added.add(membership.create(id, null));
        }
        prefilled += n;
        membership.fillTables(added, new SplittableRandom(config.seed() ^ PREFILL_STREAM));
        return added;
    }

    /** How many nodes got their tables from the global view instead of joining (0: all joined). */
    public int prefilled() {
        return prefilled;
    }

    /** Adds a node with {@code id} that joins through {@code seed} (null: it starts alone). */
    public SimNode addNode(NodeId id, SimNode seed) {
        record(new SimJournal.AddWithId(id, seed == null ? null : seed.id()));
        return membership.add(id, seed);
    }

    /** A random id no node has yet. */
    public NodeId freshId() {
        record(new SimJournal.Draw(SimJournal.DrawKind.FRESH_ID, null));
        return roster.freshId();
    }

    /**
     * A random id no node has yet whose XOR distance to {@code local} falls in bucket {@code index}
     * (its highest set bit is bit {@code index}), or null when every id of that range is taken. It is
     * drawn from a stream split off the seed for this request alone (the seed, the nodes added so
     * far, {@code local} and {@code index}), so the same network gives the same id and the
     * simulation's own streams are left as they were: a scenario that names the id replays the same.
     */
    public NodeId freshIdInBucket(NodeId local, int index) {
        if (index < 0 || index >= keySpace.bits()) {
            throw new IllegalArgumentException("bucket index must be between 0 and " + (keySpace.bits() - 1) + ", was " + index);
        }
        long mix = config.seed() ^ (0x9E3779B97F4A7C15L * (roster.size() + 1L)) ^ ((long) local.hashCode() << 20) ^ index;
        return roster.freshIdInBucket(local, index, new SplittableRandom(mix));
    }

    /** A live node chosen uniformly at random, or null if none is alive. */
    public SimNode randomLive() {
        record(new SimJournal.Draw(SimJournal.DrawKind.LIVE, null));
        return roster.randomLive();
    }

    /** A live node chosen at random other than {@code except}, or null. */
    public SimNode randomLiveOtherThan(SimNode except) {
        record(new SimJournal.Draw(SimJournal.DrawKind.LIVE_OTHER, except == null ? null : except.id()));
        return roster.randomLiveOtherThan(except);
    }

    /** A random id of the key space (for lookup targets). */
    public NodeId randomId() {
        record(new SimJournal.Draw(SimJournal.DrawKind.ID, null));
        return keySpace.randomId(random);
    }

    /** Draws from the simulation's one random source. */
    public SplittableRandom random() {
        if (journal != null && !inStep) {
            journal.brokenBy("a draw from the random source itself"); // what it was used for cannot be replayed
        }
        return random;
    }

    /** Crashes {@code node}: it stops answering and its unfinished lookups are abandoned; its state is kept. */
    public void kill(SimNode node) {
        record(new SimJournal.Kill(idOf(node)));
        membership.kill(node);
    }

    /** Brings a crashed node back with the state it had; its upkeep resumes at once. */
    public void revive(SimNode node) {
        record(new SimJournal.Revive(idOf(node)));
        membership.revive(node);
    }

    /**
     * Splits the network: nodes in {@code sideA} and all others cannot reach each other (nodes added
     * later join the other side). The cut applies to messages in flight too.
     */
    public void partition(Set<NodeId> sideA) {
        record(new SimJournal.Partition(Set.copyOf(sideA)));
        transport.partition(roster.nodes(), sideA);
    }

    /** Ends a partition. */
    public void heal() {
        record(new SimJournal.Heal());
        transport.heal();
    }

    /**
     * Churn for {@code durationMs} of virtual time: every live node gets a session length from
     * {@code model}; when it ends, the node crashes. New nodes arrive as a Poisson process at rate
     * (live nodes) / mean, so the population stays about level; each newcomer joins through a random
     * live node and gets a session of its own. Runs the simulation to the end of the period.
     */
    public void churn(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        runUntil(startChurn(model, meanSessionMs, shape, durationMs).endsAt());
    }

    /**
     * Like {@link #churn(SessionModel, double, double, long)}, but asks {@code stop} before every
     * action; false when it stopped the run before the period ended.
     */
    public boolean churn(SessionModel model, double meanSessionMs, double shape, long durationMs, BooleanSupplier stop) {
        return runUntil(startChurn(model, meanSessionMs, shape, durationMs).endsAt(), stop);
    }

    /**
     * Starts churn as a {@link Background} process (see {@link #churn(SessionModel, double, double, long)})
     * that plays out as virtual time runs, for {@code durationMs} ({@link Background#UNTIL_STOPPED}: until
     * stopped); this call returns at once.
     */
    public Background startChurn(SessionModel model, double meanSessionMs, double shape, long durationMs) {
        record(new SimJournal.StartChurn(model, meanSessionMs, shape, durationMs));
        return journaled(churn.start(model, meanSessionMs, shape, durationMs));
    }

    /**
     * Starts a background {@link Workload} of lookups to random targets and find_values of keys stored
     * earlier, at the given rates per hour of virtual time, for {@code durationMs}; returns at once.
     */
    public Workload startWorkload(double lookupsPerHour, double findValuesPerHour, long durationMs) {
        return startWorkload(lookupsPerHour, findValuesPerHour, durationMs, true);
    }

    /**
     * Like {@link #startWorkload(double, double, long)}; with {@code recorded} false its queries are
     * counted only in its own {@link Workload#tally()}, not in {@link #operations()} nor in the user
     * figures of {@link #stats()} (a long workload then never floods the operation list).
     */
    public Workload startWorkload(double lookupsPerHour, double findValuesPerHour, long durationMs, boolean recorded) {
        Workload.checkRate("lookups_per_hour", lookupsPerHour);
        Workload.checkRate("find_values_per_hour", findValuesPerHour);
        record(new SimJournal.StartWorkload(lookupsPerHour, findValuesPerHour, durationMs, recorded));
        Workload w = new Workload(this, clock, random.split(), this::storedKeys, durationMs, recorded);
        w.start(lookupsPerHour, findValuesPerHour);
        return journaled(w);
    }

    /** A background process started from outside: its stop is an input too. */
    private <B extends Background> B journaled(B b) {
        if (journal != null && !inStep) {
            int index = journal.started(b);
            b.onStop = () -> record(new SimJournal.StopBackground(index));
        }
        return b;
    }

    /** Sets the share of messages lost from now on (0 <= loss < 1), e.g. for a what-if. */
    public void setLoss(double loss) {
        record(new SimJournal.SetLoss(loss));
        transport.setLoss(loss);
    }

    /** The share of messages lost now. */
    public double loss() {
        return transport.loss();
    }

    /** The user keys stored so far (the latest {@link #MAX_STORED_KEYS}), oldest first. */
    public List<String> storedKeys() {
        if (storedKeyList.size() != storedKeys.size()) {
            storedKeyList = List.copyOf(storedKeys);
        }
        return storedKeyList;
    }

    /** Who holds the record of user key {@code key} now, against its true k closest live nodes. */
    public Durability durability(String key) {
        return Durability.sample(key, keySpace.keyId(key), clock.now(), kad.k(), roster);
    }

    // ------------------------------------------------------------------ user operations

    /**
     * Starts find_node from {@code origin}. The handle names its lookup at once; its future completes
     * with the record, judged against the ground truth when the lookup ended.
     */
    public Operation findNode(SimNode origin, NodeId target) {
        record(new SimJournal.FindNode(idOf(origin), target, 0, null));
        return operations.findNode(origin, target, true);
    }

    /** {@link #findNode(SimNode, NodeId)} with this lookup's own alpha and mode (a what-if). */
    public Operation findNode(SimNode origin, NodeId target, int alpha, LookupMode mode) {
        record(new SimJournal.FindNode(idOf(origin), target, alpha, mode));
        return operations.findNode(origin, target, alpha, mode);
    }

    /** {@link #findNode(SimNode, NodeId)}; unless {@code recorded}, judged but neither kept nor counted in the stats. */
    Operation findNode(SimNode origin, NodeId target, boolean recorded) {
        return operations.findNode(origin, target, recorded);
    }

    /**
     * Starts find_value for the user key {@code key} from {@code origin}; the record says whether the
     * value was found, when and from whom. A value the origin holds itself needs no lookup.
     */
    public Operation findValue(SimNode origin, String key) {
        record(new SimJournal.FindValue(idOf(origin), key));
        return findValue(origin, key, true);
    }

    /** {@link #findValue(SimNode, String)}; unless {@code recorded}, judged but neither kept nor counted in the stats. */
    Operation findValue(SimNode origin, String key, boolean recorded) {
        return operations.findValue(origin, key, recorded);
    }

    /**
     * Stores {@code value} under the user key {@code key} from {@code origin}. The handle's lookup is
     * the one that finds the k closest nodes before the STOREs; the record lists who acknowledged.
     */
    public Operation store(SimNode origin, String key, String value) {
        record(new SimJournal.Store(idOf(origin), key, value));
        Operation op = operations.store(origin, key, value);
        if (storedKeys.add(key) && storedKeys.size() > MAX_STORED_KEYS) {
            storedKeys.remove(storedKeys.iterator().next());
        }
        upkeep.schedule(origin); // the publisher's republish timer starts now
        return op;
    }
}
