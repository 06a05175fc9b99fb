package org.kadlab.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.NodeId;

/**
 * Runs the same find_node lookups on the same network under 2 to 4 configurations, side by side.
 *
 * <ol>
 *   <li>One network per configuration is built on the base seed, each join awaited in turn: the
 *       roster's own random stream gives every network the same ids joining in the same order through
 *       the same contacts, whatever alpha, lookup mode, k, retries or loss (checked: a network with
 *       other ids is an error).</li>
 *   <li>The lookups (an origin, by join index or id, and a target) are given, or drawn from a stream
 *       of their own seeded by the base seed, so every configuration sees the same origins and
 *       targets. Each lookup runs on every network in turn: awaited, then the network settles (both
 *       at most {@link Simulation#MAX_WAIT_MS} of virtual time).</li>
 *   <li>Each outcome is judged against that network's ground truth: hops, RPCs, virtual time, exact,
 *       recall and the true closest nodes it missed.</li>
 * </ol>
 * Same request, same result. Bounded: at most {@link #MAX_SETUPS} configurations, {@link #MAX_LOOKUPS}
 * lookups and {@link #MAX_NODES} nodes. A stop supplier ends the run early with the lookups done so far.
 */
public final class Comparison {
    /** Fewest configurations compared. */
    public static final int MIN_SETUPS = 2;
    /** Most configurations compared. */
    public static final int MAX_SETUPS = 4;
    /** Most lookups in one comparison. */
    public static final int MAX_LOOKUPS = 1_000;
    /** Most nodes in each network. */
    public static final int MAX_NODES = 4_096;
    /** Mixed into the base seed for the stream that draws random lookups. */
    private static final long QUERY_STREAM = 0x2545F4914F6CDD1DL;

    private Comparison() {
    }

    /**
     * One configuration: a name and the knobs it sets on the base (everything else is the base's).
     *
     * @param name        shown in tables and charts ("A", "alpha 1", ...)
     * @param k           bucket size and result size
     * @param alpha       lookup parallelism
     * @param mode        how lookups pace their queries
     * @param loss        message loss, in [0, 1)
     * @param rpcRetries  resends of a request that timed out
     */
    public record Setup(String name, int k, int alpha, LookupMode mode, double loss, int rpcRetries) {
        public Setup {
            Objects.requireNonNull(mode, "mode");
            name = name == null ? "" : name.strip();
        }

        /** The base's own knobs under {@code name}. */
        public static Setup of(String name, SimConfig base) {
            KadConfig k = base.kad();
            return new Setup(name, k.k(), k.alpha(), k.lookupMode(), base.loss(), k.rpcRetries());
        }

        public Setup withName(String v) {
            return new Setup(v, k, alpha, mode, loss, rpcRetries);
        }

        public Setup withK(int v) {
            return new Setup(name, v, alpha, mode, loss, rpcRetries);
        }

        public Setup withAlpha(int v) {
            return new Setup(name, k, v, mode, loss, rpcRetries);
        }

        public Setup withMode(LookupMode v) {
            return new Setup(name, k, alpha, v, loss, rpcRetries);
        }

        public Setup withLoss(double v) {
            return new Setup(name, k, alpha, mode, v, rpcRetries);
        }

        public Setup withRpcRetries(int v) {
            return new Setup(name, k, alpha, mode, loss, v);
        }

        /** The base with this configuration's knobs; throws naming the field when one is impossible. */
        public SimConfig apply(SimConfig base) {
            KadConfig kad = base.kad().toBuilder().k(k).alpha(alpha).lookupMode(mode).rpcRetries(rpcRetries).build();
            return base.withKad(kad).withLoss(loss);
        }

        /** "k 4, alpha 3, sliding, loss 0%, retries 0". */
        public String describe() {
            return String.format(Locale.ROOT, "k %d, alpha %d, %s, loss %s%%, retries %d", k, alpha,
                    mode.name().toLowerCase(Locale.ROOT), plain(100 * loss), rpcRetries);
        }
    }

    /**
     * One lookup: from the node at {@code origin} in join order (or, when {@code originId} is set,
     * from that node) to {@code target}.
     */
    public record Query(int origin, NodeId originId, NodeId target) {
        public Query {
            Objects.requireNonNull(target, "target");
        }

        /** From the {@code index}-th node to join (0 = the first). */
        public static Query at(int index, NodeId target) {
            return new Query(index, null, target);
        }

        /** From the node with id {@code origin}. */
        public static Query from(NodeId origin, NodeId target) {
            return new Query(-1, Objects.requireNonNull(origin, "origin"), target);
        }
    }

    /** What to compare: a base configuration, the network's size, the configurations and the lookups. */
    public record Request(SimConfig base, int nodes, List<Setup> setups, List<Query> queries) {
        public Request {
            Objects.requireNonNull(base, "base");
            setups = List.copyOf(setups);
            queries = List.copyOf(queries);
        }

        /** {@code lookups} random lookups (see {@link #randomQueries}). */
        public static Request random(SimConfig base, int nodes, List<Setup> setups, int lookups) {
            checkRange("lookups", lookups, 1, MAX_LOOKUPS);
            checkRange("nodes", nodes, 1, MAX_NODES);
            return new Request(base, nodes, setups, randomQueries(base, nodes, lookups));
        }
    }

    /** How far a run is: {@code done} of {@code total} steps (joins and lookups, over all networks). */
    public record Progress(String phase, int done, int total) {
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }
    }

    /**
     * {@code n} lookups from a node chosen uniformly by join index to a random id, drawn from a stream
     * of their own seeded by the base seed: the same for every configuration and every run.
     */
    public static List<Query> randomQueries(SimConfig base, int nodes, int n) {
        SplittableRandom r = new SplittableRandom(base.seed() ^ QUERY_STREAM);
        KeySpace ks = base.kad().keySpace();
        List<Query> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int origin = r.nextInt(nodes);
            out.add(Query.at(origin, ks.randomId(r)));
        }
        return out;
    }

    /** Rejects a request that cannot run, with a message saying what is wrong. */
    public static void validate(Request r) {
        int n = r.setups().size();
        if (n < MIN_SETUPS || n > MAX_SETUPS) {
            throw new IllegalArgumentException("compare " + MIN_SETUPS + " to " + MAX_SETUPS + " configurations, got " + n);
        }
        checkRange("lookups", r.queries().size(), 1, MAX_LOOKUPS);
        KeySpace ks = r.base().kad().keySpace();
        long room = ks.bits() >= 31 ? Long.MAX_VALUE : 1L << ks.bits();
        checkRange("nodes", r.nodes(), 2, (int) Math.min(MAX_NODES, room));
        Set<String> names = new HashSet<>();
        for (Setup s : r.setups()) {
            if (s.name().isEmpty()) {
                throw new IllegalArgumentException("every configuration needs a name");
            }
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two configurations are called '" + s.name() + "'");
            }
            try {
                s.apply(r.base());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < r.queries().size(); i++) {
            Query q = r.queries().get(i);
            if (!ks.contains(q.target()) || (q.originId() != null && !ks.contains(q.originId()))) {
                throw new IllegalArgumentException("lookup " + (i + 1) + ": an id is wider than the network's "
                        + ks.bits() + "-bit ids");
            }
            if (q.originId() == null && (q.origin() < 0 || q.origin() >= r.nodes())) {
                throw new IllegalArgumentException("lookup " + (i + 1) + ": origin " + q.origin() + " is not a node index 0.."
                        + (r.nodes() - 1));
            }
        }
    }

    /** Runs {@code r}, telling {@code progress} how far it is; {@code stop} ends it early (the result says so). */
    public static ComparisonResult run(Request r, BooleanSupplier stop, Consumer<Progress> progress) {
        validate(r);
        int setups = r.setups().size();
        int total = setups * (r.nodes() + r.queries().size());
        int[] done = {0};
        List<Simulation> sims = new ArrayList<>(setups);
        List<NodeId> ids = null;
        for (Setup s : r.setups()) {
            Simulation sim = new Simulation(s.apply(r.base()).withHistoryCapacity(0));
            sim.setKeepOperations(false);
            for (int i = 0; i < r.nodes(); i++) {
                if (!sim.awaitJoin(sim.addNode(), stop)) {
                    return new ComparisonResult(r, ids == null ? List.of() : ids, List.of(), true);
                }
                progress.accept(new Progress("building " + s.name(), ++done[0], total));
            }
            if (!sim.awaitIdle(stop)) {
                return new ComparisonResult(r, ids == null ? List.of() : ids, List.of(), true);
            }
            List<NodeId> these = sim.nodes().stream().map(SimNode::id).toList();
            if (ids == null) {
                ids = these;
            } else if (!ids.equals(these)) {
                throw new IllegalStateException(s.name() + " built other node ids than " + r.setups().get(0).name());
            }
            sims.add(sim);
        }
        List<ComparisonResult.Row> rows = new ArrayList<>(r.queries().size());
        for (int i = 0; i < r.queries().size(); i++) {
            Query q = r.queries().get(i);
            NodeId origin = q.originId() != null ? q.originId() : ids.get(q.origin());
            int index = ids.indexOf(origin);
            if (index < 0) {
                throw new IllegalArgumentException("lookup " + (i + 1) + ": origin " + sims.get(0).keySpace().hex(origin)
                        + " is not a node of the network");
            }
            List<ComparisonResult.Outcome> outcomes = new ArrayList<>(setups);
            for (int c = 0; c < setups; c++) {
                ComparisonResult.Outcome o = lookup(sims.get(c), origin, q.target(), stop);
                if (o == null) {
                    return new ComparisonResult(r, ids, rows, true);
                }
                outcomes.add(o);
                progress.accept(new Progress("lookup " + (i + 1) + " on " + r.setups().get(c).name(), ++done[0], total));
            }
            rows.add(new ComparisonResult.Row(i + 1, index, origin, q.target(), outcomes));
        }
        return new ComparisonResult(r, ids, rows, false);
    }

    /** One find_node awaited, then the network settles; null when stopped. */
    private static ComparisonResult.Outcome lookup(Simulation sim, NodeId originId, NodeId target, BooleanSupplier stop) {
        SimNode origin = sim.node(originId);
        Operation op = sim.findNode(origin, target);
        if (!sim.awaitOperation(op, origin, stop)) {
            return null;
        }
        OperationRecord rec = op.future().getNow(null);
        if (!sim.awaitIdle(stop)) {
            return null;
        }
        return rec == null ? ComparisonResult.Outcome.UNFINISHED : ComparisonResult.Outcome.of(rec);
    }

    private static void checkRange(String what, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + v);
        }
    }

    /** {@code v} with at most three decimals and no trailing zeros: 5, 0.5, 2.125. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
