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
 */
public record CandidateRow(int rank, NodeId id, String hex, String binary, int sharedPrefix, String distanceHex,
                           Lookup.CandidateState state, String referrer, int depth, int round, boolean kClosest,
                           boolean trueClosest, boolean alive, boolean lookupOver) {
    /** The look of a query that was still waiting when its lookup ended: the lookup no longer needs its answer. */
    public static final String NOT_NEEDED = "not-needed";
    /** The ring state of a true closest node the lookup never found. */
    public static final String MISSED = "missed";

    /** The state in plain words: not contacted, waiting, answered, failed, unresponsive; "not needed" once the lookup ended. */
    public String stateLabel() {
        return shownState(state, lookupOver).equals(NOT_NEEDED) ? "not needed" : label(state);
    }

    /** The pseudo-class this row is drawn with (see {@link #shownState}). */
    public String shownPseudoClass() {
        return shownState(state, lookupOver);
    }

    /**
     * The pseudo-class of a candidate as drawn: its state's, except that a query still waiting
     * when the lookup ended shows as {@link #NOT_NEEDED} (the lookup had the k closest answers it
     * needed and no longer listens; the answer, if it comes, only refreshes routing tables).
     */
    public static String shownState(Lookup.CandidateState state, boolean lookupOver) {
        return lookupOver && state == Lookup.CandidateState.WAITING ? NOT_NEEDED : pseudoClass(state);
    }

    /** A candidate state in plain words. */
    public static String label(Lookup.CandidateState state) {
        return switch (state) {
            case NOT_CONTACTED -> "not contacted";
            case WAITING -> "waiting";
            case SUCCEEDED -> "answered";
            case FAILED -> "failed";
            case UNRESPONSIVE -> "unresponsive";
        };
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
