package org.kadlab.cli;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.PingOutcome;

/**
 * The {@code node} command's log: one line per notable event (a user lookup or store finished, a
 * record stored or expired, a contact evicted), at most {@code maxPerSecond} lines a second; the
 * lines beyond that are counted and reported as one "(M lines skipped)" line when the next second
 * starts. It also tells a listener when the records changed (for the data directory).
 */
final class NodeLog implements NodeObserver {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final PrintWriter out;
    private final KeySpace space;
    private final int maxPerSecond;
    private final LongSupplier millis;
    private final Runnable recordsChanged;
    private long windowStart;
    private boolean started;
    private int inWindow;
    private long skipped;

    NodeLog(PrintWriter out, KeySpace space, int maxPerSecond, LongSupplier millis, Runnable recordsChanged) {
        this.out = out;
        this.space = space;
        this.maxPerSecond = maxPerSecond;
        this.millis = millis;
        this.recordsChanged = recordsChanged;
    }

    /** Prints one line now, subject to the bound (any thread). */
    synchronized void line(String text) {
        long now = millis.getAsLong();
        if (!started || now - windowStart >= 1_000) {
            started = true;
            windowStart = now;
            inWindow = 0;
            if (skipped > 0) {
                out.println(stamp() + "(" + skipped + " lines skipped)");
                skipped = 0;
            }
        }
        if (inWindow >= maxPerSecond) {
            skipped++;
            return;
        }
        inWindow++;
        out.println(stamp() + text);
        out.flush();
    }

    /** Lines not printed since the last report of skipped lines. */
    synchronized long skipped() {
        return skipped;
    }

    /** Prints a line without the bound (start and stop). */
    synchronized void always(String text) {
        if (skipped > 0) {
            out.println(stamp() + "(" + skipped + " lines skipped)");
            skipped = 0;
        }
        out.println(stamp() + text);
        out.flush();
    }

    private static String stamp() {
        return LocalTime.now().format(TIME) + " ";
    }

    private String hex(NodeId id) {
        return space.hex(id);
    }

    private String who(Contact c) {
        return c == null ? "itself" : hex(c.id()) + " (" + c.address() + ")";
    }

    @Override
    public void lookupFinished(KadNode n, Lookup lookup, LookupResult r) {
        if (r.purpose() != LookupPurpose.FIND_NODE && r.purpose() != LookupPurpose.FIND_VALUE
                && r.purpose() != LookupPurpose.STORE) {
            return;
        }
        String found = r.found() == null ? "" : (r.found() ? ", value found at " + who(r.foundAt()) : ", value not found");
        line(String.format(Locale.ROOT, "%s lookup %d for %s finished: %d closest, %d hops, %d RPCs, %d failures, %d ms%s",
                r.purpose().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.lookupId(), hex(r.target()),
                r.closest().size(), r.hops(), r.rpcs(), r.failures(), r.endMs() - r.startMs(), found));
    }

    @Override
    public void recordStored(KadNode n, NodeId key, Contact from) {
        line("record " + hex(key) + " stored, from " + who(from) + "; " + n.recordStore().size() + " records held");
        recordsChanged.run();
    }

    @Override
    public void recordExpired(KadNode n, NodeId key) {
        line("record " + hex(key) + " expired; " + n.recordStore().size() + " records held");
        recordsChanged.run();
    }

    @Override
    public void pingResolved(KadNode n, PingOutcome o) {
        if (!o.alive()) {
            line("evicted " + who(o.pinged()) + " from bucket " + o.bucket() + " (it did not answer a ping)"
                    + (o.candidateAdded() ? "; added " + who(o.candidate()) : ""));
        }
    }

    @Override
    public void contactFailed(KadNode n, FailureOutcome outcome) {
        if (outcome instanceof FailureOutcome.Evicted e) {
            line("evicted " + who(e.contact()) + " from bucket " + e.bucket() + " (too many failed RPCs)"
                    + (e.promoted() != null ? "; promoted " + who(e.promoted()) : ""));
        }
    }
}
