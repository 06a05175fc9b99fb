package org.kadlab.net;

/**
 * The bounds a node keeps on the network, so that no peer and no burst can make it grow without
 * limit: message size, calls in flight (per peer and in total), calls waiting for a slot, inbound
 * requests queued on the node, open channels, and how often the upkeep timer looks for due work.
 *
 * @param maxMessageBytes     largest message sent or accepted, in bytes
 * @param maxInFlightPerPeer  calls to one peer waiting for an answer at once
 * @param maxInFlightTotal    calls waiting for an answer at once, all peers together
 * @param maxWaiting          calls waiting for a free slot; beyond this a call fails at once
 * @param maxInboundQueued    requests received and not yet answered; beyond this a request is refused
 * @param maxChannels         open channels to peers (the least recently used is closed beyond this)
 * @param upkeepTickMs        how often the node checks whether refresh, republish or expiry is due
 */
public record NetLimits(int maxMessageBytes, int maxInFlightPerPeer, int maxInFlightTotal, int maxWaiting,
                        int maxInboundQueued, int maxChannels, long upkeepTickMs) {
    public NetLimits {
        require(maxMessageBytes >= 256, "max message bytes must be at least 256", maxMessageBytes);
        require(maxInFlightPerPeer >= 1, "in-flight calls per peer must be at least 1", maxInFlightPerPeer);
        require(maxInFlightTotal >= maxInFlightPerPeer, "in-flight calls in total must be at least those per peer",
                maxInFlightTotal);
        require(maxWaiting >= 0, "waiting calls must not be negative", maxWaiting);
        require(maxInboundQueued >= 1, "queued inbound requests must be at least 1", maxInboundQueued);
        require(maxChannels >= 1, "open channels must be at least 1", maxChannels);
        require(upkeepTickMs >= 1, "the upkeep tick must be at least 1 ms", upkeepTickMs);
    }

    /** 64 KiB messages, 8 calls per peer, 256 in total, 4096 waiting, 256 queued inbound, 256 channels, 1 s tick. */
    public static NetLimits defaults() {
        return new NetLimits(64 * 1024, 8, 256, 4096, 256, 256, 1_000);
    }

    /** These limits with another maximum message size. */
    public NetLimits withMaxMessageBytes(int bytes) {
        return new NetLimits(bytes, maxInFlightPerPeer, maxInFlightTotal, maxWaiting, maxInboundQueued, maxChannels,
                upkeepTickMs);
    }

    /** These limits with other in-flight bounds. */
    public NetLimits withInFlight(int perPeer, int total, int waiting) {
        return new NetLimits(maxMessageBytes, perPeer, total, waiting, maxInboundQueued, maxChannels, upkeepTickMs);
    }

    /** These limits with another bound on queued inbound requests. */
    public NetLimits withInboundQueued(int queued) {
        return new NetLimits(maxMessageBytes, maxInFlightPerPeer, maxInFlightTotal, maxWaiting, queued, maxChannels,
                upkeepTickMs);
    }

    private static void require(boolean ok, String what, long value) {
        if (!ok) {
            throw new IllegalArgumentException(what + ": " + value);
        }
    }
}
