package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.net.wire.KademliaGrpc;

/**
 * Over TCP every oversized request is refused and counted, whichever layer stops it: the node's own
 * check (above the limit) or gRPC's socket-level limit (above twice the limit, never buffered whole).
 */
class SizeLimitOverTcpTest {
    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<byte[], byte[]> CALL = MethodDescriptor.newBuilder(RAW, RAW)
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(KademliaGrpc.getCallMethod().getFullMethodName())
            .build();

    @Test
    void requestsAboveTheLimitAreRefusedAndCountedAtEitherLayer() throws Exception {
        KadConfig config = KadConfig.builder().bits(32).k(4).alpha(3).build();
        NetLimits limits = NetLimits.defaults().withMaxMessageBytes(256);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Contact self = new Contact(config.keySpace().id(5), "127.0.0.1:" + port);
        try (NodeHost host = NodeHost.start(self, config, limits, TcpEndpoints.server("127.0.0.1", port, limits),
                TcpEndpoints.channels(limits), 1, null)) {
            ManagedChannel ch = TcpEndpoints.channels(NetLimits.defaults()).open(self.address());
            try {
                for (int size : new int[] {400, 5_000}) { // above the limit; above the socket-level limit
                    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(ch, CALL,
                            CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), new byte[size]))
                            .as("a request of %d bytes", size)
                            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                                    .isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
                }
            } finally {
                ch.shutdownNow();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (host.stats().oversizedMessages() < 2 && System.nanoTime() < until) {
                Thread.sleep(10); // the tracer counts when the server closes the stream
            }
            assertThat(host.stats().oversizedMessages()).isEqualTo(2);
        }
    }
}
