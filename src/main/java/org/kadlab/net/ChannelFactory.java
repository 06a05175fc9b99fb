package org.kadlab.net;

import io.grpc.ManagedChannel;

/** Opens a channel to a peer's address: over TCP for real nodes, in-process in tests. */
@FunctionalInterface
public interface ChannelFactory {
    /** A new channel to {@code address}; the transport closes it when done with it. */
    ManagedChannel open(String address);
}
