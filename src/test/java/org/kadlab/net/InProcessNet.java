package org.kadlab.net;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kadlab.net.wire.KademliaGrpc;

/**
 * In-process gRPC for the transport tests: unique server names, channels by name, raw-byte calls and
 * stub servers, and cleanup of everything opened.
 */
final class InProcessNet implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A fresh server name, unique in this JVM. */
    String name(String label) {
        return "kadlab-test-" + label + "-" + NAMES.incrementAndGet();
    }

    InProcessServerBuilder serverBuilder(String name) {
        return InProcessServerBuilder.forName(name);
    }

    /** Opens in-process channels; each is closed at the end. */
    ChannelFactory channels() {
        return address -> {
            ManagedChannel ch = InProcessChannelBuilder.forName(address).build();
            opened.add(ch::shutdownNow);
            return ch;
        };
    }

    /** Starts a node host on a fresh in-process name. */
    NodeHost host(org.kadlab.kad.Contact self, org.kadlab.kad.KadConfig config, NetLimits limits, long seed,
                  org.kadlab.kad.NodeObserver observer) throws IOException {
        NodeHost h = NodeHost.start(self, config, limits, serverBuilder(self.address()), channels(), seed, observer);
        opened.add(h);
        return h;
    }

    /** A server whose one call is answered by {@code handler} with raw bytes (or not at all). */
    void stubServer(String name, ServerCalls.UnaryMethod<byte[], byte[]> handler) throws IOException {
        Server s = serverBuilder(name).addService(ServerServiceDefinition.builder(KademliaGrpc.SERVICE_NAME)
                .addMethod(RAW, ServerCalls.asyncUnaryCall(handler)).build()).build().start();
        opened.add(s::shutdownNow);
    }

    /** Sends raw bytes to the node at {@code name} and returns the raw answer (throws on an error status). */
    byte[] rawCall(String name, byte[] request) {
        ManagedChannel ch = channels().open(name);
        return ClientCalls.blockingUnaryCall(ch, RAW, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                request);
    }

    void onClose(AutoCloseable c) {
        opened.add(c);
    }

    /** A scheduled executor shut down at the end. */
    ScheduledExecutorService executor() {
        ScheduledExecutorService e = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        opened.add(e::shutdownNow);
        return e;
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final MethodDescriptor<byte[], byte[]> RAW = MethodDescriptor.newBuilder(BYTES, BYTES)
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(WireMethods.CALL).build();
}
