package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * One Kademlia node: coordinates its routing table, record store and lookups over a transport.
 *
 * <ol>
 *   <li>Every request received and every response heard updates the routing table with the peer; a
 *       full bucket makes the node PING its least recently seen contact and apply the answer
 *       (ping-before-evict). A failed RPC marks the contact stale, and evicts it at the limit.</li>
 *   <li>{@link #findNode}, {@link #findValue} and {@link #store} run {@link Lookup} state machines,
 *       sending each query the machine asks for and feeding every answer back.</li>
 *   <li>{@link #bootstrap} adds the seeds, looks up the node's own id, then refreshes every bucket
 *       farther away than its closest neighbour.</li>
 *   <li>{@link #maintain} does what is due (refresh stale buckets, sweep expired records, republish,
 *       join again through the seeds when every contact was lost) and says when it next needs to run.</li>
 * </ol>
 * The node's state is touched only from the executor it is given; the core has no locks. Time
 * comes from the injected clock, randomness from the injected generator.
 */
public final class KadNode {
    /** Runs each task at once on the calling thread: for a driver that is already single-threaded. */
    public static final Executor DIRECT = Runnable::run;

    private final Contact self;
    private final KadConfig config;
    private final KeySpace keySpace;
    private final KadTransport transport;
    private final KadClock clock;
    private final RandomGenerator random;
    private final Executor executor;
    private final NodeObserver observer;
    private final RoutingTable table;
    private final RecordStore records;
    private Map<NodeId, Published> published;
    private long nextRequestId = 1;
    private long nextLookupId = 1;
    private List<Contact> seeds = List.of();
    private long nextRejoin = Long.MAX_VALUE;
    /** Whether a join's own-id lookup was answered by anyone; until then the join is tried again. */
    private boolean joined;
    /** Failed joins in a row: each doubles the wait before the next (bounded by the refresh interval). */
    private int failedJoins;
    /**
     * When a lookup last went into the range closer than the closest non-empty bucket: the paper's
     * bucket that holds the node's own id, refreshed like any other.
     */
    private long ownRangeRefreshed;
    private static final int MAX_SEEDS = 16;
    /** The lookups this node is running, to drive again when a peer timeout falls due. */
    private final List<LookupRun> running = new ArrayList<>();

    /** A value this node published itself, republished every publisher interval. */
    private static final class Published {
        final String value;
        long nextRepublish;

        Published(String value, long nextRepublish) {
            this.value = value;
            this.nextRepublish = nextRepublish;
        }
    }

    public KadNode(Contact self, KadConfig config, KadTransport transport, KadClock clock,
                   RandomGenerator random, Executor executor, NodeObserver observer) {
        this.self = Objects.requireNonNull(self, "self");
        this.config = Objects.requireNonNull(config, "config");
        this.keySpace = config.keySpace();
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.observer = observer == null ? NodeObserver.NONE : observer;
        this.table = new RoutingTable(self.id(), config, clock);
        this.records = new RecordStore(config.maxRecords());
        this.ownRangeRefreshed = clock.nowMillis();
    }

    public Contact self() {
        return self;
    }

    public NodeId id() {
        return self.id();
    }

    public KadConfig config() {
        return config;
    }

    public KeySpace keySpace() {
        return keySpace;
    }

    /** The routing table (read it; change it only through the node). */
    public RoutingTable routingTable() {
        return table;
    }

    /** The records this node holds (read it; change it only through the node). */
    public RecordStore recordStore() {
        return records;
    }

    /** The keys this node published itself. */
    public Collection<NodeId> publishedKeys() {
        return published == null ? List.of() : Collections.unmodifiableCollection(published.keySet());
    }

    // ------------------------------------------------------------------ serving requests

    /** Answers a request from {@code from}, learning about the sender first. */
    public KadResponse handleRequest(Contact from, KadRequest request) {
        heardFrom(from);
        long now = clock.nowMillis();
        if (request instanceof KadRequest.Ping p) {
            return new KadResponse.Pong(p.requestId());
        }
        if (request instanceof KadRequest.FindNode f) {
            return new KadResponse.Nodes(f.requestId(), closestExcluding(f.target(), from.id()));
        }
        if (request instanceof KadRequest.FindValue f) {
            RecordStore.StoredRecord r = records.get(f.key(), now);
            if (r != null) {
                return new KadResponse.Value(f.requestId(), r.value(), r.expiresAt() - now);
            }
            return new KadResponse.Nodes(f.requestId(), closestExcluding(f.key(), from.id()));
        }
        KadRequest.Store s = (KadRequest.Store) request;
        if (s.ttlMs() <= 0) {
            return new KadResponse.Error(s.requestId(), KadResponse.ErrorCode.BAD_REQUEST, "ttl must be positive");
        }
        RecordStore.PutResult put = putRecord(s.key(), s.value(), now, s.ttlMs());
        if (put == RecordStore.PutResult.FULL) {
            observer.recordRefused(this, s.key(), from);
            return new KadResponse.Error(s.requestId(), KadResponse.ErrorCode.STORE_FULL,
                    "record store full (" + records.capacity() + " records)");
        }
        observer.recordStored(this, s.key(), from);
        return new KadResponse.Stored(s.requestId());
    }

    /**
     * Stores a record with the holder republish time from now. A store that is full only because of
     * expired records (which get() already hides) sweeps them, reporting each, and tries again.
     */
    private RecordStore.PutResult putRecord(NodeId key, String value, long now, long ttlMs) {
        RecordStore.PutResult put = records.put(key, value, now, ttlMs, now + config.holderRepublishMs());
        if (put == RecordStore.PutResult.FULL && sweepExpired(now)) {
            put = records.put(key, value, now, ttlMs, now + config.holderRepublishMs());
        }
        return put;
    }

    /** Removes the expired records, reporting each; returns whether there were any. */
    private boolean sweepExpired(long now) {
        List<NodeId> expired = records.sweep(now);
        for (NodeId key : expired) {
            observer.recordExpired(this, key);
        }
        return !expired.isEmpty();
    }

    private List<Contact> closestExcluding(NodeId target, NodeId requester) {
        return table.closestExcept(target, config.k(), config.shareFailing(), requester);
    }

    // ------------------------------------------------------------------ routing table upkeep

    /** Updates the routing table with a peer we heard from; a full bucket starts a ping-before-evict. */
    private void heardFrom(Contact peer) {
        UpdateResult r = table.update(peer);
        if (r instanceof UpdateResult.Ignored) {
            return;
        }
        observer.routingUpdated(this, r);
        if (r instanceof UpdateResult.Added added && config.replicateOnJoin() && records.size() > 0) {
            replicateTo(added.contact());
        }
        if (r instanceof UpdateResult.Pending pending && table.beginPing(pending)) {
            observer.pingStarted(this, pending);
            send(pending.toPing(), new KadRequest.Ping(nextRequestId++), new Reply() {
                @Override
                void answered(KadResponse response) {
                    pingDone(pending, true);
                }

                @Override
                void failed(KadTransport.RpcFailure failure) {
                    pingDone(pending, false);
                }
            }, false);
        }
    }

    /**
     * Replication to a newcomer (paper, section 2.5): a node that learns of a new node stores on it
     * the records it holds whose key the newcomer is closer to than this node is, or for which the
     * newcomer is among the k closest nodes this node knows.
     */
    private void replicateTo(Contact newcomer) {
        long now = clock.nowMillis();
        for (RecordStore.StoredRecord rec : new ArrayList<>(records.records())) {
            NodeId key = rec.key();
            long ttl = rec.expiresAt() - now;
            if (ttl <= 0) {
                continue;
            }
            boolean closer = NodeId.compareDistance(key, newcomer.id(), self.id()) < 0;
            if (closer || table.closest(key, config.k()).contains(newcomer)) {
                sendStore(newcomer, key, rec.value(), ttl, null);
            }
        }
    }

    private void pingDone(UpdateResult.Pending pending, boolean alive) {
        observer.pingResolved(this, table.applyPingResult(pending.toPing(), alive, pending.candidate()));
    }

    private void failedRpc(Contact peer) {
        FailureOutcome outcome = table.recordFailure(peer.id());
        if (!(outcome instanceof FailureOutcome.Unknown)) {
            observer.contactFailed(this, outcome);
        }
    }

    /** One pending request: checks the echoed id, updates the table, then hands over. */
    private abstract class Reply implements KadTransport.ResponseHandler {
        long requestId;
        Contact peer;
        boolean countFailures;
        KadRequest request;
        /** How often a timed-out request is still sent again to the same peer (rpc_retries). */
        int retriesLeft;

        abstract void answered(KadResponse response);

        abstract void failed(KadTransport.RpcFailure failure);

        /** Whether this request's failure marks the peer (not when the peer answered another request meanwhile). */
        boolean countsAsFailure() {
            return true;
        }

        @Override
        public void onResponse(KadResponse response) {
            if (executor == DIRECT) {
                handleResponse(response);
            } else {
                executor.execute(() -> handleResponse(response));
            }
        }

        @Override
        public void onFailure(KadTransport.RpcFailure failure) {
            if (executor == DIRECT) {
                handleFailure(failure);
            } else {
                executor.execute(() -> handleFailure(failure));
            }
        }

        private void handleResponse(KadResponse response) {
            if (response.requestId() != requestId) {
                handleFailure(KadTransport.RpcFailure.MISMATCHED_RESPONSE);
                return;
            }
            heardFrom(peer);
            answered(response);
        }

        private void handleFailure(KadTransport.RpcFailure failure) {
            if (failure == KadTransport.RpcFailure.TIMEOUT && retriesLeft > 0) {
                retriesLeft--;
                transport.send(peer, request, this); // one lost message need not cost the peer
                return;
            }
            if (countFailures && countsAsFailure()) {
                failedRpc(peer);
            }
            failed(failure);
        }
    }

    private void send(Contact peer, KadRequest request, Reply reply, boolean countFailures) {
        send(peer, request, reply, countFailures, config.rpcRetries());
    }

    /** Sends {@code request}; a timeout is retried {@code retries} times before {@code reply} hears of it. */
    private void send(Contact peer, KadRequest request, Reply reply, boolean countFailures, int retries) {
        reply.requestId = request.requestId();
        reply.peer = peer;
        reply.countFailures = countFailures;
        reply.request = request;
        reply.retriesLeft = retries;
        transport.send(peer, request, reply);
    }

    // ------------------------------------------------------------------ lookups

    /** One running lookup: sends what the state machine asks for and feeds answers back. */
    private final class LookupRun {
        final Lookup lookup;
        final LookupPurpose purpose;
        final boolean wantValue;
        final long startMs;
        final CompletableFuture<LookupResult> done = new CompletableFuture<>();
        boolean driving;
        String value;
        long valueTtl;
        Contact foundAt;

        LookupRun(Lookup lookup, LookupPurpose purpose, boolean wantValue) {
            this.lookup = lookup;
            this.purpose = purpose;
            this.wantValue = wantValue;
            this.startMs = clock.nowMillis();
        }

        void drive() {
            if (driving) {
                return; // an answer arrived during a send; the loop below picks it up
            }
            driving = true;
            try {
                while (true) {
                    Lookup.Step step = lookup.next(clock.nowMillis());
                    if (step instanceof Lookup.Query q) {
                        query(q.peer());
                    } else if (step instanceof Lookup.Finished) {
                        running.remove(this);
                        complete();
                        return;
                    } else {
                        askWakeUp(lookup.nextDeadline());
                        return;
                    }
                }
            } finally {
                driving = false;
            }
        }

        private void query(Contact peer) {
            observer.lookupQueried(KadNode.this, lookup, peer);
            KadRequest request = wantValue
                    ? new KadRequest.FindValue(nextRequestId++, lookup.target())
                    : new KadRequest.FindNode(nextRequestId++, lookup.target());
            send(peer, request, new Reply() {
                @Override
                void answered(KadResponse response) {
                    onAnswer(peer, response);
                }

                @Override
                void failed(KadTransport.RpcFailure failure) {
                    if (lookup.onFailure(peer)) {
                        observer.lookupPeerFailed(KadNode.this, lookup, peer);
                    }
                    drive();
                }

                @Override
                boolean countsAsFailure() {
                    Lookup.Candidate c = lookup.candidate(peer.id());
                    return c == null || c.state() != Lookup.CandidateState.SUCCEEDED; // it answered the lookup's resend
                }
            }, true, 0); // the lookup asks a silent peer again itself, at its peer timeout
        }

        private void onAnswer(Contact peer, KadResponse response) {
            if (response instanceof KadResponse.Nodes n) {
                if (lookup.onSuccess(peer, notBackedOff(n.closest()))) {
                    observer.lookupAnswered(KadNode.this, lookup, peer, n.closest());
                }
            } else if (wantValue && response instanceof KadResponse.Value v) {
                if (lookup.onSuccess(peer, List.of())) {
                    observer.lookupAnswered(KadNode.this, lookup, peer, List.of());
                    value = v.value();
                    valueTtl = v.ttlMs();
                    foundAt = peer;
                    lookup.finishEarly();
                }
            } else if (lookup.onFailure(peer)) {
                observer.lookupPeerFailed(KadNode.this, lookup, peer);
            }
            drive();
        }

        private void complete() {
            if (done.isDone()) {
                return;
            }
            if (foundAt != null && config.cacheOnFindValue()) {
                cacheAtClosestWithout();
            }
            LookupResult result = new LookupResult(lookup.id(), purpose, self.id(), lookup.target(),
                    lookup.result(), wantValue ? foundAt != null : null, value, foundAt, lookup.hops(),
                    lookup.queriesSent(), lookup.failures(), startMs, clock.nowMillis());
            observer.lookupFinished(KadNode.this, lookup, result);
            done.complete(result);
        }

        /**
         * The paper's caching: STORE the value at the closest responder that did not have it, for a
         * time halved for every usable node the lookup saw closer to the key ({@link KadConfig#cacheTtlMs}).
         */
        private void cacheAtClosestWithout() {
            int closer = 0;
            for (Lookup.Candidate c : lookup.candidates()) {
                Lookup.CandidateState st = c.state();
                if (st == Lookup.CandidateState.SUCCEEDED && !c.contact().equals(foundAt)) {
                    long ttl = config.cacheTtlMs(valueTtl, closer);
                    if (ttl > 0) {
                        sendStore(c.contact(), lookup.target(), value, ttl, null);
                    }
                    return;
                }
                if (st != Lookup.CandidateState.FAILED && st != Lookup.CandidateState.UNRESPONSIVE) {
                    closer++;
                }
            }
        }
    }

    private LookupRun startLookup(NodeId target, LookupPurpose purpose, boolean wantValue) {
        return startLookup(target, purpose, wantValue, config.alpha(), config.lookupMode());
    }

    private LookupRun startLookup(NodeId target, LookupPurpose purpose, boolean wantValue, int alpha, LookupMode mode) {
        if (!keySpace.contains(target)) {
            throw new IllegalArgumentException("target " + target + " does not fit in " + keySpace.bits() + " bits");
        }
        int bucket = table.bucketIndexOf(target);
        if (bucket >= 0) {
            table.markRefreshed(bucket);
        }
        if (bucket < table.lowestNonEmptyIndex()) {
            ownRangeRefreshed = clock.nowMillis();
        }
        List<Contact> start = table.closest(target, config.k());
        Lookup lookup = new Lookup(nextLookupId++, target, self.id(),
                purpose == LookupPurpose.BOOTSTRAP ? start : notBackedOff(start),
                config.k(), alpha, config.effectivePeerTimeoutMs(), mode, config.rpcRetries());
        LookupRun run = new LookupRun(lookup, purpose, wantValue);
        running.add(run);
        observer.lookupStarted(this, lookup, purpose);
        run.drive();
        return run;
    }

    /**
     * {@code contacts} without those this node leaves alone for now: their RPCs failed in a row and
     * the backoff for that ({@link KadConfig#backoffMs}) has not run out.
     */
    private List<Contact> notBackedOff(List<Contact> contacts) {
        if (config.failureBackoffMs() == 0 || !table.hasFailing()) {
            return contacts; // the common case: nobody to leave alone, no lookups in the table
        }
        long now = clock.nowMillis();
        List<Contact> out = null;
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            boolean skip = table.backoffUntil(c.id()) > now;
            if (skip && out == null) {
                out = new ArrayList<>(contacts.subList(0, i));
            } else if (!skip && out != null) {
                out.add(c);
            }
        }
        return out == null ? contacts : out;
    }

    /** Finds the k nodes closest to {@code target}. */
    public CompletableFuture<LookupResult> findNode(NodeId target) {
        return startLookup(target, LookupPurpose.FIND_NODE, false).done;
    }

    /**
     * Finds the k nodes closest to {@code target} with this one lookup's own {@code alpha} and
     * {@code mode} (a what-if: the node's other lookups keep its configuration).
     */
    public CompletableFuture<LookupResult> findNode(NodeId target, int alpha, LookupMode mode) {
        if (alpha < 1 || mode == null) {
            throw new IllegalArgumentException("alpha must be at least 1 and the lookup mode given, were " + alpha + ", " + mode);
        }
        return startLookup(target, LookupPurpose.FIND_NODE, false, alpha, mode).done;
    }

    /** Finds the value stored under the user key {@code key}. */
    public CompletableFuture<LookupResult> findValue(String key) {
        return findValue(keySpace.keyId(key));
    }

    /** Finds the value stored under {@code key}: the local store first, then a FIND_VALUE lookup. */
    public CompletableFuture<LookupResult> findValue(NodeId key) {
        long now = clock.nowMillis();
        RecordStore.StoredRecord local = records.get(key, now);
        if (local != null) {
            return CompletableFuture.completedFuture(new LookupResult(0, LookupPurpose.FIND_VALUE, self.id(), key,
                    List.of(), true, local.value(), self, 0, 0, 0, now, now));
        }
        return startLookup(key, LookupPurpose.FIND_VALUE, true).done;
    }

    /** Publishes {@code value} under the user key {@code key}. */
    public CompletableFuture<StoreResult> store(String key, String value) {
        return store(keySpace.keyId(key), value);
    }

    /**
     * Publishes {@code value} under {@code key}: finds the k closest nodes, sends each a STORE, and
     * keeps a copy itself when it is one of the k closest. Republished every publisher interval.
     */
    public CompletableFuture<StoreResult> store(NodeId key, String value) {
        Objects.requireNonNull(value, "value");
        if (published == null) {
            published = new LinkedHashMap<>();
        }
        if (!published.containsKey(key) && published.size() >= config.maxRecords()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "this node already publishes max_records = " + config.maxRecords() + " keys"));
        }
        published.put(key, new Published(value, clock.nowMillis() + config.publisherRepublishMs()));
        return replicate(key, value, config::recordTtlMs, LookupPurpose.STORE);
    }

    /**
     * Finds the k closest nodes and STOREs the record there (and locally when this node is among
     * them). The ttl is read when the STOREs go out, after the lookup: a holder's republish must pass
     * on the lifetime left then, not the one left when the lookup started.
     */
    private CompletableFuture<StoreResult> replicate(NodeId key, String value, LongSupplier ttlAtSend,
                                                     LookupPurpose purpose) {
        return startLookup(key, purpose, false).done.thenCompose(lookup -> {
            long ttlMs = ttlAtSend.getAsLong();
            List<Contact> targets = ttlMs > 0 ? lookup.closest() : List.of(); // expired meanwhile: nothing to send
            boolean local = ttlMs > 0 && (targets.size() < config.k()
                    || NodeId.compareDistance(key, self.id(), targets.get(targets.size() - 1).id()) < 0);
            if (local) {
                long now = clock.nowMillis();
                if (putRecord(key, value, now, ttlMs) != RecordStore.PutResult.FULL) {
                    observer.recordStored(this, key, null);
                } else {
                    local = false;
                }
            }
            StoreCollector collector = new StoreCollector(key, targets, local, lookup);
            for (Contact peer : targets) {
                sendStore(peer, key, value, ttlMs, collector);
            }
            collector.checkDone();
            return collector.done;
        });
    }

    /** Gathers the answers to the STOREs of one store operation. */
    private final class StoreCollector {
        final NodeId key;
        final int expected;
        final boolean local;
        final LookupResult lookup;
        final List<Contact> acked = new ArrayList<>();
        final List<Contact> refused = new ArrayList<>();
        final List<Contact> failed = new ArrayList<>();
        final CompletableFuture<StoreResult> done = new CompletableFuture<>();

        StoreCollector(NodeId key, List<Contact> targets, boolean local, LookupResult lookup) {
            this.key = key;
            this.expected = targets.size();
            this.local = local;
            this.lookup = lookup;
        }

        void checkDone() {
            if (!done.isDone() && acked.size() + refused.size() + failed.size() == expected) {
                acked.sort((a, b) -> NodeId.compareDistance(key, a.id(), b.id()));
                done.complete(new StoreResult(key, acked, refused, failed, local, lookup, clock.nowMillis()));
            }
        }
    }

    private void sendStore(Contact peer, NodeId key, String value, long ttlMs, StoreCollector collector) {
        send(peer, new KadRequest.Store(nextRequestId++, key, value, ttlMs), new Reply() {
            @Override
            void answered(KadResponse response) {
                if (collector != null) {
                    (response instanceof KadResponse.Stored ? collector.acked : collector.refused).add(peer);
                    collector.checkDone();
                }
            }

            @Override
            void failed(KadTransport.RpcFailure failure) {
                if (collector != null) {
                    collector.failed.add(peer);
                    collector.checkDone();
                }
            }
        }, true);
    }

    // ------------------------------------------------------------------ joining and upkeep

    /**
     * Joins through {@code seeds}: adds them, looks up the own id, then refreshes every bucket farther
     * away than the closest neighbour found. Completes with the number of contacts then known.
     */
    public CompletableFuture<Integer> bootstrap(Collection<Contact> seeds) {
        List<Contact> kept = new ArrayList<>();
        for (Contact seed : seeds) {
            if (!seed.id().equals(self.id()) && kept.size() < MAX_SEEDS) {
                kept.add(seed);
            }
        }
        if (!kept.isEmpty()) {
            this.seeds = List.copyOf(kept);
        }
        nextRejoin = clock.nowMillis() + rejoinIntervalMs();
        for (Contact seed : seeds) {
            if (!seed.id().equals(self.id())) {
                heardFrom(seed);
            }
        }
        if (table.size() == 0) {
            return CompletableFuture.completedFuture(0);
        }
        return startLookup(self.id(), LookupPurpose.BOOTSTRAP, false).done.thenCompose(selfLookup -> {
            if (selfLookup.closest().isEmpty()) {
                // nobody answered (the seed's reply was lost, or the seed is down): try again later,
                // waiting twice as long each time, as libp2p's periodic bootstrap does
                joined = false;
                failedJoins = Math.min(failedJoins + 1, 30);
                nextRejoin = clock.nowMillis() + rejoinIntervalMs();
                return CompletableFuture.completedFuture(table.size());
            }
            joined = true;
            failedJoins = 0;
            int closest = table.lowestNonEmptyIndex();
            List<CompletableFuture<LookupResult>> refreshes = new ArrayList<>();
            for (int i = Math.max(0, closest + 1); closest >= 0 && i < keySpace.bits(); i++) {
                refreshes.add(refreshBucket(i));
            }
            return CompletableFuture.allOf(refreshes.toArray(new CompletableFuture<?>[0]))
                    .thenApply(ignored -> table.size());
        });
    }

    /**
     * Fills the routing table straight from a global view, sending nothing: the warm start of
     * simulators such as PeerSim, offered only as a labelled shortcut (a real node can only join).
     * Contacts go in in the order given, so the first of a bucket is its least recently seen; a
     * full bucket keeps what it holds. The node then counts as joined, its first contacts being
     * the seeds of any later rejoin. The observer hears nothing of it (the caller reports the new
     * table), so a simulator may fill many tables at once, each node on one thread. Returns the
     * table's size.
     */
    public int prefill(List<Contact> contacts) {
        List<Contact> added = table.fill(contacts); // at once, when the table is empty and they come farthest first
        if (added == null) {
            added = new ArrayList<>();
            for (Contact c : contacts) {
                if (table.update(c) instanceof UpdateResult.Added) {
                    added.add(c);
                }
            }
        }
        List<Contact> kept = added.subList(0, Math.min(MAX_SEEDS, added.size()));
        if (!kept.isEmpty()) {
            seeds = List.copyOf(kept);
            joined = true;
        }
        nextRejoin = clock.nowMillis() + rejoinIntervalMs();
        return table.size();
    }

    private CompletableFuture<LookupResult> refreshBucket(int index) {
        return startLookup(keySpace.randomIdInBucket(self.id(), index, random), LookupPurpose.REFRESH, false).done;
    }

    /**
     * Drives every running lookup again (a peer timeout fell due: the slot of a peer that did not
     * answer in time is freed and the next peer asked), then asks to be woken at the next one.
     */
    public void wakeLookups() {
        for (LookupRun run : new ArrayList<>(running)) {
            run.drive();
        }
    }

    /** Asks the driver to call {@link #wakeLookups()} at {@code at} (the driver keeps only the earliest wake-up it was asked for). */
    private void askWakeUp(long at) {
        if (at != Long.MAX_VALUE) {
            observer.wakeUpAt(this, at);
        }
    }

    /**
     * Does what is due now: sweeps expired records, republishes (publisher and holder), refreshes
     * buckets not looked into for refresh_interval (from the closest neighbour's bucket outwards).
     * Returns the next time anything will be due.
     */
    public long maintain() {
        long now = clock.nowMillis();
        if (needsJoin() && nextRejoin <= now) {
            bootstrap(seeds); // the last join went unanswered, or every contact was lost: try again
        }
        sweepExpired(now);
        if (published != null) {
            for (Map.Entry<NodeId, Published> e : published.entrySet()) {
                Published p = e.getValue();
                if (p.nextRepublish <= now) {
                    p.nextRepublish = now + config.publisherRepublishMs();
                    observer.recordRepublished(this, e.getKey(), true);
                    replicate(e.getKey(), p.value, config::recordTtlMs, LookupPurpose.REPUBLISH);
                }
            }
        }
        for (RecordStore.StoredRecord r : records.dueForRepublish(now)) {
            records.setNextRepublish(r, now + config.holderRepublishMs());
            if (published == null || !published.containsKey(r.key())) {
                observer.recordRepublished(this, r.key(), false);
                long expiresAt = r.expiresAt();
                replicate(r.key(), r.value(), () -> expiresAt - clock.nowMillis(), LookupPurpose.REPUBLISH);
            }
        }
        int lowest = table.lowestNonEmptyIndex();
        if (lowest >= 0) {
            if (lowest > 0 && ownRangeRefreshed + config.refreshIntervalMs() <= now) {
                startLookup(self.id(), LookupPurpose.REFRESH, false); // the bucket holding the own id
            }
            for (int i = lowest; i < keySpace.bits(); i++) {
                if (table.lastRefreshed(i) + config.refreshIntervalMs() <= now) {
                    refreshBucket(i);
                }
            }
        }
        return nextMaintenance();
    }

    /** The next time {@link #maintain()} has something to do. */
    public long nextMaintenance() {
        long due = records.nextDue();
        if (needsJoin()) {
            due = Math.min(due, nextRejoin);
        }
        if (published != null) {
            for (Published p : published.values()) {
                due = Math.min(due, p.nextRepublish);
            }
        }
        int lowest = table.lowestNonEmptyIndex();
        if (lowest >= 0) {
            if (lowest > 0) {
                due = Math.min(due, ownRangeRefreshed + config.refreshIntervalMs());
            }
            for (int i = lowest; i < keySpace.bits(); i++) {
                due = Math.min(due, table.lastRefreshed(i) + config.refreshIntervalMs());
            }
        }
        return due;
    }

    /** Whether the node should join through its seeds again: its join went unanswered, or it lost every contact. */
    private boolean needsJoin() {
        return !seeds.isEmpty() && (!joined || table.size() == 0);
    }

    /**
     * When a lookup last went closer to the own id than the closest non-empty bucket reaches (the
     * paper's bucket holding the own id); {@link #maintain()} refreshes that range too.
     */
    public long ownRangeRefreshed() {
        return ownRangeRefreshed;
    }

    /** Whether a join of this node was answered (it stays true until the node joins again). */
    public boolean joined() {
        return joined;
    }

    /**
     * How long a node waits before joining through its seeds again, when its join went unanswered or
     * it lost every contact: six RPC timeouts, doubled after each unanswered join, at most the refresh
     * interval.
     */
    public long rejoinIntervalMs() {
        long base = 6 * config.rpcTimeoutMs();
        return Math.min(Math.max(base, config.refreshIntervalMs()), base << Math.min(failedJoins, 20));
    }

    /**
     * Forgets the requests in flight, as a crash does: their answers will never be delivered, so the
     * pings-before-evict they belong to are cleared and buckets may ping again. Lookups in flight are
     * simply never completed.
     */
    public void abandonInFlight() {
        table.clearPendingPings();
        running.clear();
    }

    @Override
    public String toString() {
        return "node " + keySpace.hex(self.id());
    }
}
