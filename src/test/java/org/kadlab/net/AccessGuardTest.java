package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.inprocess.InProcessSocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Who may make control calls: callers on this host always; callers from other hosts only with the
 * node's token; without a token on the node, nobody from another host.
 */
class AccessGuardTest {

    /** A call from {@code remote} that records how it was closed. */
    private static final class Call extends ServerCall<Object, Object> {
        final Attributes attributes;
        Status closed;

        Call(SocketAddress remote) {
            this.attributes = Attributes.newBuilder().set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, remote).build();
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(Object message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed = status;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public MethodDescriptor<Object, Object> getMethodDescriptor() {
            return null;
        }
    }

    private static boolean admitted(AccessGuard guard, SocketAddress remote, String token) {
        Call call = new Call(remote);
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(AccessGuard.TOKEN, token);
        }
        boolean[] started = {false};
        io.grpc.ServerCallHandler<Object, Object> next = (c, h) -> {
            started[0] = true;
            return new ServerCall.Listener<Object>() {
            };
        };
        guard.interceptCall(call, headers, next);
        assertThat(started[0]).as("started or refused, never both").isEqualTo(call.closed == null);
        if (call.closed != null) {
            assertThat(call.closed.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        }
        return started[0];
    }

    private static final SocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);
    private static final SocketAddress OTHER_HOST = otherHost();

    /** An address of the documentation range (RFC 5737), never contacted. */
    private static SocketAddress otherHost() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 7}), 50_000);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void callersOnThisHostAreAlwaysAdmitted() {
        assertThat(admitted(new AccessGuard(null), LOOPBACK, null)).isTrue();
        assertThat(admitted(new AccessGuard("s3cret"), LOOPBACK, null)).isTrue();
        assertThat(admitted(new AccessGuard(null), new InProcessSocketAddress("node"), null)).isTrue();
    }

    @Test
    void callersFromOtherHostsNeedTheToken() {
        AccessGuard guarded = new AccessGuard("s3cret");
        assertThat(admitted(guarded, OTHER_HOST, null)).isFalse();
        assertThat(admitted(guarded, OTHER_HOST, "wrong")).isFalse();
        assertThat(admitted(guarded, OTHER_HOST, "s3cret")).isTrue();
    }

    @Test
    void withoutATokenNobodyFromAnotherHostIsAdmitted() {
        AccessGuard open = new AccessGuard(null);
        assertThat(admitted(open, OTHER_HOST, null)).isFalse();
        assertThat(admitted(open, OTHER_HOST, "")).isFalse();
        assertThat(admitted(open, OTHER_HOST, "anything")).isFalse();
    }
}
