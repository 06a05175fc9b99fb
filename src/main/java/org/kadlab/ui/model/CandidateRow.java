package org.kadlab.ui.model;

import org.kadlab.kad.Lookup;
import org.kadlab.kad.NodeId;

/**
 * One row of the lookup inspector: a candidate of the lookup, closest to the target first.
 *
 * @param rank          1 for the candidate closest to the target
 * @param id            the candidate's id
 * @param hex           its id in hex
 * @param binary        its id in binary
 * @param sharedPrefix  how many leading bits it shares with the target
 * @param distanceHex   its XOR distance to the target, in hex
 * @param state         its state in the lookup
 * @param referrer      who told the origin about it, in hex, or "own table"
 * @param depth         1 for a peer from the origin's own table, referrer's depth + 1 otherwise
 * @param round         the round it was queried in (strict rounds in rounds mode; alpha queries per
 *                      round in sliding mode), or 0 if it was not queried
 * @param kClosest      whether it is among the current k closest candidates that have not failed
 * @param trueClosest   whether it is among the true k closest live nodes (known once the lookup ends)
 * @param alive         whether the node is running
 * @param lookupOver    whether the lookup has ended (a query still waiting then is no longer needed)
 * @param resends       how often the lookup asked it again after it stayed silent for the peer timeout
 * @param late          whether it answered after the lookup had marked it unresponsive (the answer counted)
 */
public record CandidateRow(int rank, NodeId id, String hex, String binary, int sharedPrefix, String distanceHex,
                           Lookup.CandidateState state, String referrer, int depth, int round, boolean kClosest,
                           boolean trueClosest, boolean alive, boolean lookupOver, int resends, boolean late) {
    /** The look of a query that was still waiting when its lookup ended: the lookup no longer needs its answer. */
    public static final String NOT_NEEDED = "not-needed";
    /** The ring state of a true closest node the lookup never found. */
    public static final String MISSED = "missed";
    /** The look of an answer that came after the peer was marked unresponsive: it still counted. */
    public static final String LATE = "late";

    /** A row without resends or a late answer. */
    public CandidateRow(int rank, NodeId id, String hex, String binary, int sharedPrefix, String distanceHex,
                        Lookup.CandidateState state, String referrer, int depth, int round, boolean kClosest,
                        boolean trueClosest, boolean alive, boolean lookupOver) {
        this(rank, id, hex, binary, sharedPrefix, distanceHex, state, referrer, depth, round, kClosest, trueClosest, alive,
                lookupOver, 0, false);
    }

    /**
     * The state in plain words: not contacted, waiting, answered, failed, slow (unresponsive: its
     * slot is freed, see {@link #stateHelp()}), late answer; "not needed" once the lookup ended; followed by the ring's mark
     * {@code ↻n} when the lookup asked it again n times after a silent peer timeout.
     */
    public String stateLabel() {
        String shown = shownPseudoClass();
        String base = shown.equals(NOT_NEEDED) ? "not needed" : shown.equals(LATE) ? "late answer" : label(state);
        return resends == 0 ? base : base + " " + askedAgainMark(resends);
    }

    /** The mark of a peer asked again {@code n} times, on the ring and in the inspector: {@code ↻1}. */
    public static String askedAgainMark(int n) {
        return "\u21bb" + n;
    }

    /** The pseudo-class this row is drawn with (see {@link #shownState(Lookup.CandidateState, boolean, boolean)}). */
    public String shownPseudoClass() {
        return shownState(state, lookupOver, late);
    }

    /**
     * The pseudo-class of a candidate as drawn: its state's, except that a query still waiting
     * when the lookup ended shows as {@link #NOT_NEEDED} (the lookup had the k closest answers it
     * needed and no longer listens; the answer, if it comes, only refreshes routing tables).
     */
    public static String shownState(Lookup.CandidateState state, boolean lookupOver) {
        return lookupOver && state == Lookup.CandidateState.WAITING ? NOT_NEEDED : pseudoClass(state);
    }

    /** As {@link #shownState(Lookup.CandidateState, boolean)}, and an answer that came late shows as {@link #LATE}. */
    public static String shownState(Lookup.CandidateState state, boolean lookupOver, boolean late) {
        return late && state == Lookup.CandidateState.SUCCEEDED ? LATE : shownState(state, lookupOver);
    }

    /** A candidate state in plain words. */
    public static String label(Lookup.CandidateState state) {
        return switch (state) {
            case NOT_CONTACTED -> "not contacted";
            case WAITING -> "waiting";
            case SUCCEEDED -> "answered";
            case FAILED -> "failed";
            case UNRESPONSIVE -> "slow";
        };
    }

    /** What a state means, for the state cell's tooltip. */
    public String stateHelp() {
        String base = switch (shownPseudoClass()) {
            case "not-contacted" -> "not asked yet";
            case "waiting" -> "asked; its answer is awaited";
            case "answered" -> "answered with the closest contacts it knows";
            case "failed" -> "no answer before the RPC timeout: the lookup gives up on it";
            case "unresponsive" -> "silent for the peer timeout: its slot is freed for another query, "
                    + "but a late answer still counts until the RPC timeout";
            case LATE -> "answered after the peer timeout, once the lookup had freed its slot: the late answer still counted";
            default -> "still waiting when the lookup ended: the lookup no longer needs its answer";
        };
        return resends == 0 ? base : base + "; asked again \u00d7" + resends + " (" + askedAgainMark(resends)
                + ") after staying silent for the peer timeout (rpc_retries)";
    }

    /** The CSS pseudo-class of a candidate state. */
    public static String pseudoClass(Lookup.CandidateState state) {
        return switch (state) {
            case NOT_CONTACTED -> "not-contacted";
            case WAITING -> "waiting";
            case SUCCEEDED -> "answered";
            case FAILED -> "failed";
            case UNRESPONSIVE -> "unresponsive";
        };
    }
}
