package org.kadlab.ui;

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
 */
public record CandidateRow(int rank, NodeId id, String hex, String binary, int sharedPrefix, String distanceHex,
                           Lookup.CandidateState state, String referrer, int depth, int round, boolean kClosest,
                           boolean trueClosest, boolean alive) {

    /** The state in plain words: not contacted, waiting, answered, failed, unresponsive. */
    public String stateLabel() {
        return label(state);
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
