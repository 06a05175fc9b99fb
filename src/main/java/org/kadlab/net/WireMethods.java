package org.kadlab.net;

import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.kadlab.net.wire.KadMessage;
import org.kadlab.net.wire.KademliaGrpc;

/**
 * The one gRPC method of the node-to-node service, described twice: each side sends protobuf
 * messages but receives raw bytes, read at most up to the size limit, so that it can count an
 * oversized or malformed message itself and answer it with an error status instead of failing
 * inside gRPC.
 */
final class WireMethods {
    /** The full name of the call, as the generated service names it. */
    static final String CALL = KademliaGrpc.getCallMethod().getFullMethodName();

    private WireMethods() {
    }

    /** Received bytes, or the mark that there were more than the limit. */
    record Inbound(byte[] bytes, boolean oversized) {
    }

    /** What a node serves: raw bytes in, a message out. */
    static MethodDescriptor<Inbound, KadMessage> serverMethod(int maxBytes) {
        return MethodDescriptor.newBuilder(new BoundedBytes(maxBytes), ProtoUtils.marshaller(KadMessage.getDefaultInstance()))
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(CALL).build();
    }

    /** What a node calls: a message out, raw bytes in. */
    static MethodDescriptor<KadMessage, Inbound> clientMethod(int maxBytes) {
        return MethodDescriptor.newBuilder(ProtoUtils.marshaller(KadMessage.getDefaultInstance()), new BoundedBytes(maxBytes))
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(CALL).build();
    }

    /** Reads at most {@code max} bytes; a longer message becomes an oversized mark, never a big buffer. */
    private static final class BoundedBytes implements MethodDescriptor.Marshaller<Inbound> {
        private final int max;

        BoundedBytes(int max) {
            this.max = max;
        }

        @Override
        public InputStream stream(Inbound value) {
            return new ByteArrayInputStream(value.bytes());
        }

        @Override
        public Inbound parse(InputStream stream) {
            try (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 4096));
                byte[] buf = new byte[4096];
                int n;
                while ((n = stream.read(buf, 0, (int) Math.min(buf.length, max + 1L - out.size()))) > 0) {
                    out.write(buf, 0, n);
                    if (out.size() > max) {
                        return new Inbound(new byte[0], true);
                    }
                }
                return new Inbound(out.toByteArray(), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
