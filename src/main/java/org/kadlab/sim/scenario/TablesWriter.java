package org.kadlab.sim.scenario;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.kadlab.kad.KeySpace;
import org.kadlab.sim.HealthReport;
import org.kadlab.sim.TableCapture;

/**
 * Writes a copy of every routing table ({@link TableCapture}) as JSON or CSV, streamed (no tree of
 * the whole network is built):
 * <ol>
 *   <li>JSON: the time, bits and k, the network's health summary ({@link HealthReport}, with the 61%
 *       IPFS reference), then one entry per node (live or not) with its health row when live and its
 *       non-empty buckets, each with its contacts least recently seen first.</li>
 *   <li>CSV: a header, then one row per node and contact: node, node_alive, bucket, position (LRU
 *       order, 0 = least recently seen), contact, last_seen_ms, failures, stale, contact_alive.</li>
 * </ol>
 * Ids are full-width lowercase hex.
 */
public final class TablesWriter {
    /** The CSV header. */
    public static final String CSV_HEADER = "node,node_alive,bucket,position,contact,last_seen_ms,failures,stale,contact_alive";
    private static final JsonFactory JSON = new JsonFactory();

    private TablesWriter() {
    }

    /** Writes {@code c} and its health {@code h} as JSON to {@code out} (left open). */
    public static void writeJson(TableCapture c, HealthReport h, OutputStream out) throws IOException {
        KeySpace ks = c.keySpace();
        Map<org.kadlab.kad.NodeId, HealthReport.NodeHealth> rows = new HashMap<>();
        for (HealthReport.NodeHealth n : h.nodes()) {
            rows.put(n.id(), n);
        }
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("time_ms", c.time());
            g.writeNumberField("bits", ks.bits());
            g.writeNumberField("k", c.k());
            summary(g, h);
            g.writeArrayFieldStart("nodes");
            for (TableCapture.Table t : c.tables()) {
                g.writeStartObject();
                g.writeStringField("id", ks.hex(t.owner()));
                g.writeBooleanField("alive", t.alive());
                HealthReport.NodeHealth row = rows.get(t.owner());
                if (row != null) {
                    g.writeObjectFieldStart("health");
                    g.writeNumberField("contacts", row.contacts());
                    g.writeNumberField("possible", row.possible());
                    g.writeNumberField("stale", row.stale());
                    g.writeNumberField("dead", row.dead());
                    g.writeNumberField("empty_but_should_not_be", row.emptyButShould());
                    g.writeNumberField("closest_known", row.closestKnown());
                    g.writeNumberField("closest_wanted", row.closestWanted());
                    g.writeEndObject();
                }
                buckets(g, c, t);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void summary(JsonGenerator g, HealthReport h) throws IOException {
        g.writeObjectFieldStart("health");
        g.writeNumberField("live_nodes", h.liveNodes());
        g.writeNumberField("mean_contacts", h.meanContacts());
        g.writeNumberField("expected_contacts", h.expectedContacts());
        g.writeNumberField("possible_contacts", h.meanPossible());
        g.writeNumberField("contacts", h.contacts());
        g.writeNumberField("stale", h.stale());
        g.writeNumberField("stale_share", h.staleShare());
        g.writeNumberField("dead", h.dead());
        g.writeNumberField("dead_share", h.deadShare());
        g.writeNumberField("empty_but_should_not_be", h.emptyButShould());
        g.writeNumberField("nodes_knowing_all_closest", h.knowingClosest());
        g.writeNumberField("closest_share", h.closestShare());
        g.writeNumberField("ipfs_closest_share", HealthReport.IPFS_CLOSEST_SHARE);
        g.writeEndObject();
    }

    private static void buckets(JsonGenerator g, TableCapture c, TableCapture.Table t) throws IOException {
        KeySpace ks = c.keySpace();
        g.writeArrayFieldStart("buckets");
        int i = 0;
        while (i < t.size()) {
            int b = t.bucket(i);
            g.writeStartObject();
            g.writeNumberField("index", b);
            g.writeArrayFieldStart("contacts");
            for (; i < t.size() && t.bucket(i) == b; i++) {
                g.writeStartObject();
                g.writeStringField("id", ks.hex(t.contact(i)));
                g.writeNumberField("position", t.position(i));
                g.writeNumberField("last_seen_ms", t.lastSeen(i));
                g.writeNumberField("failures", t.failures(i));
                g.writeBooleanField("stale", t.failures(i) > 0);
                g.writeBooleanField("alive", c.isLive(t.contact(i)));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes {@code c} as CSV to {@code out} (left open); returns how many contact rows it wrote. */
    public static long writeCsv(TableCapture c, OutputStream out) throws IOException {
        KeySpace ks = c.keySpace();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(CSV_HEADER);
        w.write('\n');
        long rows = 0;
        for (TableCapture.Table t : c.tables()) {
            String owner = ks.hex(t.owner()) + "," + t.alive() + ",";
            for (int i = 0; i < t.size(); i++) {
                w.write(owner);
                w.write(t.bucket(i) + "," + t.position(i) + "," + ks.hex(t.contact(i)) + "," + t.lastSeen(i) + ","
                        + t.failures(i) + "," + (t.failures(i) > 0) + "," + c.isLive(t.contact(i)) + "\n");
                rows++;
            }
        }
        w.flush();
        return rows;
    }
}
