package org.kadlab.sim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SessionModel;
import org.kadlab.sim.Workload;

/**
 * Reads a scenario's list of steps, each one {@code name: value} pair, and checks each step's
 * fields: ids against the scenario's key space, a prefill only as the first step, and a churn's
 * find_values only after a store.
 */
final class ScenarioSteps {
    private static final Set<String> STEPS = Set.of("add", "kill", "revive", "lookups", "lookup", "store",
            "find_value", "advance", "churn", "prefill");

    private final ScenarioValues values;
    /** The scenario's key space (ids in steps are checked against it). */
    private final KeySpace keySpace;
    /** Whether a store step came before the step being read (a churn workload's find_values need a key). */
    private boolean storedBefore;

    ScenarioSteps(ScenarioValues values, KeySpace keySpace) {
        this.values = values;
        this.keySpace = keySpace;
    }

    /** The steps of the {@code steps} field, in order; none when it is empty. */
    List<Scenario.Step> read(Yaml.Located s) throws ScenarioException {
        List<Scenario.Step> steps = new ArrayList<>();
        if (s.value() != null) {
            if (!(s.value() instanceof List)) {
                throw values.fail(s.line(), "steps", "must be a list of steps, each like '- add: 20', not " + s.kind());
            }
            for (Yaml.Located item : s.list()) {
                Scenario.Step step = step(item);
                if (step instanceof Scenario.Prefill && !steps.isEmpty()) {
                    throw values.fail(step.line(), "prefill", "must be the first step: only an empty network can be prefilled");
                }
                storedBefore |= step instanceof Scenario.Store;
                steps.add(step);
            }
        }
        return steps;
    }

    private Scenario.Step step(Yaml.Located item) throws ScenarioException {
        if (!(item.value() instanceof Map) || item.map().size() != 1) {
            throw values.fail(item.line(), "steps", "each step is one 'name: value' pair such as '- add: 20'; known steps: "
                    + String.join(", ", ScenarioValues.sorted(STEPS)));
        }
        Map.Entry<String, Yaml.Located> e = item.map().entrySet().iterator().next();
        String name = e.getKey();
        Yaml.Located v = e.getValue();
        int line = v.line();
        if (!STEPS.contains(name)) {
            throw values.fail(line, name, "unknown step" + ScenarioValues.suggestion(name, STEPS) + "; known steps: "
                    + String.join(", ", ScenarioValues.sorted(STEPS)));
        }
        return switch (name) {
            case "add" -> add(v);
            case "kill" -> kill(v);
            case "revive" -> {
                if ("all".equals(v.value())) {
                    yield new Scenario.Revive(line, -1);
                }
                if (v.value() instanceof String) {
                    throw values.fail(line, "revive", "must be 'all' or a number of nodes, was '" + v.value() + "'");
                }
                yield new Scenario.Revive(line, (int) values.longValue(v, "revive", 0, 10_000_000));
            }
            case "lookups" -> new Scenario.Lookups(line, (int) values.longValue(v, "lookups", 0, 100_000_000));
            case "lookup" -> {
                Map<String, Yaml.Located> m = values.fields(v, "lookup", Set.of("from", "target"));
                yield new Scenario.LookupOne(line, values.optionalText(m, "from", "lookup.from"),
                        values.requiredText(m, v, "target", "lookup.target"));
            }
            case "store" -> {
                Map<String, Yaml.Located> m = values.fields(v, "store", Set.of("key", "value", "from"));
                yield new Scenario.Store(line, values.requiredText(m, v, "key", "store.key"),
                        values.requiredText(m, v, "value", "store.value"), values.optionalText(m, "from", "store.from"));
            }
            case "find_value" -> {
                Map<String, Yaml.Located> m = values.fields(v, "find_value", Set.of("key", "from"));
                yield new Scenario.FindValue(line, values.requiredText(m, v, "key", "find_value.key"),
                        values.optionalText(m, "from", "find_value.from"));
            }
            case "advance" -> new Scenario.Advance(line, values.duration(v, "advance"));
            case "prefill" -> new Scenario.Prefill(line, (int) values.longValue(v, "prefill", 1, 10_000_000));
            default -> churn(v);
        };
    }

    /** {@code add: N}, or {@code add: {ids: [...], count: N}} with ids of the scenario's width, each once. */
    private Scenario.Step add(Yaml.Located v) throws ScenarioException {
        if (!(v.value() instanceof Map)) {
            return new Scenario.Add(v.line(), (int) values.longValue(v, "add", 1, 10_000_000));
        }
        Map<String, Yaml.Located> m = values.fields(v, "add", Set.of("ids", "count"));
        if (!m.containsKey("ids")) {
            throw values.fail(v.line(), "add.ids", "is required in the mapping form, e.g. add: {ids: [\"3f2a\"]}; "
                    + "for random ids write add: 20");
        }
        Yaml.Located list = m.get("ids");
        if (!(list.value() instanceof List) || list.list().isEmpty()) {
            throw values.fail(list.line(), "add.ids", "must be a list of one or more ids, e.g. [\"3f2a\", \"0b01\"], not "
                    + ScenarioValues.describe(list));
        }
        List<String> ids = new ArrayList<>();
        Set<NodeId> seen = new HashSet<>();
        for (Yaml.Located item : list.list()) {
            String text = values.text(item, "add.ids");
            NodeId id;
            try {
                id = keySpace.parse(text);
            } catch (IllegalArgumentException e) {
                throw values.fail(item.line(), "add.ids", e.getMessage());
            }
            if (!seen.add(id)) {
                throw values.fail(item.line(), "add.ids", "id " + keySpace.hex(id) + " is listed twice");
            }
            ids.add(text);
        }
        int count = ids.size();
        if (m.containsKey("count")) {
            Yaml.Located c = m.get("count");
            count = (int) values.longValue(c, "add.count", 1, 10_000_000);
            if (count < ids.size()) {
                throw values.fail(c.line(), "add.count", "must be at least the number of ids (" + ids.size() + "), was " + count);
            }
        }
        return new Scenario.Add(v.line(), count, ids);
    }

    private Scenario.Step kill(Yaml.Located v) throws ScenarioException {
        if (v.value() instanceof Map) {
            Map<String, Yaml.Located> m = values.fields(v, "kill", Set.of("node"));
            return new Scenario.KillNode(v.line(), values.requiredText(m, v, "node", "kill.node"));
        }
        if (v.value() instanceof String s && s.strip().endsWith("%")) {
            String num = s.strip().substring(0, s.strip().length() - 1).strip();
            BigDecimal pct;
            try {
                pct = new BigDecimal(num);
            } catch (NumberFormatException ex) {
                throw values.fail(v.line(), "kill", "'" + s + "' is not a percentage such as \"30%\"");
            }
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw values.fail(v.line(), "kill", "a percentage must be between 0% and 100%, was " + s);
            }
            // divided exactly, rounded once: every fraction has a percentage that reads back to it
            return new Scenario.Kill(v.line(), -1, pct.movePointLeft(2).doubleValue());
        }
        return new Scenario.Kill(v.line(), (int) values.longValue(v, "kill", 0, 10_000_000), -1);
    }

    private Scenario.Step churn(Yaml.Located v) throws ScenarioException {
        Map<String, Yaml.Located> m = values.fields(v, "churn", Set.of("model", "mean_session", "shape", "duration",
                "lookups_per_hour", "find_values_per_hour", "sample_every"));
        String modelName = values.requiredText(m, v, "model", "churn.model");
        SessionModel model;
        try {
            model = SessionModel.parse(modelName);
        } catch (IllegalArgumentException e) {
            throw values.fail(m.get("model").line(), "churn.model", e.getMessage());
        }
        if (!m.containsKey("mean_session")) {
            throw values.fail(v.line(), "churn.mean_session", "is required, e.g. mean_session: 600s");
        }
        if (!m.containsKey("duration")) {
            throw values.fail(v.line(), "churn.duration", "is required, e.g. duration: 3600s");
        }
        long mean = values.duration(m.get("mean_session"), "churn.mean_session");
        long dur = values.duration(m.get("duration"), "churn.duration");
        double shape = m.containsKey("shape") ? values.number(m.get("shape"), "churn.shape")
                : (model == SessionModel.PARETO ? 2.0 : 1.0);
        try {
            model.validate(mean, shape);
        } catch (IllegalArgumentException e) {
            throw values.fail(m.containsKey("shape") ? m.get("shape").line() : v.line(), "churn.shape", e.getMessage());
        }
        double lookups = rate(m, "lookups_per_hour");
        double findValues = rate(m, "find_values_per_hour");
        if (findValues > 0 && !storedBefore) {
            throw values.fail(m.get("find_values_per_hour").line(), "churn.find_values_per_hour",
                    "looks up keys stored earlier, but no store step comes before this churn: add one, e.g. "
                            + "'- store: {key: \"k1\", value: \"v1\"}'");
        }
        long every = 0;
        if (m.containsKey("sample_every")) {
            Yaml.Located e = m.get("sample_every");
            every = values.duration(e, "churn.sample_every");
            if (every < 1) {
                throw values.fail(e.line(), "churn.sample_every", "must be longer than 0 ms");
            }
            long samples = dur / every;
            if (samples > ScenarioRunner.MAX_DURABILITY_SAMPLES) {
                long least = (dur + ScenarioRunner.MAX_DURABILITY_SAMPLES - 1) / ScenarioRunner.MAX_DURABILITY_SAMPLES;
                throw values.fail(e.line(), "churn.sample_every", "gives " + samples + " samples over the churn's "
                        + ScenarioWriter.duration(dur) + "; at most " + ScenarioRunner.MAX_DURABILITY_SAMPLES
                        + " are kept per churn step, so sample every " + least + " ms or more");
            }
        }
        return new Scenario.Churn(v.line(), model, mean, shape, dur, lookups, findValues, every);
    }

    /** An optional rate per hour of virtual time: a number from 0 to {@link Workload#MAX_PER_HOUR}; 0 when absent. */
    private double rate(Map<String, Yaml.Located> m, String name) throws ScenarioException {
        if (!m.containsKey(name)) {
            return 0;
        }
        Yaml.Located r = m.get(name);
        double perHour = values.number(r, "churn." + name);
        if (!(perHour >= 0 && perHour <= Workload.MAX_PER_HOUR)) {
            throw values.fail(r.line(), "churn." + name, "must be between 0 and " + (long) Workload.MAX_PER_HOUR
                    + " per hour of virtual time, was " + r.value());
        }
        return perHour;
    }
}
