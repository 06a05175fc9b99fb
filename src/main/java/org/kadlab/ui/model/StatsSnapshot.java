package org.kadlab.ui.model;

/**
 * The judged user operations of a network so far, summarised for the views.
 *
 * @param judged           find_node lookups judged against the ground truth
 * @param exact            how many of them found exactly the true k closest
 * @param hopsMean         mean hops
 * @param hopsP95          95th percentile of hops
 * @param rpcsMean         mean RPCs per lookup
 * @param rpcsP95          95th percentile of RPCs per lookup
 * @param meanRecall       mean share of the true k closest a find_node returned (0..1), NaN when none was judged
 * @param findValues       find_value operations that ended
 * @param findValueSuccess the share of them that found the value (0..1), NaN when none ended
 */
public record StatsSnapshot(long judged, long exact, double hopsMean, int hopsP95, double rpcsMean, int rpcsP95,
                            double meanRecall, long findValues, double findValueSuccess) {
    /** The share of exact lookups, or NaN when none was judged. */
    public double exactShare() {
        return judged == 0 ? Double.NaN : (double) exact / judged;
    }
}
