package org.kadlab.net;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may make control and observer calls (ctl, the app's event stream, the cluster's kill and
 * revive): callers on this host always; callers from other hosts only when the node was given a
 * shared token and they present it in the {@value #HEADER} metadata. The Kademlia calls between
 * nodes are not guarded: they are the protocol.
 */
public final class AccessGuard implements ServerInterceptor {
    /** The metadata key that carries the token. */
    public static final String HEADER = "kadlab-token";
    /** The metadata key, as gRPC names it. */
    public static final Metadata.Key<String> TOKEN = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] token;

    /** @param token the shared token, or null: then only callers on this host are let in */
    public AccessGuard(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (isLocal(remote) || presents(headers.get(TOKEN))) {
            return next.startCall(call, headers);
        }
        call.close(Status.PERMISSION_DENIED.withDescription(token == null
                ? "control calls are taken from this host only (the node has no token)"
                : "control calls from other hosts need the node's token"), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private boolean presents(String given) {
        return token != null && given != null
                && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    /** A loopback address, or a transport without one (in-process). */
    static boolean isLocal(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
        }
        return remote == null || !(remote instanceof InetSocketAddress);
    }
}
