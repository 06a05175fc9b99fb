package org.kadlab.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.Lookup;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.PingOutcome;
import org.kadlab.kad.UpdateResult;

/**
 * Turns what each node reports ({@link NodeObserver} callbacks) into {@link SimEvent}s, and tracks
 * the running lookups: each gets a simulation-wide id when it starts and is judged when it ends.
 */
final class NodeEvents {
    private final SimClock clock;
    private final EventSink sink;
    private final SimStats stats;
    private final Upkeep upkeep;
    private final Invariants invariants;
    private final Judge judge;
    private final Map<Lookup, LookupTrack> lookups = new LinkedHashMap<>();
    private long nextLookup = 1;

    private SimNode watching;
    private LookupTrack firstStarted;

    /** What the simulator remembers about a running lookup. */
    static final class LookupTrack {
        final long id;
        final LookupPurpose purpose;
        final SimNode origin;
        final Lookup lookup;
        /** Whether a user operation waits for it: then it is judged even when nobody records events. */
        boolean operation;
        /** The ground truth's verdict when it ended (judged purposes only). */
        Judge.Verdict verdict;
        /** find_value: when the last answer without contacts (the value's, if found) arrived, and from whom. */
        long bareAnswerMs = -1;
        NodeId bareAnswerFrom;

        LookupTrack(long id, LookupPurpose purpose, SimNode origin, Lookup lookup) {
            this.id = id;
            this.purpose = purpose;
            this.origin = origin;
            this.lookup = lookup;
        }
    }

    NodeEvents(SimClock clock, EventSink sink, SimStats stats, Upkeep upkeep, Invariants invariants, Judge judge) {
        this.clock = clock;
        this.sink = sink;
        this.stats = stats;
        this.upkeep = upkeep;
        this.invariants = invariants;
        this.judge = judge;
    }

    /** Whether table changes must be told one by one (events are recorded, or invariants checked). */
    boolean watchesTables() {
        return sink.recording() || invariants.enabled();
    }

    /**
     * Reports a table filled from the global view as the contacts went in: farthest bucket first,
     * each in least-recently-seen order, one ADDED change each.
     */
    void tablePrefilled(SimNode node) {
        invariants.touch(node);
        if (!sink.recording()) {
            return;
        }
        List<KBucket> buckets = node.kad().routingTable().nonEmptyBuckets();
        for (int b = buckets.size() - 1; b >= 0; b--) {
            KBucket bucket = buckets.get(b);
            for (int i = 0; i < bucket.size(); i++) {
                sink.emit(new SimEvent.BucketChanged(clock.now(), node.id(), bucket.index(), SimEvent.BucketChange.ADDED,
                        bucket.contact(i).id(), null));
            }
        }
    }

    /** The observer to give the node {@code self}. */
    NodeObserver observerFor(SimNode self) {
        return new Observer(self);
    }

    /**
     * Starts watching {@code origin}: the first lookup it starts until {@link #watched()} is the one
     * a user operation started (a node starts its lookup synchronously inside the call).
     */
    void watch(SimNode origin) {
        watching = origin;
        firstStarted = null;
    }

    /** Stops watching; the first lookup the watched node started meanwhile (an operation's), or null. */
    LookupTrack watched() {
        LookupTrack t = firstStarted;
        watching = null;
        firstStarted = null;
        return t;
    }

    /** The lookups still running, oldest first. */
    List<Lookup> activeLookups() {
        return new ArrayList<>(lookups.keySet());
    }

    /** Forgets the lookups {@code node} was running (it crashed), each with a LookupAbandoned event. */
    void abandonLookupsOf(SimNode node) {
        for (Iterator<Map.Entry<Lookup, LookupTrack>> it = lookups.entrySet().iterator(); it.hasNext(); ) {
            LookupTrack t = it.next().getValue();
            if (t.origin == node) {
                it.remove();
                if (sink.recording()) {
                    sink.emit(new SimEvent.LookupAbandoned(clock.now(), t.id, node.id()));
                }
            }
        }
    }

    private static boolean judged(LookupPurpose p) {
        return p == LookupPurpose.FIND_NODE || p == LookupPurpose.FIND_VALUE || p == LookupPurpose.STORE;
    }

    /** Turns what one node reports into simulation events. */
    private final class Observer implements NodeObserver {
        private final SimNode self;

        Observer(SimNode self) {
            this.self = self;
        }

        @Override
        public void wakeUpAt(KadNode node, long atMillis) {
            if (atMillis >= self.wakeAt && self.wakeAt > clock.now()) {
                return; // an earlier wake-up is already set: it drives every lookup of the node
            }
            self.wakeAt = atMillis;
            int generation = ++self.wakeGeneration;
            int epoch = self.epoch;
            clock.schedule(Math.max(atMillis, clock.now()), new SimClock.Background() {
                @Override
                void fire() {
                    if (generation != self.wakeGeneration) {
                        return; // replaced by an earlier wake-up
                    }
                    self.wakeAt = Long.MAX_VALUE;
                    if (self.alive && self.epoch == epoch) {
                        self.kad().wakeLookups(); // a peer timeout fell due: free its slot
                    }
                }
            });
        }

        @Override
        public void routingUpdated(KadNode node, UpdateResult result) {
            invariants.touch(self);
            if (result instanceof UpdateResult.Added && self.maintenanceAt == Long.MAX_VALUE && self.alive) {
                upkeep.schedule(self);
            }
            if (!sink.recording()) {
                return;
            }
            if (result instanceof UpdateResult.Added a) {
                sink.emit(new SimEvent.BucketChanged(clock.now(), node.id(), a.bucket(), SimEvent.BucketChange.ADDED,
                        a.contact().id(), null));
            } else if (result instanceof UpdateResult.Updated u) {
                sink.emit(new SimEvent.BucketChanged(clock.now(), node.id(), u.bucket(), SimEvent.BucketChange.UPDATED,
                        u.contact().id(), null));
            } else if (result instanceof UpdateResult.Cached c) {
                sink.emit(new SimEvent.BucketChanged(clock.now(), node.id(), c.bucket(), SimEvent.BucketChange.CACHED,
                        c.contact().id(), null));
            }
        }

        @Override
        public void pingStarted(KadNode node, UpdateResult.Pending p) {
            if (sink.recording()) {
                sink.emit(new SimEvent.BucketChanged(clock.now(), node.id(), p.bucket(), SimEvent.BucketChange.PING_STARTED,
                        p.toPing().id(), p.candidate().id()));
            }
        }

        @Override
        public void pingResolved(KadNode node, PingOutcome o) {
            invariants.touch(self);
            if (sink.recording()) {
                long now = clock.now();
                sink.emit(new SimEvent.BucketChanged(now, node.id(), o.bucket(),
                        o.alive() ? SimEvent.BucketChange.PING_KEPT : SimEvent.BucketChange.EVICTED,
                        o.pinged().id(), o.candidate() == null ? null : o.candidate().id()));
                if (!o.alive() && o.candidateAdded()) {
                    sink.emit(new SimEvent.BucketChanged(now, node.id(), o.bucket(), SimEvent.BucketChange.REPLACED,
                            o.candidate().id(), o.pinged().id()));
                }
            }
        }

        @Override
        public void contactFailed(KadNode node, FailureOutcome outcome) {
            invariants.touch(self);
            if (!sink.recording()) {
                return;
            }
            long now = clock.now();
            if (outcome instanceof FailureOutcome.Stale s) {
                sink.emit(new SimEvent.BucketChanged(now, node.id(), s.bucket(), SimEvent.BucketChange.STALE,
                        s.contact().id(), null));
            } else if (outcome instanceof FailureOutcome.Evicted e) {
                sink.emit(new SimEvent.BucketChanged(now, node.id(), e.bucket(), SimEvent.BucketChange.EVICTED,
                        e.contact().id(), e.promoted() == null ? null : e.promoted().id()));
                if (e.promoted() != null) {
                    sink.emit(new SimEvent.BucketChanged(now, node.id(), e.bucket(), SimEvent.BucketChange.PROMOTED,
                            e.promoted().id(), e.contact().id()));
                }
            }
        }

        @Override
        public void lookupStarted(KadNode node, Lookup lookup, LookupPurpose purpose) {
            LookupTrack t = new LookupTrack(nextLookup++, purpose, self, lookup);
            lookups.put(lookup, t);
            if (self == watching && firstStarted == null) {
                firstStarted = t;
                t.operation = true; // before it can end: a lookup with nobody to ask ends inside the call
            }
            stats.lookupsStarted++;
            if (sink.recording()) {
                sink.emit(new SimEvent.LookupStarted(clock.now(), t.id, node.id(), lookup.target(), purpose));
            }
        }

        @Override
        public void lookupQueried(KadNode node, Lookup lookup, Contact peer) {
            if (invariants.enabled() && lookup.inFlight() > lookup.inFlightLimit()) {
                invariants.violation(self, "lookup has " + lookup.inFlight() + " requests in flight, above its limit "
                        + lookup.inFlightLimit());
            }
            progressed(lookup, peer);
        }

        @Override
        public void lookupAnswered(KadNode node, Lookup lookup, Contact peer, List<Contact> contacts) {
            if (contacts.isEmpty()) {
                LookupTrack t = lookups.get(lookup);
                if (t != null && t.purpose == LookupPurpose.FIND_VALUE) {
                    t.bareAnswerMs = clock.now();
                    t.bareAnswerFrom = peer.id();
                }
            }
            progressed(lookup, peer);
        }

        @Override
        public void lookupPeerFailed(KadNode node, Lookup lookup, Contact peer) {
            progressed(lookup, peer);
        }

        private void progressed(Lookup lookup, Contact peer) {
            if (!sink.recording()) {
                return;
            }
            LookupTrack t = lookups.get(lookup);
            Lookup.Candidate c = lookup.candidate(peer.id());
            if (t != null && c != null) {
                sink.emit(new SimEvent.LookupProgressed(clock.now(), t.id, peer.id(), c.state(), c.returned(),
                        c.introduced(), lookup.inFlight()));
            }
        }

        @Override
        public void lookupFinished(KadNode node, Lookup lookup, LookupResult result) {
            LookupTrack t = lookups.remove(lookup);
            stats.lookupsFinished++;
            boolean recording = sink.recording();
            if (t == null || !(recording || t.operation)) {
                return;
            }
            List<NodeId> got = Judge.ids(result.closest());
            boolean judged = judged(result.purpose());
            Judge.Verdict v = judged ? judge.verdict(result.target(), node.id(), got) : null;
            t.verdict = v; // the one verdict: the event says it, the operation's record keeps it
            if (!recording) {
                return;
            }
            sink.emit(new SimEvent.LookupFinished(clock.now(), t.id, node.id(), result.target(), result.purpose(), got,
                    result.hops(), result.rpcs(), result.failures(), result.found(),
                    judged ? v.truth() : List.of(), judged ? v.exact() : null, judged ? v.missed() : List.of()));
        }

        @Override
        public void recordStored(KadNode node, NodeId key, Contact from) {
            upkeep.schedule(self);
            if (sink.recording()) {
                sink.emit(new SimEvent.RecordStored(clock.now(), node.id(), key, from == null ? null : from.id()));
            }
        }

        @Override
        public void recordRefused(KadNode node, NodeId key, Contact from) {
            if (sink.recording()) {
                sink.emit(new SimEvent.RecordRefused(clock.now(), node.id(), key, from.id()));
            }
        }

        @Override
        public void recordExpired(KadNode node, NodeId key) {
            if (sink.recording()) {
                sink.emit(new SimEvent.RecordExpired(clock.now(), node.id(), key));
            }
        }

        @Override
        public void recordRepublished(KadNode node, NodeId key, boolean original) {
            if (sink.recording()) {
                sink.emit(new SimEvent.RecordRepublished(clock.now(), node.id(), key, original));
            }
        }
    }
}
