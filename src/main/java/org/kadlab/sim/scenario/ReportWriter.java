package org.kadlab.sim.scenario;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RecordStore;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.SimStats;
import org.kadlab.sim.Simulation;

/**
 * Writes the runner's report as JSON, streaming node by node so that a large network is never held
 * as a second tree in memory. Shape: config, nodes (id, alive, buckets head first, records),
 * operations (each judged against the ground truth: find_node's recall, a store's acknowledgements
 * from the true k closest, every operation's latency), stats (with mean find_node recall and
 * find_value success, null when nothing was measured), churn (per churn step its workload's tally and
 * the durability samples, see {@link ChurnReport}), invariant_violations.
 */
public final class ReportWriter {
    private final Simulation sim;
    private final KeySpace ks;
    private final List<ChurnOutcome> churns;

    public ReportWriter(Simulation sim) {
        this(sim, List.of());
    }

    /** A writer whose report also gives what each churn step measured ({@link ScenarioRunner#churnOutcomes()}). */
    public ReportWriter(Simulation sim, List<ChurnOutcome> churns) {
        this.sim = sim;
        this.ks = sim.keySpace();
        this.churns = List.copyOf(churns);
    }

    /** Writes the whole report to {@code out} (which stays open). */
    public void write(OutputStream out, RunTimings timings) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeConfig(g);
            writeNodes(g);
            writeOperations(g);
            writeStats(g, timings);
            ChurnReport.write(g, churns);
            g.writeArrayFieldStart("invariant_violations");
            for (String v : sim.violations()) {
                g.writeString(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void writeConfig(JsonGenerator g) throws IOException {
        KadConfig k = sim.config().kad();
        g.writeObjectFieldStart("config");
        g.writeNumberField("seed", sim.config().seed());
        g.writeNumberField("bits", k.bits());
        g.writeNumberField("k", k.k());
        g.writeNumberField("alpha", k.alpha());
        g.writeStringField("lookup_mode", k.lookupMode().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("latency_ms");
        g.writeNumber(sim.config().latencyMinMs());
        g.writeNumber(sim.config().latencyMaxMs());
        g.writeEndArray();
        g.writeNumberField("loss", sim.config().loss());
        g.writeNumberField("rpc_timeout_ms", k.rpcTimeoutMs());
        g.writeNumberField("refresh_interval_ms", k.refreshIntervalMs());
        g.writeNumberField("max_records", k.maxRecords());
        g.writeNumberField("record_ttl_ms", k.recordTtlMs());
        // how the tables were built: by real joins, or (a labelled warm start) from the global view
        g.writeStringField("tables", sim.prefilled() > 0 ? "prefilled from the global view, not built by joins" : "built by joins");
        g.writeNumberField("prefilled_nodes", sim.prefilled());
        g.writeEndObject();
    }

    private void writeNodes(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("nodes");
        for (SimNode n : sim.nodes()) {
            g.writeStartObject();
            g.writeStringField("id", ks.hex(n.id()));
            g.writeBooleanField("alive", n.isAlive());
            g.writeObjectFieldStart("buckets");
            for (KBucket b : n.kad().routingTable().nonEmptyBuckets()) {
                g.writeArrayFieldStart(Integer.toString(b.index()));
                for (int i = 0; i < b.size(); i++) {
                    g.writeString(ks.hex(b.contact(i).id()));
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("records");
            for (RecordStore.StoredRecord r : n.kad().recordStore().records()) {
                if (r.expiresAt() > sim.now()) {
                    g.writeString(ks.hex(r.key()));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeOperations(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("operations");
        for (OperationRecord o : sim.operations()) {
            g.writeStartObject();
            g.writeStringField("op", o.op());
            g.writeStringField("origin", ks.hex(o.origin()));
            g.writeStringField("target", ks.hex(o.target()));
            g.writeNumberField("start_ms", o.startMs());
            g.writeNumberField("end_ms", o.endMs());
            ids(g, "result", o.result());
            if (o.found() == null) {
                g.writeNullField("found");
            } else {
                g.writeBooleanField("found", o.found());
            }
            if (o.value() == null) {
                g.writeNullField("value");
            } else {
                g.writeStringField("value", o.value());
            }
            g.writeNumberField("hops", o.hops());
            g.writeNumberField("rpcs", o.rpcs());
            g.writeNumberField("failures", o.failures());
            ids(g, "truth", o.truth());
            g.writeBooleanField("exact", o.exact());
            if (o.op().equals("find_node")) {
                g.writeNumberField("recall", o.recall());
            } else {
                g.writeNullField("recall"); // find_value's truth label is not a find_node's; a store's is in acked_of_truth
            }
            ids(g, "missed", o.missed());
            if (o.op().equals("store")) {
                g.writeNumberField("acked_of_truth", o.ackedOfTruth());
                g.writeNumberField("truth_size", o.truth().size());
            } else {
                g.writeNullField("acked_of_truth");
                g.writeNullField("truth_size");
            }
            g.writeNumberField("latency_ms", o.latencyMs());
            if (o.valueFoundMs() == null) {
                g.writeNullField("value_found_ms");
            } else {
                g.writeNumberField("value_found_ms", o.valueFoundMs());
            }
            if (o.valueFrom() == null) {
                g.writeNullField("value_from");
            } else {
                g.writeStringField("value_from", ks.hex(o.valueFrom()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void ids(JsonGenerator g, String field, List<NodeId> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (NodeId id : ids) {
            g.writeString(ks.hex(id));
        }
        g.writeEndArray();
    }

    private void writeStats(JsonGenerator g, RunTimings t) throws IOException {
        SimStats s = sim.stats();
        g.writeObjectFieldStart("stats");
        g.writeNumberField("virtual_ms", sim.now());
        g.writeNumberField("nodes", sim.nodes().size());
        g.writeNumberField("live_nodes", sim.liveCount());
        g.writeNumberField("events", s.events());
        g.writeNumberField("messages", s.messages());
        g.writeNumberField("rpcs_sent", s.rpcsSent());
        g.writeNumberField("rpcs_timed_out", s.rpcsTimedOut());
        g.writeNumberField("lookups_started", s.lookupsStarted());
        g.writeNumberField("find_node_judged", s.judgedLookups());
        g.writeNumberField("find_node_exact", s.exactLookups());
        OptionalDouble share = s.exactShareIfJudged();
        if (share.isPresent()) {
            g.writeNumberField("find_node_exact_share", share.getAsDouble());
        } else {
            g.writeNullField("find_node_exact_share"); // no find_node judged: the share is undefined, not 100 %
        }
        numberOrNull(g, "find_node_mean_recall", s.meanRecallIfJudged());
        g.writeNumberField("find_value_ran", s.findValues());
        g.writeNumberField("find_value_found", s.findValuesFound());
        numberOrNull(g, "find_value_success_share", s.findValueSuccessIfAny());
        summary(g, "hops", s.hops());
        summary(g, "rpcs_per_lookup", s.rpcsPerLookup());
        g.writeNumberField("invariant_violations", s.invariantViolations());
        if (t != null) {
            g.writeNumberField("wall_ms", t.wallMs());
        }
        g.writeEndObject();
    }

    /** A share of nothing is undefined: null, never 0 or 100 %. */
    private static void numberOrNull(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }

    private static void summary(JsonGenerator g, String name, SimStats.Summary s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("mean", s.mean());
        g.writeNumberField("p50", s.p50());
        g.writeNumberField("p95", s.p95());
        g.writeNumberField("max", s.max());
        g.writeEndObject();
    }

    /** Wall-clock facts of a run, kept apart so that reports stay byte-identical without them. */
    public record RunTimings(long wallMs) {
    }
}
