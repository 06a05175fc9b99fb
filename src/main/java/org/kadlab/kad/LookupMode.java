package org.kadlab.kad;

/** How an iterative lookup schedules its queries. */
public enum LookupMode {
    /**
     * The paper's and libp2p's rule: alpha requests in flight at all times; after alpha replies in a
     * row without progress the lookup is stalled and may have max(k, alpha) in flight; it finishes
     * when the k closest non-failed candidates have all answered.
     */
    SLIDING,
    /**
     * The paper's rounds: each round queries alpha of the closest candidates not yet asked and waits
     * for them; after a round that brought nothing closer than the closest seen before it, the next
     * round queries all of the k closest not yet asked. It finishes when the k closest candidates
     * that have not failed have all answered, or nobody is left to ask.
     */
    ROUNDS,
    /**
     * The seed crate's rule: strict rounds of up to alpha queries to the closest unqueried
     * candidates, each round waiting for its whole batch; it finishes when nothing is left to ask, or
     * when k have answered and no unqueried candidate is closer than the k-th responder.
     */
    SEED_ROUNDS
}
