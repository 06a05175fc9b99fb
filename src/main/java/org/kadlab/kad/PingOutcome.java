package org.kadlab.kad;

/**
 * How a ping-before-evict ended: if {@code alive}, the pinged contact moved to the tail and the
 * candidate went to the replacement cache; otherwise the pinged contact was evicted and the
 * candidate appended ({@code candidateAdded}).
 */
public record PingOutcome(int bucket, Contact pinged, boolean alive, Contact candidate, boolean candidateAdded) {
}
