package org.kadlab.net;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.net.wire.KadMessage;
import org.kadlab.net.wire.KademliaGrpc;

/**
 * The server side of the node-to-node call: checks size and shape, queues the request on the
 * node's executor (a bounded number at once) and answers with the node's response. What is wrong
 * with a request is counted and answered with an error status (RESOURCE_EXHAUSTED for too large or
 * too many, INVALID_ARGUMENT for malformed, INTERNAL when handling threw); the node goes on.
 */
public final class KadService {
    private final WireCodec codec;
    private final NetLimits limits;
    private final Executor executor;
    private final BiFunction<Contact, KadRequest, KadResponse> handler;
    private final NetStats stats;
    private final Semaphore queued;
    private volatile RpcTap tap = RpcTap.NONE;

    /**
     * @param handler answers one request on the node's executor (normally {@code KadNode::handleRequest})
     */
    public KadService(WireCodec codec, NetLimits limits, Executor executor,
                      BiFunction<Contact, KadRequest, KadResponse> handler, NetStats stats) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.queued = new Semaphore(limits.maxInboundQueued());
    }

    /** Reports every request handled to {@code tap} from now on (the node's event stream). */
    void tap(RpcTap tap) {
        this.tap = Objects.requireNonNull(tap, "tap");
    }

    /** The service to add to a gRPC server. */
    public ServerServiceDefinition definition() {
        return ServerServiceDefinition.builder(KademliaGrpc.SERVICE_NAME)
                .addMethod(WireMethods.serverMethod(limits.maxMessageBytes()), ServerCalls.asyncUnaryCall(this::call))
                .build();
    }

    private void call(WireMethods.Inbound in, StreamObserver<KadMessage> out) {
        if (in.oversized()) {
            stats.oversizedMessages.incrementAndGet();
            out.onError(Status.RESOURCE_EXHAUSTED
                    .withDescription("message above " + limits.maxMessageBytes() + " bytes").asRuntimeException());
            return;
        }
        KadMessage message;
        Contact from;
        KadRequest request;
        try {
            message = KadMessage.parseFrom(in.bytes());
            from = codec.decodeSender(message);
            request = codec.decodeRequest(message);
        } catch (InvalidProtocolBufferException | MalformedMessageException | RuntimeException e) {
            stats.malformedRequests.incrementAndGet();
            out.onError(Status.INVALID_ARGUMENT.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
            return;
        }
        if (!queued.tryAcquire()) {
            stats.refusedBusy.incrementAndGet();
            out.onError(Status.RESOURCE_EXHAUSTED.withDescription("too many requests queued").asRuntimeException());
            return;
        }
        try {
            executor.execute(() -> answer(message.getType(), from, request, out));
        } catch (RejectedExecutionException e) {
            queued.release();
            out.onError(Status.UNAVAILABLE.withDescription("node stopping").asRuntimeException());
        }
    }

    private void answer(KadMessage.Type type, Contact from, KadRequest request, StreamObserver<KadMessage> out) {
        KadMessage reply;
        try {
            tap.delivered(from, request);
            reply = codec.encodeResponse(type, handler.apply(from, request));
        } catch (RuntimeException e) {
            stats.handlerErrors.incrementAndGet();
            out.onError(Status.INTERNAL.withDescription("request failed").asRuntimeException());
            return;
        } finally {
            queued.release();
        }
        if (reply.getSerializedSize() > limits.maxMessageBytes()) {
            stats.oversizedMessages.incrementAndGet();
            out.onError(Status.RESOURCE_EXHAUSTED.withDescription("answer too large").asRuntimeException());
            return;
        }
        stats.requestsServed.incrementAndGet();
        out.onNext(reply);
        out.onCompleted();
    }
}
