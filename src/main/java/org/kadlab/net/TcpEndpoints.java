package org.kadlab.net;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;

/** Servers and channels over TCP (plaintext HTTP/2), with the size limit applied on the socket too. */
public final class TcpEndpoints {
    private TcpEndpoints() {
    }

    /**
     * A server builder listening on {@code host:port} only (a loopback host keeps it off the network).
     * The socket-level limit is twice the message limit, so that a message above the limit but below
     * that still reaches the node's own check, which counts it.
     */
    public static ServerBuilder<?> server(String host, int port, NetLimits limits) {
        return NettyServerBuilder.forAddress(new InetSocketAddress(host, port), InsecureServerCredentials.create())
                .maxInboundMessageSize(socketLimit(limits));
    }

    /** Opens plaintext channels to {@code host:port} addresses. */
    public static ChannelFactory channels(NetLimits limits) {
        return address -> Grpc.newChannelBuilder(address, InsecureChannelCredentials.create())
                .maxInboundMessageSize(socketLimit(limits))
                .build();
    }

    private static int socketLimit(NetLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * limits.maxMessageBytes());
    }
}
