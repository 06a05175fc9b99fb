package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KeySpace;
import org.kadlab.net.wire.KadMessage;

/** The serving side alone: a bounded inbound queue, and a handler that throws does not stop the service. */
class KadServiceTest {
    private final KeySpace space = new KeySpace(20);
    private final WireCodec codec = new WireCodec(space);
    private final InProcessNet net = new InProcessNet();
    private final NetStats stats = new NetStats();

    @AfterEach
    void cleanUp() throws Exception {
        net.close();
    }

    private byte[] ping(long id) {
        return codec.encodeRequest(new Contact(space.id(1), "peer"), new KadRequest.Ping(id)).toByteArray();
    }

    private String serve(NetLimits limits, java.util.function.BiFunction<Contact, KadRequest, KadResponse> handler)
            throws Exception {
        String name = net.name("svc");
        KadService service = new KadService(codec, limits, net.executor(), handler, stats);
        io.grpc.Server s = net.serverBuilder(name).addService(service.definition()).build().start();
        net.onClose(s::shutdownNow);
        return name;
    }

    @Test
    void requestsBeyondTheInboundQueueAreRefusedAsBusy() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String name = serve(NetLimits.defaults().withInboundQueued(1), (from, r) -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new KadResponse.Pong(r.requestId());
        });
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> net.rawCall(name, ping(1)));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> net.rawCall(name, ping(2)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        assertThat(stats.refusedBusy()).isEqualTo(1);
        release.countDown();
        assertThat(KadMessage.parseFrom(first.get(30, TimeUnit.SECONDS)).getRequestId()).isEqualTo(1);
        assertThat(KadMessage.parseFrom(net.rawCall(name, ping(3))).getRequestId()).isEqualTo(3); // the slot came back
    }

    @Test
    void aHandlerThatThrowsGetsAnInternalErrorAndTheServiceGoesOn() throws Exception {
        String name = serve(NetLimits.defaults(), (from, r) -> {
            if (r.requestId() == 1) {
                throw new IllegalStateException("boom");
            }
            return new KadResponse.Pong(r.requestId());
        });
        assertThatThrownBy(() -> net.rawCall(name, ping(1)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL));
        assertThat(stats.handlerErrors()).isEqualTo(1);
        KadMessage answer = KadMessage.parseFrom(net.rawCall(name, ping(2)));
        assertThat(answer.getRequestId()).isEqualTo(2);
        assertThat(answer.getType()).isEqualTo(KadMessage.Type.PING);
    }
}
