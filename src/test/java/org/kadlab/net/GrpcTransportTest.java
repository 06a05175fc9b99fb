package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.FailureOutcome;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KadTransport;
import org.kadlab.kad.KadTransport.RpcFailure;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeObserver;
import org.kadlab.net.wire.KadMessage;

/**
 * The gRPC transport over in-process channels: request ids echoed, deadlines, error statuses, size
 * limits, bounds on calls in flight, and malformed bytes counted and survived.
 */
class GrpcTransportTest {
    private static final KadConfig CONFIG = KadConfig.builder().bits(20).k(4).alpha(3).rpcTimeoutMs(300)
            .peerTimeoutMs(300).build();
    private final KeySpace space = CONFIG.keySpace();
    private final WireCodec codec = new WireCodec(space);
    private final InProcessNet net = new InProcessNet();
    private NodeHost lastHost;
    private final NetStats stats = new NetStats();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "test-node-thread"));

    @AfterEach
    void cleanUp() throws Exception {
        net.close();
        executor.shutdownNow();
    }

    /** Collects the one outcome of a send and checks it arrives on the node's thread, exactly once. */
    private static final class Outcome implements KadTransport.ResponseHandler {
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile String thread;

        @Override
        public void onResponse(KadResponse response) {
            record(response);
        }

        @Override
        public void onFailure(RpcFailure failure) {
            record(failure);
        }

        private void record(Object o) {
            calls.incrementAndGet();
            thread = Thread.currentThread().getName();
            result.complete(o);
        }

        Object get() throws Exception {
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    private GrpcTransport transport(NetLimits limits, long deadlineMs) {
        Contact me = new Contact(space.id(1), net.name("me"));
        GrpcTransport t = new GrpcTransport(me, codec, limits, deadlineMs, net.channels(), executor, stats);
        net.onClose(t);
        return t;
    }

    private Outcome send(GrpcTransport t, Contact to, KadRequest request) {
        Outcome o = new Outcome();
        t.send(to, request, o);
        return o;
    }

    private Contact hostB(NetLimits limits) throws Exception {
        Contact b = new Contact(space.id(0x80000), net.name("b"));
        lastHost = net.host(b, CONFIG, limits, 7, null);
        return b;
    }

    @Test
    void answersEchoTheirRequestIdOnTheNodesThread() throws Exception {
        Contact b = hostB(NetLimits.defaults());
        NodeHost bHost = lastHost;
        GrpcTransport t = transport(NetLimits.defaults(), 5_000);
        Outcome ping = send(t, b, new KadRequest.Ping(41));
        Outcome find = send(t, b, new KadRequest.FindNode(42, space.id(3)));
        assertThat(ping.get()).isEqualTo(new KadResponse.Pong(41));
        assertThat(find.get()).isInstanceOfSatisfying(KadResponse.Nodes.class, n -> {
            assertThat(n.requestId()).isEqualTo(42);
        });
        assertThat(bHost.inspect(node -> node.routingTable().contains(space.id(1))).get(30, TimeUnit.SECONDS))
                .as("b learned the sender named in the request").isTrue();
        assertThat(ping.thread).isEqualTo("test-node-thread");
        assertThat(ping.calls.get()).isEqualTo(1);
        assertThat(stats.answersReceived()).isEqualTo(2);
    }

    @Test
    void anAnswerEchoingAnotherIdIsAMismatch() throws Exception {
        String name = net.name("liar");
        net.stubServer(name, (req, out) -> {
            out.onNext(codec.encodeResponse(KadMessage.Type.PING, new KadResponse.Pong(999)).toByteArray());
            out.onCompleted();
        });
        GrpcTransport t = transport(NetLimits.defaults(), 5_000);
        assertThat(send(t, new Contact(space.id(2), name), new KadRequest.Ping(5)).get())
                .isEqualTo(RpcFailure.MISMATCHED_RESPONSE);
        assertThat(stats.badAnswers()).isEqualTo(1);
    }

    @Test
    void garbageAndOversizedAnswersAreCountedMismatches() throws Exception {
        String garbage = net.name("garbage");
        net.stubServer(garbage, (req, out) -> {
            out.onNext(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            out.onCompleted();
        });
        String huge = net.name("huge");
        net.stubServer(huge, (req, out) -> {
            out.onNext(new byte[1_000]);
            out.onCompleted();
        });
        GrpcTransport t = transport(NetLimits.defaults().withMaxMessageBytes(256), 5_000);
        assertThat(send(t, new Contact(space.id(2), garbage), new KadRequest.Ping(5)).get())
                .isEqualTo(RpcFailure.MISMATCHED_RESPONSE);
        assertThat(send(t, new Contact(space.id(3), huge), new KadRequest.Ping(6)).get())
                .isEqualTo(RpcFailure.MISMATCHED_RESPONSE);
        assertThat(stats.badAnswers()).isEqualTo(2);
        assertThat(stats.oversizedMessages()).isEqualTo(1);
    }

    @Test
    void aSilentPeerTimesOutAtTheDeadline() throws Exception {
        String name = net.name("silent");
        net.stubServer(name, (req, out) -> { });
        GrpcTransport t = transport(NetLimits.defaults(), 200);
        assertThat(send(t, new Contact(space.id(2), name), new KadRequest.Ping(5)).get()).isEqualTo(RpcFailure.TIMEOUT);
        assertThat(stats.timeouts()).isEqualTo(1);
        assertThat(t.inFlight()).isZero();
    }

    @Test
    void errorStatusesAndUnknownAddressesAreUnreachable() throws Exception {
        String name = net.name("failing");
        net.stubServer(name, (req, out) -> out.onError(Status.INTERNAL.asRuntimeException()));
        GrpcTransport t = transport(NetLimits.defaults(), 5_000);
        assertThat(send(t, new Contact(space.id(2), name), new KadRequest.Ping(5)).get()).isEqualTo(RpcFailure.UNREACHABLE);
        assertThat(send(t, new Contact(space.id(3), net.name("nobody")), new KadRequest.Ping(6)).get())
                .isEqualTo(RpcFailure.UNREACHABLE);
        assertThat(stats.unreachable()).isEqualTo(2);
    }

    @Test
    void aRequestAboveTheSizeLimitIsNeverSent() throws Exception {
        Contact b = hostB(NetLimits.defaults());
        GrpcTransport t = transport(NetLimits.defaults().withMaxMessageBytes(256), 5_000);
        assertThat(send(t, b, new KadRequest.Store(1, space.id(9), "x".repeat(1_000), 1_000)).get())
                .isEqualTo(RpcFailure.UNREACHABLE);
        assertThat(stats.callsSent()).isZero();
        assertThat(stats.refusedOutbound()).isEqualTo(1);
        assertThat(send(t, b, new KadRequest.Store(2, space.id(9), "small", 1_000)).get())
                .isEqualTo(new KadResponse.Stored(2));
    }

    @Test
    void callsBeyondTheInFlightBoundsWaitOrAreRefused() throws Exception {
        String name = net.name("silent");
        net.stubServer(name, (req, out) -> { });
        Contact silent = new Contact(space.id(2), name);
        GrpcTransport t = transport(NetLimits.defaults().withInFlight(1, 1, 1), 300);
        Outcome first = send(t, silent, new KadRequest.Ping(1));
        Outcome waiting = send(t, silent, new KadRequest.Ping(2));
        Outcome refused = send(t, silent, new KadRequest.Ping(3));
        assertThat(refused.get()).isEqualTo(RpcFailure.UNREACHABLE);
        assertThat(first.get()).isEqualTo(RpcFailure.TIMEOUT);
        assertThat(waiting.get()).isEqualTo(RpcFailure.TIMEOUT); // its deadline counts from when it was sent
        assertThat(stats.refusedOutbound()).isEqualTo(1);
        assertThat(stats.callsSent()).isLessThanOrEqualTo(2);
    }

    @Test
    void aWaitingCallGoesOnceASlotFrees() throws Exception {
        Contact b = hostB(NetLimits.defaults());
        GrpcTransport t = transport(NetLimits.defaults().withInFlight(1, 1, 8), 5_000);
        Outcome[] pings = new Outcome[8];
        for (int i = 0; i < pings.length; i++) {
            pings[i] = send(t, b, new KadRequest.Ping(100 + i));
        }
        for (int i = 0; i < pings.length; i++) {
            assertThat(pings[i].get()).isEqualTo(new KadResponse.Pong(100 + i));
        }
        assertThat(stats.refusedOutbound()).isZero();
    }

    @Test
    void aDeadlineEndsInTheCoresTimeoutPath() throws Exception {
        String name = net.name("silent");
        net.stubServer(name, (req, out) -> { });
        Contact silent = new Contact(space.id(2), name);
        CompletableFuture<FailureOutcome> marked = new CompletableFuture<>();
        NodeObserver watcher = new NodeObserver() {
            @Override
            public void contactFailed(KadNode node, FailureOutcome outcome) {
                marked.complete(outcome);
            }
        };
        NodeHost a = net.host(new Contact(space.id(1), net.name("a")), CONFIG, NetLimits.defaults(), 3, watcher);
        a.bootstrap(List.of(silent)).get(30, TimeUnit.SECONDS);
        // the deadline passed: the core heard TIMEOUT and marked the seed stale
        assertThat(marked.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(FailureOutcome.Stale.class,
                stale -> assertThat(stale.contact()).isEqualTo(silent));
        assertThat(a.inspect(KadNode::joined).get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(a.stats().timeouts()).isPositive();
    }

    @Test
    void oversizedAndMalformedRequestsGetErrorStatusesAreCountedAndTheNodeGoesOn() throws Exception {
        NodeHost b;
        Contact bc = new Contact(space.id(0x80000), net.name("b"));
        b = net.host(bc, CONFIG, NetLimits.defaults().withMaxMessageBytes(256), 7, null);
        assertThatThrownBy(() -> net.rawCall(bc.address(), new byte[1_000]))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        assertThatThrownBy(() -> net.rawCall(bc.address(), new byte[] {(byte) 0xFF, 0x01, 0x02}))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        byte[] badId = codec.encodeRequest(new Contact(space.id(1), "x"), new KadRequest.FindNode(1, space.id(3)))
                .toBuilder().setKey(com.google.protobuf.ByteString.copyFrom(new byte[7])).build().toByteArray();
        assertThatThrownBy(() -> net.rawCall(bc.address(), badId))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(b.stats().oversizedMessages()).isEqualTo(1);
        assertThat(b.stats().malformedRequests()).isEqualTo(2);
        GrpcTransport t = transport(NetLimits.defaults(), 5_000);
        assertThat(send(t, bc, new KadRequest.Ping(77)).get()).isEqualTo(new KadResponse.Pong(77));
        assertThat(b.stats().requestsServed()).isEqualTo(1);
    }
}
