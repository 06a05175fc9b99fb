package org.kadlab.sim.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.kadlab.sim.DurabilitySample;
import org.kadlab.sim.Workload;

/**
 * The report's {@code churn} array, one object per churn step in the order run: the step's settings,
 * its workload's tally ({@code null} without a workload; shares of nothing are {@code null}) and its
 * durability samples (at most {@link ScenarioRunner#MAX_DURABILITY_SAMPLES} + 2, with the number
 * dropped beyond that).
 */
final class ChurnReport {
    private ChurnReport() {
    }

    static void write(JsonGenerator g, List<ChurnOutcome> churns) throws IOException {
        g.writeArrayFieldStart("churn");
        for (ChurnOutcome o : churns) {
            Scenario.Churn c = o.step();
            g.writeStartObject();
            g.writeNumberField("line", c.line());
            g.writeStringField("model", c.model().toString());
            g.writeNumberField("mean_session_ms", c.meanSessionMs());
            g.writeNumberField("shape", c.shape());
            g.writeNumberField("duration_ms", c.durationMs());
            g.writeNumberField("lookups_per_hour", c.lookupsPerHour());
            g.writeNumberField("find_values_per_hour", c.findValuesPerHour());
            if (c.sampleEveryMs() > 0) {
                g.writeNumberField("sample_every_ms", c.sampleEveryMs());
            } else {
                g.writeNullField("sample_every_ms");
            }
            g.writeNumberField("start_ms", o.startMs());
            g.writeNumberField("end_ms", o.endMs());
            workload(g, o);
            durability(g, o);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void workload(JsonGenerator g, ChurnOutcome o) throws IOException {
        Workload.Tally t = o.tally();
        if (t == null) {
            g.writeNullField("workload");
            return;
        }
        g.writeObjectFieldStart("workload");
        g.writeNumberField("lookups", t.lookups());
        g.writeNumberField("exact", t.exact());
        share(g, "exact_share", t.exactShare());
        share(g, "mean_recall", t.meanRecall());
        g.writeNumberField("find_values", t.findValues());
        g.writeNumberField("found", t.found());
        share(g, "found_share", t.foundShare());
        g.writeNumberField("skipped", o.skipped());
        g.writeEndObject();
    }

    private static void durability(JsonGenerator g, ChurnOutcome o) throws IOException {
        g.writeObjectFieldStart("durability");
        int min = o.minHolders();
        if (min >= 0) {
            g.writeNumberField("min_holders", min);
        } else {
            g.writeNullField("min_holders");
        }
        g.writeNumberField("samples_dropped", o.samplesDropped());
        g.writeArrayFieldStart("samples");
        for (DurabilitySample s : o.samples()) {
            g.writeStartObject();
            g.writeNumberField("at_ms", s.atMs());
            g.writeNumberField("live_nodes", s.liveNodes());
            g.writeNumberField("keys", s.keys());
            g.writeNumberField("truth_size", s.truthSize());
            g.writeNumberField("min_holders", s.minHolders());
            g.writeNumberField("mean_holders", s.meanHolders());
            share(g, "live_share", s.liveShare());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A share of nothing (NaN) is null, never 0 or 100 %. */
    private static void share(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }
}
