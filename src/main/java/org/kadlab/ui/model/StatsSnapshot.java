package org.kadlab.ui.model;

/**
 * The judged find_node lookups of a network so far, summarised for the views.
 *
 * @param judged     lookups judged against the ground truth
 * @param exact      how many of them found exactly the true k closest
 * @param hopsMean   mean hops
 * @param hopsP95    95th percentile of hops
 * @param rpcsMean   mean RPCs per lookup
 * @param rpcsP95    95th percentile of RPCs per lookup
 */
public record StatsSnapshot(long judged, long exact, double hopsMean, int hopsP95, double rpcsMean, int rpcsP95) {
    /** The share of exact lookups, or NaN when none was judged. */
    public double exactShare() {
        return judged == 0 ? Double.NaN : (double) exact / judged;
    }
}
