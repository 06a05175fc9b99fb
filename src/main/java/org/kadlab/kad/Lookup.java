package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An iterative Kademlia lookup as a pure state machine: no I/O and no clock reads. The caller asks
 * {@link #next(long)} what to do (query a peer, wait, or stop), sends the queries itself and feeds
 * the answers back with {@link #onSuccess} and {@link #onFailure}. Every RPC is one step, so a
 * lookup can be paused, replayed and drawn.
 *
 * <p>Candidates are kept sorted by XOR distance to the target. In {@link LookupMode#SLIDING} mode:
 * <ol>
 *   <li>walk the candidates from the closest: a waiting peer past its deadline becomes
 *       unresponsive; the first not-contacted peer is queried if fewer than the limit are in flight
 *       (alpha, or max(k, alpha) once stalled);</li>
 *   <li>if the k closest candidates that have not failed have all answered, the lookup is finished;</li>
 *   <li>an answer makes progress when it brings a new peer closer than every peer seen so far, or
 *       any new peer while fewer than k are known (the paper, and libp2p's ClosestPeersIter);
 *       after alpha answers in a row without progress the lookup is stalled (up to max(k, alpha)
 *       in flight), and progress un-stalls it;</li>
 *   <li>when nothing is in flight and nobody is left to ask, the lookup is finished.</li>
 * </ol>
 * In {@link LookupMode#ROUNDS} mode (the paper's) each round queries alpha of the closest
 * candidates not yet asked and waits for them; after a round without progress the next round
 * queries all of the k closest not yet asked; it ends when the k closest usable candidates have
 * answered or nobody is left to ask. In {@link LookupMode#SEED_ROUNDS} mode (the seed crate's) each
 * round queries up to alpha and the lookup ends when nobody is left to ask, or when k have
 * answered and no unasked candidate is closer than the k-th responder.
 *
 * <p>A peer that has not answered within the peer timeout frees its slot and is marked
 * unresponsive; its answer still counts if it comes before the RPC times out.
 *
 * <p>The result holds responders only, closest first, at most k, never the origin. The candidate
 * list is bounded: beyond {@code 8k + alpha} entries the farthest uncontacted ones are dropped; a
 * newcomer that would rank among the k closest usable candidates is never refused, so the list can
 * exceed the bound only by peers already contacted (at most the number of queries sent).
 */
public final class Lookup {
    /** What the caller should do next. */
    public sealed interface Step permits Query, WaitingAtCapacity, Waiting, Finished {
    }

    /** Send a request to this peer now (it is marked waiting). */
    public record Query(Contact peer) implements Step {
    }

    /** The in-flight limit is reached: wait for an answer or a timeout. */
    public record WaitingAtCapacity() implements Step {
    }

    /** Nobody else to ask yet, but answers are outstanding. */
    public record Waiting() implements Step {
    }

    /** The lookup is over; see {@link #result()}. */
    public record Finished() implements Step {
    }

    private static final Step AT_CAPACITY = new WaitingAtCapacity();
    private static final Step WAITING = new Waiting();
    private static final Step FINISHED = new Finished();

    /** The state of one candidate. */
    public enum CandidateState { NOT_CONTACTED, WAITING, SUCCEEDED, FAILED, UNRESPONSIVE }

    /** Which rule ended the lookup. */
    public enum StopRule {
        /** The k closest candidates that have not failed have all answered (sliding, and the paper's rounds). */
        K_CLOSEST_ANSWERED,
        /** Nothing in flight and nobody left to ask. */
        NOBODY_LEFT,
        /** The seed crate's rounds: a round brought nobody closer and the k closest were all asked. */
        ROUNDS_DONE,
        /** Ended from outside, e.g. find_value on the first value found. */
        ENDED_EARLY
    }

    /** One peer the lookup knows of, with its state and who told us about it. Read-only outside. */
    public static final class Candidate {
        private final Contact contact;
        private final Contact referrer;
        private final int depth;
        private CandidateState state = CandidateState.NOT_CONTACTED;
        private long sentAt = -1;
        private long deadline;
        private int round;
        private int returned = -1;
        private int introduced;
        /** Requests to this peer still awaiting an answer (more than one after a resend). */
        private int outstanding;
        /** Resends made after a peer timeout. */
        private int resends;
        /** The distance to the target, word by word, so the candidate list is searched without reading ids. */
        private final int distHigh;
        private final long distMid;
        private final long distLow;

        Candidate(Contact contact, Contact referrer, int depth, NodeId target) {
            this.contact = contact;
            this.referrer = referrer;
            this.depth = depth;
            NodeId id = contact.id();
            this.distHigh = id.high() ^ target.high();
            this.distMid = id.mid() ^ target.mid();
            this.distLow = id.low() ^ target.low();
        }

        /** Orders this candidate's distance against the distance given word by word. */
        int compareDistance(int high, long mid, long low) {
            int c = Integer.compareUnsigned(distHigh, high);
            if (c != 0) {
                return c;
            }
            c = Long.compareUnsigned(distMid, mid);
            return c != 0 ? c : Long.compareUnsigned(distLow, low);
        }

        public Contact contact() {
            return contact;
        }

        /** The peer whose answer introduced this candidate; null for one from the origin's own table. */
        public Contact referrer() {
            return referrer;
        }

        /** 1 for a peer from the origin's table, referrer's depth + 1 otherwise. */
        public int depth() {
            return depth;
        }

        public CandidateState state() {
            return state;
        }

        /** When it was queried (virtual ms), or -1. */
        public long sentAt() {
            return sentAt;
        }

        /** The round it was queried in (1-based; in sliding mode the number of queries sent before it / alpha + 1), or 0. */
        public int round() {
            return round;
        }

        /** How many contacts its answer carried, or -1 before an answer. */
        public int returned() {
            return returned;
        }

        /** How many of those were new to the lookup. */
        public int introduced() {
            return introduced;
        }

        @Override
        public String toString() {
            return contact.id() + ":" + state;
        }
    }

    private final long id;
    private final NodeId target;
    private final NodeId origin;
    private final int k;
    private final int alpha;
    private final long peerTimeoutMs;
    /** How often a peer silent for the peer timeout is asked again before it is marked unresponsive. */
    private final int retries;
    /** A resend due at the next {@link #next}: the peer asked again after its peer timeout. */
    private Candidate resend;
    private final LookupMode mode;
    private final int maxCandidates;
    private final ArrayList<Candidate> candidates;
    private final List<Candidate> candidatesView;

    private int inFlight;
    private long earliestDeadline = Long.MAX_VALUE; // no waiting peer is due before this
    private int maxInFlightSeen;
    private int noProgress;
    private boolean stalled;
    /** How often the lookup became stalled (sliding mode). */
    private int stalls;
    private boolean finished;
    private StopRule stopRule;
    private int queriesSent;
    private int round;
    private final ArrayList<Candidate> roundQueue = new ArrayList<>();
    /** Whether the current round brought a peer closer than any seen before (paper rounds). */
    private boolean roundProgress = true;
    /** When the earliest waiting peer's timeout falls due, or {@link Long#MAX_VALUE} when none waits. */
    public long nextDeadline() {
        if (finished || inFlight == 0) {
            return Long.MAX_VALUE;
        }
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.WAITING) {
                earliest = Math.min(earliest, c.deadline);
            }
        }
        return earliest;
    }

    /** How many rounds queried all of the k closest not yet asked, because the round before found nothing closer. */
    private int widenedRounds;
    /** Whether the current round queries all of the k closest not yet asked. */
    private boolean widening;

    /**
     * A lookup for {@code target} started by {@code origin}, seeded with the origin's closest known
     * peers (the origin itself is skipped if present).
     */
    public Lookup(long id, NodeId target, NodeId origin, Collection<Contact> initialPeers,
                  int k, int alpha, long peerTimeoutMs, LookupMode mode) {
        this(id, target, origin, initialPeers, k, alpha, peerTimeoutMs, mode, 0);
    }

    /**
     * As above, and a peer silent for the peer timeout is asked again up to {@code retries} times
     * (the same request, sent anew) before it is marked unresponsive.
     */
    public Lookup(long id, NodeId target, NodeId origin, Collection<Contact> initialPeers,
                  int k, int alpha, long peerTimeoutMs, LookupMode mode, int retries) {
        if (k < 1 || alpha < 1 || peerTimeoutMs < 1 || retries < 0) {
            throw new IllegalArgumentException("k, alpha and the peer timeout must be at least 1, retries at least 0");
        }
        this.retries = retries;
        this.id = id;
        this.target = Objects.requireNonNull(target, "target");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.k = k;
        this.alpha = alpha;
        this.peerTimeoutMs = peerTimeoutMs;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.maxCandidates = 8 * k + alpha;
        this.candidates = new ArrayList<>(Math.min(maxCandidates, 4 * k + alpha));
        this.candidatesView = Collections.unmodifiableList(candidates);
        for (Contact c : initialPeers) {
            insert(c, null, 1);
        }
    }

    /** Decides the next action at time {@code now}; see the class comment. */
    public Step next(long now) {
        if (finished) {
            return FINISHED;
        }
        if (resend == null) {
            expireOrResend(now);
        }
        if (resend != null) {
            Candidate c = resend;
            resend = null;
            c.deadline = now + peerTimeoutMs;
            earliestDeadline = Math.min(earliestDeadline, c.deadline);
            c.outstanding++;
            c.resends++;
            queriesSent++;
            return new Query(c.contact);
        }
        return switch (mode) {
            case SLIDING -> nextSliding(now);
            case ROUNDS -> nextPaperRound(now);
            case SEED_ROUNDS -> nextRound(now);
        };
    }

    private Step nextSliding(long now) {
        // expire first: a timed-out peer behind a closer waiting one must free its slot too
        expire(now);
        int limit = inFlightLimit();
        int succeeded = 0;
        boolean counting = true;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            switch (c.state) {
                case WAITING -> {
                    if (inFlight >= limit) {
                        return AT_CAPACITY;
                    }
                    counting = false;
                }
                case SUCCEEDED -> {
                    if (counting && ++succeeded >= k) {
                        return finish(StopRule.K_CLOSEST_ANSWERED);
                    }
                }
                case NOT_CONTACTED -> {
                    if (inFlight >= limit) {
                        return AT_CAPACITY;
                    }
                    return query(c, now, queriesSent / alpha + 1);
                }
                default -> {
                    // failed or unresponsive: neither counted nor asked again
                }
            }
        }
        return inFlight > 0 ? WAITING : finish(StopRule.NOBODY_LEFT);
    }

    private Step nextRound(long now) {
        Step pending = continueRound(now);
        if (pending != null) {
            return pending;
        }
        if (roundsDone()) {
            return finish(StopRule.ROUNDS_DONE);
        }
        round++;
        for (int i = 0; i < candidates.size() && roundQueue.size() < alpha; i++) {
            if (candidates.get(i).state == CandidateState.NOT_CONTACTED) {
                roundQueue.add(candidates.get(i));
            }
        }
        return query(roundQueue.remove(0), now, round);
    }

    /**
     * The paper's rounds: alpha of the closest candidates not yet asked per round; after a round
     * that found nothing closer, all of the k closest not yet asked; done when the k closest usable
     * candidates have answered or nobody is left to ask.
     */
    private Step nextPaperRound(long now) {
        Step pending = continueRound(now);
        if (pending != null) {
            return pending;
        }
        if (kClosestAnswered()) {
            return finish(StopRule.K_CLOSEST_ANSWERED);
        }
        boolean widen = !roundProgress && round > 0;
        round++;
        roundProgress = false;
        widening = widen;
        if (widen) {
            widenedRounds++;
        }
        int usable = 0;
        for (int i = 0; i < candidates.size() && usable < k; i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.FAILED || c.state == CandidateState.UNRESPONSIVE) {
                continue;
            }
            usable++;
            if (c.state == CandidateState.NOT_CONTACTED && (widen || roundQueue.size() < alpha)) {
                roundQueue.add(c);
            }
        }
        if (roundQueue.isEmpty()) {
            for (int i = 0; i < candidates.size() && roundQueue.size() < alpha; i++) {
                if (candidates.get(i).state == CandidateState.NOT_CONTACTED) {
                    roundQueue.add(candidates.get(i)); // the k closest are all asked: try beyond them
                }
            }
        }
        if (roundQueue.isEmpty()) {
            return finish(StopRule.NOBODY_LEFT); // nobody left to ask
        }
        return query(roundQueue.remove(0), now, round);
    }

    /**
     * The rest of the current round: the next query of its batch, or Waiting while it is in flight;
     * null once the round is over and the next can be planned.
     */
    private Step continueRound(long now) {
        expire(now);
        while (!roundQueue.isEmpty()) {
            Candidate next = roundQueue.remove(0);
            // an answer in mid-batch may have dropped it (the candidate bound): never send it then
            if (find(next.contact.id()) == next) {
                return query(next, now, round);
            }
        }
        return inFlight > 0 ? WAITING : null;
    }

    /** Whether the k closest candidates that have not failed have all answered (or fewer exist, all answered). */
    private boolean kClosestAnswered() {
        int succeeded = 0;
        for (int i = 0; i < candidates.size() && succeeded < k; i++) {
            CandidateState st = candidates.get(i).state;
            if (st == CandidateState.SUCCEEDED) {
                succeeded++;
            } else if (st == CandidateState.NOT_CONTACTED || st == CandidateState.WAITING) {
                return false;
            }
        }
        return true;
    }

    /** Picks a waiting peer past its deadline that may be asked again, if any (its slot stays taken). */
    private void expireOrResend(long now) {
        if (retries == 0 || now < earliestDeadline) {
            return;
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.WAITING && now >= c.deadline && c.resends < retries) {
                resend = c;
                return;
            }
        }
    }

    /** Marks every waiting peer past its deadline unresponsive, freeing its slot. */
    private void expire(long now) {
        if (now < earliestDeadline) {
            return; // no waiting peer can be late yet
        }
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.WAITING) {
                if (now >= c.deadline) {
                    c.state = CandidateState.UNRESPONSIVE;
                    inFlight--;
                } else {
                    earliest = Math.min(earliest, c.deadline);
                }
            }
        }
        earliestDeadline = earliest;
    }

    /** The seed's termination test, applied between rounds. */
    private boolean roundsDone() {
        int succeeded = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.NOT_CONTACTED) {
                // the closest unasked candidate: done only if k responders are all closer
                return succeeded >= k;
            }
            if (c.state == CandidateState.SUCCEEDED) {
                succeeded++;
            }
        }
        return true; // nobody left to ask
    }

    private Step query(Candidate c, long now, int roundNumber) {
        c.state = CandidateState.WAITING;
        c.sentAt = now;
        c.deadline = now + peerTimeoutMs;
        earliestDeadline = Math.min(earliestDeadline, c.deadline);
        c.outstanding = 1;
        c.round = roundNumber;
        inFlight++;
        queriesSent++;
        maxInFlightSeen = Math.max(maxInFlightSeen, inFlight);
        return new Query(c.contact);
    }

    private Step finish(StopRule rule) {
        finished = true;
        stopRule = rule;
        roundQueue.clear();
        return FINISHED;
    }

    /**
     * Feeds in {@code peer}'s answer: the peers it knows closest to the target. Returns false (and
     * changes nothing) if the peer was not waiting or unresponsive, or the lookup is finished.
     */
    public boolean onSuccess(Contact peer, Collection<Contact> closerPeers) {
        if (finished) {
            return false;
        }
        Candidate c = find(peer.id());
        if (c == null || !(c.state == CandidateState.WAITING || c.state == CandidateState.UNRESPONSIVE)) {
            return false;
        }
        if (c.state == CandidateState.WAITING) {
            inFlight--;
        }
        c.state = CandidateState.SUCCEEDED;
        // progress (the paper, and libp2p's ClosestPeersIter): a new peer closer than every peer seen
        // so far, or any new peer while fewer than k are known
        boolean progress = false;
        int introduced = 0;
        for (Contact p : closerPeers) {
            int known = candidates.size();
            if (insert(p, peer, c.depth + 1)) {
                introduced++;
                if (known < k || candidates.get(0).contact == p) { // p itself went in: it is the closest
                    progress = true;
                }
            }
        }
        if (progress) {
            roundProgress = true;
        }
        c.returned = closerPeers.size();
        c.introduced = introduced;
        if (mode == LookupMode.SLIDING) {
            if (stalled) {
                if (progress) {
                    stalled = false;
                    noProgress = 0;
                }
            } else {
                noProgress = progress ? 0 : noProgress + 1;
                if (noProgress >= alpha) {
                    stalled = true;
                    stalls++;
                }
            }
        }
        return true;
    }

    /** Records that {@code peer} failed to answer. Returns false if it was not waiting or unresponsive. */
    public boolean onFailure(Contact peer) {
        if (finished) {
            return false;
        }
        Candidate c = find(peer.id());
        if (c == null || !(c.state == CandidateState.WAITING || c.state == CandidateState.UNRESPONSIVE)) {
            return false;
        }
        c.outstanding = Math.max(0, c.outstanding - 1);
        if (c.outstanding > 0) {
            return false; // a resend to it may still be answered
        }
        if (c.state == CandidateState.WAITING) {
            inFlight--;
        }
        c.state = CandidateState.FAILED;
        return true;
    }

    /** Ends the lookup at once (find_value does this on the first Found). */
    public void finishEarly() {
        finish(StopRule.ENDED_EARLY);
    }

    /** Inserts a new candidate in distance order; false if known, the origin, or beyond the bound. */
    private boolean insert(Contact contact, Contact referrer, int depth) {
        if (contact.id().equals(origin)) {
            return false;
        }
        int pos = search(contact.id());
        if (pos >= 0) {
            return false;
        }
        int at = -pos - 1;
        if (candidates.size() >= maxCandidates && !dropFarthestUncontacted(at) && !amongKClosestLive(at)) {
            return false; // full of contacted peers, and the newcomer could not change the result
        }
        candidates.add(at, new Candidate(contact, referrer, depth, target));
        return true;
    }

    /** Whether fewer than k candidates before position {@code at} are still usable (not failed or unresponsive). */
    private boolean amongKClosestLive(int at) {
        int live = 0;
        for (int i = 0; i < at; i++) {
            CandidateState s = candidates.get(i).state;
            if (s != CandidateState.FAILED && s != CandidateState.UNRESPONSIVE && ++live >= k) {
                return false;
            }
        }
        return true;
    }

    private boolean dropFarthestUncontacted(int notBefore) {
        for (int i = candidates.size() - 1; i >= notBefore; i--) {
            if (candidates.get(i).state == CandidateState.NOT_CONTACTED) {
                candidates.remove(i);
                return true;
            }
        }
        return false;
    }

    private int search(NodeId peer) {
        int high = peer.high() ^ target.high();
        long midWord = peer.mid() ^ target.mid();
        long low = peer.low() ^ target.low();
        int lo = 0;
        int hi = candidates.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = candidates.get(mid).compareDistance(high, midWord, low);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private Candidate find(NodeId peer) {
        int pos = search(peer);
        return pos >= 0 ? candidates.get(pos) : null;
    }

    /** The responders closest to the target, closest first, at most k; never the origin. */
    public List<Contact> result() {
        List<Contact> out = new ArrayList<>(k);
        for (int i = 0; i < candidates.size() && out.size() < k; i++) {
            if (candidates.get(i).state == CandidateState.SUCCEEDED) {
                out.add(candidates.get(i).contact);
            }
        }
        return out;
    }

    /** The closest peer that answered (with contacts, not a value), or null. */
    public Contact closestResponder() {
        for (Candidate c : candidates) {
            if (c.state == CandidateState.SUCCEEDED) {
                return c.contact;
            }
        }
        return null;
    }

    /** Every candidate, closest to the target first (a live, read-only view). */
    public List<Candidate> candidates() {
        return candidatesView;
    }

    /** The candidate for {@code peer}, or null. */
    public Candidate candidate(NodeId peer) {
        return find(peer);
    }

    /** The longest chain of referrals among the result: max depth of a result peer (0 if none). */
    public int hops() {
        int hops = 0;
        int taken = 0;
        for (int i = 0; i < candidates.size() && taken < k; i++) {
            Candidate c = candidates.get(i);
            if (c.state == CandidateState.SUCCEEDED) {
                taken++;
                hops = Math.max(hops, c.depth);
            }
        }
        return hops;
    }

    /** The number of queries sent so far. */
    public int queriesSent() {
        return queriesSent;
    }

    /** The number of candidates that failed or became unresponsive. */
    public int failures() {
        int n = 0;
        for (Candidate c : candidates) {
            if (c.state == CandidateState.FAILED || c.state == CandidateState.UNRESPONSIVE) {
                n++;
            }
        }
        return n;
    }

    /** The current in-flight limit: alpha, or max(k, alpha) while stalled (sliding) or in a widened round (paper rounds). */
    public int inFlightLimit() {
        return stalled || widening ? Math.max(k, alpha) : alpha;
    }

    /** Requests awaiting an answer that have not timed out. */
    public int inFlight() {
        return inFlight;
    }

    /** The largest number of requests ever in flight at once. */
    public int maxInFlightSeen() {
        return maxInFlightSeen;
    }

    public boolean isStalled() {
        return stalled;
    }

    /** How many times the lookup became stalled: alpha answers in a row without progress (sliding mode). */
    public int stalls() {
        return stalls;
    }

    /** The rule that ended the lookup, or null while it runs. */
    public StopRule stopRule() {
        return stopRule;
    }

    public boolean isFinished() {
        return finished;
    }

    public long id() {
        return id;
    }

    public NodeId target() {
        return target;
    }

    public NodeId origin() {
        return origin;
    }

    public int k() {
        return k;
    }

    public int alpha() {
        return alpha;
    }

    public LookupMode mode() {
        return mode;
    }

    /** How many rounds queried all of the k closest not yet asked (paper rounds, after a round that found nothing closer). */
    public int widenedRounds() {
        return widenedRounds;
    }

    /** The current round (rounds mode) or the round of the latest query (sliding mode). */
    public int round() {
        return mode != LookupMode.SLIDING ? round : (queriesSent == 0 ? 0 : (queriesSent - 1) / alpha + 1);
    }
}
