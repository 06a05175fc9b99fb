package org.kadlab.sim.scenario;

import java.util.List;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.SimConfig;

/**
 * A scenario: the network's settings and the steps to run on it, as read from a YAML file. Each
 * step remembers its line so that a failure while running can point at it.
 */
public record Scenario(String file, SimConfig config, List<Step> steps) {

    /** One step of a scenario. */
    public sealed interface Step {
        int line();

        /** The same step at another line (0 for none): compare steps from different files with {@code atLine(0)}. */
        Step atLine(int line);
    }

    /** This scenario's steps, each at line 0, so that scenarios read from different texts compare by content. */
    public List<Step> stepsWithoutLines() {
        return steps.stream().map(s -> s.atLine(0)).toList();
    }

    /**
     * {@code add: N}: N nodes join one at a time, each through a random live node; or
     * {@code add: {ids: ["3f2a", ...], count: N}}: the nodes with these ids join first, in order, then
     * N minus their number with random ids (N defaults to the number of ids).
     */
    public record Add(int line, int count, List<String> ids) implements Step {
        public Add {
            ids = List.copyOf(ids);
            if (count < ids.size()) {
                throw new IllegalArgumentException("an add step adds at least its " + ids.size() + " ids, not " + count);
            }
        }

        /** {@code add: N} with random ids. */
        public Add(int line, int count) {
            this(line, count, List.of());
        }

        @Override
        public Add atLine(int line) {
            return new Add(line, count, ids);
        }
    }

    /**
     * {@code prefill: N}: N nodes whose routing tables are built from the global view (up to k random
     * nodes per bucket, as PeerSim's initialiser does) with no join message; the first step only, and
     * every report says the tables were prefilled.
     */
    public record Prefill(int line, int count) implements Step {
        @Override
        public Prefill atLine(int line) {
            return new Prefill(line, count);
        }
    }

    /** {@code kill: N} or {@code kill: "30%"}: crash random live nodes. */
    public record Kill(int line, int count, double fraction) implements Step {
        @Override
        public Kill atLine(int line) {
            return new Kill(line, count, fraction);
        }
    }

    /** {@code kill: {node: "<hex id>"}}: crash one given node. */
    public record KillNode(int line, String node) implements Step {
        @Override
        public KillNode atLine(int line) {
            return new KillNode(line, node);
        }
    }

    /** {@code revive: all} or {@code revive: N}: bring crashed nodes back (count -1 means all). */
    public record Revive(int line, int count) implements Step {
        @Override
        public Revive atLine(int line) {
            return new Revive(line, count);
        }
    }

    /** {@code lookups: N}: find_node from a random live node to a random target, N times. */
    public record Lookups(int line, int count) implements Step {
        @Override
        public Lookups atLine(int line) {
            return new Lookups(line, count);
        }
    }

    /** {@code lookup: {from, target}}: one find_node (from may be null: a random live node). */
    public record LookupOne(int line, String from, String target) implements Step {
        @Override
        public LookupOne atLine(int line) {
            return new LookupOne(line, from, target);
        }
    }

    /** {@code store: {key, value, from?}}. */
    public record Store(int line, String key, String value, String from) implements Step {
        @Override
        public Store atLine(int line) {
            return new Store(line, key, value, from);
        }
    }

    /** {@code find_value: {key, from?}}. */
    public record FindValue(int line, String key, String from) implements Step {
        @Override
        public FindValue atLine(int line) {
            return new FindValue(line, key, from);
        }
    }

    /** {@code advance: 3600s}: let virtual time pass. */
    public record Advance(int line, long ms) implements Step {
        @Override
        public Advance atLine(int line) {
            return new Advance(line, ms);
        }
    }

    /**
     * {@code churn: {model, mean_session, shape, duration, lookups_per_hour?, find_values_per_hour?,
     * sample_every?}}: sessions end and newcomers arrive for the duration, while a workload of lookups
     * and find_values (of keys stored earlier) runs at the given rates per hour (0: none) and the
     * stored records' durability is sampled every {@code sampleEveryMs} (0: at the start and end only).
     */
    public record Churn(int line, SessionModel model, long meanSessionMs, double shape, long durationMs,
                        double lookupsPerHour, double findValuesPerHour, long sampleEveryMs) implements Step {
        /** Churn without a workload, sampled at its start and end only. */
        public Churn(int line, SessionModel model, long meanSessionMs, double shape, long durationMs) {
            this(line, model, meanSessionMs, shape, durationMs, 0, 0, 0);
        }

        @Override
        public Churn atLine(int line) {
            return new Churn(line, model, meanSessionMs, shape, durationMs, lookupsPerHour, findValuesPerHour, sampleEveryMs);
        }

        /** Whether a workload runs during it. */
        public boolean hasWorkload() {
            return lookupsPerHour > 0 || findValuesPerHour > 0;
        }
    }
}
