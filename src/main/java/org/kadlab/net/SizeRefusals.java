package org.kadlab.net;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;

/**
 * Counts the messages gRPC itself refused for their size before the node saw them (those above the
 * socket-level limit, which keeps a huge message from ever being buffered whole), so that every
 * oversized message is counted, whichever layer stopped it.
 */
final class SizeRefusals extends ServerStreamTracer.Factory {
    private final NetStats stats;

    SizeRefusals(NetStats stats) {
        this.stats = stats;
    }

    @Override
    public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        return new ServerStreamTracer() {
            @Override
            public void streamClosed(Status status) {
                if (refusedForSize(status)) {
                    stats.oversizedMessages.incrementAndGet();
                }
            }
        };
    }

    /** Whether gRPC's own deframer refused the message for its size. */
    static boolean refusedForSize(Status status) {
        String d = status.getDescription();
        return status.getCode() == Status.Code.RESOURCE_EXHAUSTED && d != null && d.contains("exceeds maximum");
    }
}
