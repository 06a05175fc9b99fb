package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.kadlab.net.NodeClient;
import org.kadlab.net.wire.Bucket;
import org.kadlab.net.wire.ClusterNode;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.LookupReply;
import org.kadlab.net.wire.NodeInfo;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.StoreReply;
import org.kadlab.net.wire.TableContact;
import org.kadlab.net.wire.TableReply;

/** Prints the results of {@code kadlab ctl}: readable lines, or one JSON object (ids as full-width hex). */
final class CtlOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;

    CtlOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** An id as hex of {@code bits} width (0: two digits a byte). */
    static String hex(ByteString id, int bits) {
        String s = new BigInteger(1, id.toByteArray()).toString(16);
        int digits = bits > 0 ? (bits + 3) / 4 : 2 * id.size();
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
    }

    private static String peer(Peer p, int bits) {
        return hex(p.getId(), bits) + "  " + String.join(",", p.getAddressesList());
    }

    private static ObjectNode peerJson(ObjectNode o, Peer p, int bits) {
        o.put("id", hex(p.getId(), bits));
        o.put("address", p.getAddressesCount() == 0 ? "" : p.getAddresses(0));
        return o;
    }

    private void emit(ObjectNode o) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void ping(String address, NodeInfo i, long ms) {
        int bits = (int) i.getBits();
        if (json) {
            ObjectNode o = JSON.createObjectNode().put("address", address).put("answeredMs", ms).put("id", hex(i.getSelf().getId(), bits))
                    .put("bits", i.getBits()).put("k", i.getK()).put("alpha", i.getAlpha()).put("lookupMode", i.getLookupMode())
                    .put("rpcTimeoutMs", i.getRpcTimeoutMs()).put("tableSize", i.getTableSize()).put("records", i.getRecords())
                    .put("cluster", i.getCluster()).put("callsSent", i.getCallsSent()).put("requestsServed", i.getRequestsServed())
                    .put("timeouts", i.getTimeouts()).put("refused", i.getRefused());
            emit(o);
            return;
        }
        out.printf(Locale.ROOT, "%s answered in %d ms%n", address, ms);
        out.printf(Locale.ROOT, "  id        %s%n", hex(i.getSelf().getId(), bits));
        out.printf(Locale.ROOT, "  protocol  %d-bit ids, k=%d, alpha=%d, %s, rpc timeout %d ms%n", i.getBits(), i.getK(), i.getAlpha(),
                i.getLookupMode().toLowerCase(Locale.ROOT), i.getRpcTimeoutMs());
        out.printf(Locale.ROOT, "  holds     %d contacts, %d records%n", i.getTableSize(), i.getRecords());
        out.printf(Locale.ROOT, "  traffic   %d calls sent, %d requests served, %d timeouts, %d refused%n", i.getCallsSent(),
                i.getRequestsServed(), i.getTimeouts(), i.getRefused());
        out.printf(Locale.ROOT, "  cluster   %s%n", i.getCluster().isEmpty() ? "none" : i.getCluster());
    }

    private ObjectNode lookupJson(LookupReply r, int bits) {
        ObjectNode o = JSON.createObjectNode().put("target", hex(r.getTarget(), bits)).put("hops", r.getHops()).put("rpcs", r.getRpcs())
                .put("failures", r.getFailures()).put("elapsedMs", r.getElapsedMs());
        ArrayNode closest = o.putArray("closest");
        r.getClosestList().forEach(p -> peerJson(closest.addObject(), p, bits));
        return o;
    }

    private String lookupSummary(LookupReply r) {
        return String.format(Locale.ROOT, "%d hops, %d RPCs, %d failures, %d ms", r.getHops(), r.getRpcs(), r.getFailures(),
                r.getElapsedMs());
    }

    void findNode(NodeClient c, LookupReply r) {
        int bits = (int) c.info().getBits();
        if (json) {
            emit(lookupJson(r, bits).put("through", c.address()));
            return;
        }
        out.printf(Locale.ROOT, "find-node %s through %s: %d closest, %s%n", hex(r.getTarget(), bits), c.address(),
                r.getClosestCount(), lookupSummary(r));
        list(r.getClosestList(), bits);
    }

    private void list(List<Peer> peers, int bits) {
        for (int i = 0; i < peers.size(); i++) {
            out.printf(Locale.ROOT, "  %3d  %s%n", i + 1, peer(peers.get(i), bits));
        }
    }

    void findValue(NodeClient c, String key, LookupReply r) {
        int bits = (int) c.info().getBits();
        if (json) {
            ObjectNode o = lookupJson(r, bits).put("through", c.address()).put("key", key).put("found", r.getFound());
            if (r.getFound()) {
                o.put("value", r.getValue());
                peerJson(o.putObject("from"), r.getValueFrom(), bits);
            }
            emit(o);
            return;
        }
        if (r.getFound()) {
            out.printf(Locale.ROOT, "find-value \"%s\" (key %s) through %s: found \"%s\" at %s; %s%n", key, hex(r.getTarget(), bits),
                    c.address(), r.getValue(), peer(r.getValueFrom(), bits), lookupSummary(r));
        } else {
            out.printf(Locale.ROOT, "find-value \"%s\" (key %s) through %s: not found; %s; closest asked:%n", key,
                    hex(r.getTarget(), bits), c.address(), lookupSummary(r));
            list(r.getClosestList(), bits);
        }
    }

    void store(NodeClient c, String key, StoreReply r) {
        int bits = (int) c.info().getBits();
        if (json) {
            ObjectNode o = JSON.createObjectNode().put("through", c.address()).put("key", key).put("keyId", hex(r.getKey(), bits))
                    .put("storedLocally", r.getStoredLocally());
            ArrayNode ack = o.putArray("acknowledged");
            r.getAcknowledgedList().forEach(p -> peerJson(ack.addObject(), p, bits));
            ArrayNode refused = o.putArray("refused");
            r.getRefusedList().forEach(p -> peerJson(refused.addObject(), p, bits));
            ArrayNode failed = o.putArray("failed");
            r.getFailedList().forEach(p -> peerJson(failed.addObject(), p, bits));
            o.set("lookup", lookupJson(r.getLookup(), bits));
            emit(o);
            return;
        }
        out.printf(Locale.ROOT, "store \"%s\" (key %s) through %s: acknowledged by %d peers, %d refused, %d failed; stored locally: %s%n",
                key, hex(r.getKey(), bits), c.address(), r.getAcknowledgedCount(), r.getRefusedCount(), r.getFailedCount(),
                r.getStoredLocally() ? "yes" : "no");
        list(r.getAcknowledgedList(), bits);
        r.getRefusedList().forEach(p -> out.println("  refused  " + peer(p, bits)));
        r.getFailedList().forEach(p -> out.println("  failed   " + peer(p, bits)));
    }

    void table(NodeClient c, TableReply t, long nowMs) {
        int bits = (int) c.info().getBits();
        int contacts = t.getBucketsList().stream().mapToInt(Bucket::getContactsCount).sum();
        if (json) {
            ObjectNode o = JSON.createObjectNode().put("id", hex(t.getSelf().getId(), bits)).put("address", c.address())
                    .put("contacts", contacts);
            ArrayNode buckets = o.putArray("buckets");
            for (Bucket b : t.getBucketsList()) {
                ObjectNode bo = buckets.addObject().put("index", b.getIndex());
                ArrayNode cs = bo.putArray("contacts");
                for (TableContact tc : b.getContactsList()) {
                    peerJson(cs.addObject(), tc.getPeer(), bits).put("lastSeenMsAgo", Math.max(0, nowMs - tc.getLastSeenMs()))
                            .put("failures", tc.getFailures());
                }
                ArrayNode rs = bo.putArray("replacements");
                b.getReplacementsList().forEach(p -> peerJson(rs.addObject(), p, bits));
            }
            emit(o);
            return;
        }
        out.printf(Locale.ROOT, "routing table of %s at %s: %d contacts in %d buckets (least recently seen first)%n",
                hex(t.getSelf().getId(), bits), c.address(), contacts, t.getBucketsCount());
        for (Bucket b : t.getBucketsList()) {
            out.printf(Locale.ROOT, "bucket %d (%d contact%s)%n", b.getIndex(), b.getContactsCount(),
                    b.getContactsCount() == 1 ? "" : "s");
            for (TableContact tc : b.getContactsList()) {
                out.printf(Locale.ROOT, "  %s  seen %.1f s ago%s%n", peer(tc.getPeer(), bits),
                        Math.max(0, nowMs - tc.getLastSeenMs()) / 1000.0,
                        tc.getFailures() == 0 ? "" : ", " + tc.getFailures() + " failed RPCs");
            }
            for (Peer p : b.getReplacementsList()) {
                out.printf(Locale.ROOT, "  replacement  %s%n", peer(p, bits));
            }
        }
    }

    void cluster(ClusterReply r, int bits) {
        if (json) {
            ObjectNode o = JSON.createObjectNode().put("message", r.getMessage());
            ArrayNode nodes = o.putArray("nodes");
            for (ClusterNode n : r.getNodesList()) {
                nodes.addObject().put("index", n.getIndex()).put("address", n.getAddress()).put("id", hex(n.getId(), bits))
                        .put("alive", n.getAlive());
            }
            emit(o);
            return;
        }
        if (!r.getMessage().isEmpty()) {
            out.println(r.getMessage());
        }
        for (ClusterNode n : r.getNodesList()) {
            out.printf(Locale.ROOT, "node %d  %s  %s  %s%n", n.getIndex(), n.getAddress(), hex(n.getId(), bits),
                    n.getAlive() ? "alive" : "down");
        }
    }
}
