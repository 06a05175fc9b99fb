package org.kadlab.ui.events;

import java.util.Locale;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;

/**
 * One line of the event log: virtual time, event type, the node it concerns (hex) and the details
 * (every other id in hex), formatted once when the event arrives.
 */
public record EventRow(long seq, long time, String type, String node, String details) {

    /** The type name shown for {@code e}: its record name ({@code RpcSent}, {@code BucketChanged}, ...). */
    public static String typeOf(SimEvent e) {
        return e.getClass().getSimpleName();
    }

    /** Formats {@code e} with ids in {@code ks}'s hex; {@code seq} numbers the row. */
    public static EventRow of(long seq, SimEvent e, KeySpace ks) {
        String type = typeOf(e);
        if (e instanceof SimEvent.NodeAdded a) {
            return new EventRow(seq, e.time(), type, hex(ks, a.node()), "joins via " + hex(ks, a.seed()));
        } else if (e instanceof SimEvent.NodeKilled k) {
            return new EventRow(seq, e.time(), type, hex(ks, k.node()), "crashed");
        } else if (e instanceof SimEvent.NodeRevived r) {
            return new EventRow(seq, e.time(), type, hex(ks, r.node()), "back with its old state");
        } else if (e instanceof SimEvent.RpcSent s) {
            return rpc(seq, e, type, ks, s.from(), s.to(), s.type(), s.rpc(), "");
        } else if (e instanceof SimEvent.RpcDelivered d) {
            return rpc(seq, e, type, ks, d.from(), d.to(), d.type(), d.rpc(), "");
        } else if (e instanceof SimEvent.RpcAnswered a) {
            return rpc(seq, e, type, ks, a.from(), a.to(), a.type(), a.rpc(),
                    " \u00b7 " + a.answer() + (a.contacts() > 0 ? ", " + a.contacts() + " contacts" : ""));
        } else if (e instanceof SimEvent.RpcTimedOut t) {
            return rpc(seq, e, type, ks, t.from(), t.to(), t.type(), t.rpc(), " \u00b7 no answer");
        } else if (e instanceof SimEvent.BucketChanged b) {
            String other = b.other() == null ? "" : " (" + hex(ks, b.other()) + ")";
            return new EventRow(seq, e.time(), type, hex(ks, b.node()),
                    "bucket " + b.bucket() + " " + lower(b.change()) + " " + hex(ks, b.contact()) + other);
        } else if (e instanceof SimEvent.LookupStarted s) {
            return new EventRow(seq, e.time(), type, hex(ks, s.origin()),
                    "#" + s.lookup() + " " + lower(s.purpose()) + " \u2192 " + hex(ks, s.target()));
        } else if (e instanceof SimEvent.LookupProgressed p) {
            String extra = p.state() == org.kadlab.kad.Lookup.CandidateState.SUCCEEDED
                    ? ", returned " + p.returned() + ", " + p.introduced() + " new" : "";
            return new EventRow(seq, e.time(), type, hex(ks, p.peer()),
                    "#" + p.lookup() + " " + lower(p.state()) + extra + ", in flight " + p.inFlight());
        } else if (e instanceof SimEvent.LookupFinished f) {
            String judged = f.exact() == null ? "" : Boolean.TRUE.equals(f.exact()) ? ", exact" : ", missed " + f.missed().size();
            return new EventRow(seq, e.time(), type, hex(ks, f.origin()),
                    "#" + f.lookup() + " " + lower(f.purpose()) + " \u2192 " + hex(ks, f.target()) + ": " + f.hops()
                            + " hops, " + f.rpcs() + " RPCs, " + f.failures() + " failed" + judged);
        } else if (e instanceof SimEvent.LookupAbandoned a) {
            return new EventRow(seq, e.time(), type, hex(ks, a.origin()), "#" + a.lookup() + " origin crashed");
        } else if (e instanceof SimEvent.RecordStored s) {
            return new EventRow(seq, e.time(), type, hex(ks, s.node()),
                    "key " + hex(ks, s.key()) + (s.from() == null ? " (own copy)" : " from " + hex(ks, s.from())));
        } else if (e instanceof SimEvent.RecordRefused r) {
            return new EventRow(seq, e.time(), type, hex(ks, r.node()),
                    "key " + hex(ks, r.key()) + " from " + hex(ks, r.from()) + ": store full");
        } else if (e instanceof SimEvent.RecordExpired x) {
            return new EventRow(seq, e.time(), type, hex(ks, x.node()), "key " + hex(ks, x.key()));
        } else if (e instanceof SimEvent.RecordRepublished r) {
            return new EventRow(seq, e.time(), type, hex(ks, r.node()),
                    "key " + hex(ks, r.key()) + (r.original() ? " as publisher" : " as holder"));
        } else if (e instanceof SimEvent.InvariantViolated v) {
            return new EventRow(seq, e.time(), type, hex(ks, v.node()), v.rule());
        }
        return new EventRow(seq, e.time(), type, "", String.valueOf(e));
    }

    private static EventRow rpc(long seq, SimEvent e, String type, KeySpace ks, NodeId from, NodeId to,
                                SimEvent.RpcType rpcType, long rpc, String tail) {
        return new EventRow(seq, e.time(), type, hex(ks, from),
                lower(rpcType) + " #" + rpc + " \u2192 " + hex(ks, to) + tail);
    }

    private static String hex(KeySpace ks, NodeId id) {
        return id == null ? "-" : ks.hex(id);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The virtual time as seconds with milliseconds ({@code 12.345 s}). */
    public String timeText() {
        return String.format(Locale.ROOT, "%d.%03d s", time / 1000, time % 1000);
    }
}
