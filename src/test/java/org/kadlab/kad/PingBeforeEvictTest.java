package org.kadlab.kad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed gap 1: a full bucket meeting a newcomer must PING its least recently seen contact through the
 * transport and apply the answer. k = 2 and 8-bit ids: the origin is 0000_0000, and A = 1000_0000,
 * B = 1000_0001, C = 1100_0000, D = 1110_0000 all fall in its bucket 7 (first bit differs).
 */
class PingBeforeEvictTest {
    private TestNetwork net;
    private RecordingObserver seen;
    private KadNode origin;
    private KadNode a;
    private KadNode b;
    private KadNode c;
    private KadNode d;

    @BeforeEach
    void fillBucketSeven() {
        KadConfig cfg = ClassicConfig.builder().bits(8).k(2).alpha(3).rpcTimeoutMs(500).build();
        net = new TestNetwork(cfg, 1);
        seen = new RecordingObserver();
        origin = net.add(net.id("0b0000_0000"), seen);
        a = net.add(net.id("0b1000_0000"));
        b = net.add(net.id("0b1000_0001"));
        c = net.add(net.id("0b1100_0000"));
        d = net.add(net.id("0b1110_0000"));
        net.await(net.deliver(a, origin, new KadRequest.Ping(1)));
        net.runUntil(net.now + 10);
        net.await(net.deliver(b, origin, new KadRequest.Ping(2)));
        net.runUntil(net.now + 10);
        assertThat(bucket().contacts()).as("bucket 7 filled, least recently seen first").containsExactly(a.self(), b.self());
        seen.clear();
    }

    private KBucket bucket() {
        return origin.routingTable().bucket(7);
    }

    private List<TestNetwork.Sent> pingsTo(KadNode peer) {
        return net.sent(origin.id(), peer.id(), KadRequest.Ping.class);
    }

    @Test
    @DisplayName("a newcomer to a full bucket makes the node PING the least recently seen contact; alive, it stays and moves to the tail")
    void aliveLeastRecentlySeenStaysAndNewcomerIsCached() {
        long before = net.now;
        KadResponse pong = net.await(net.deliver(c, origin, new KadRequest.Ping(3)));
        assertThat(pong).as("the node still answers the newcomer").isEqualTo(new KadResponse.Pong(3));

        assertThat(seen.pingsStarted).as("ping-before-evict started")
                .containsExactly(new UpdateResult.Pending(a.self(), c.self(), 7));
        assertThat(pingsTo(a)).as("a PING went to A, the least recently seen, through the transport").hasSize(1);
        assertThat(pingsTo(a).get(0).at()).as("sent when C's request arrived").isEqualTo(before + 1);
        assertThat(pingsTo(b)).as("no PING to B").isEmpty();
        assertThat(seen.pingsResolved).as("ping outcome")
                .containsExactly(new PingOutcome(7, a.self(), true, c.self(), false));
        assertThat(bucket().contacts()).as("A answered: it moved to the tail").containsExactly(b.self(), a.self());
        assertThat(bucket().replacements()).as("C waits in the replacement cache").containsExactly(c.self());
        assertThat(bucket().pendingPing()).as("no ping left in flight").isNull();
        assertThat(origin.routingTable().contains(c.id())).as("C is not in the bucket").isFalse();
    }

    @Test
    @DisplayName("when the least recently seen contact does not answer the PING it is evicted and the newcomer appended")
    void deadLeastRecentlySeenIsEvictedAndNewcomerAppended() {
        net.kill(a.id());
        net.await(net.deliver(c, origin, new KadRequest.Ping(3)));

        assertThat(seen.pingsStarted).as("ping-before-evict started")
                .containsExactly(new UpdateResult.Pending(a.self(), c.self(), 7));
        assertThat(pingsTo(a)).as("a PING went to A").hasSize(1);
        assertThat(seen.pingsResolved).as("ping outcome")
                .containsExactly(new PingOutcome(7, a.self(), false, c.self(), true));
        assertThat(bucket().contacts()).as("A evicted, C appended at the tail").containsExactly(b.self(), c.self());
        assertThat(origin.routingTable().contains(a.id())).as("A gone").isFalse();
    }

    @Test
    @DisplayName("a second newcomer while a PING is in flight waits in the replacement cache and starts no second PING")
    void secondNewcomerDuringAPingIsCached() {
        net.kill(a.id());
        net.deliver(c, origin, new KadRequest.Ping(3));
        net.runUntil(net.now + 5);
        assertThat(bucket().pendingPing()).as("ping to A in flight").isEqualTo(a.self());
        assertThat(bucket().pendingCandidate()).as("C waits on it").isEqualTo(c.self());

        net.await(net.deliver(d, origin, new KadRequest.Ping(4)));
        assertThat(seen.pingsStarted).as("only one ping-before-evict").hasSize(1);
        assertThat(net.log.stream().filter(s -> s.from().equals(origin.id())
                && s.request() instanceof KadRequest.Ping).count()).as("PINGs sent by the origin").isEqualTo(1);
        assertThat(bucket().contacts()).as("after A timed out").containsExactly(b.self(), c.self());
        assertThat(bucket().replacements()).as("D in the replacement cache").containsExactly(d.self());
    }

    @Test
    @DisplayName("a PING answered with the wrong request id counts as no answer: the contact is evicted")
    void pongWithAWrongRequestIdEvicts() {
        // the origin's transport is replaced by one that answers every request with a wrong id
        KadConfig cfg = net.config;
        TestNetwork other = new TestNetwork(cfg, 2);
        RecordingObserver watched = new RecordingObserver();
        Contact self = new Contact(other.id("0b0000_0000"), "liar-net");
        KadTransport lying = (target, request, handler) -> {
            KadNode peer = other.node(target.id());
            other.schedule(1, () -> {
                KadResponse real = peer.handleRequest(self, request);
                handler.onResponse(new KadResponse.Pong(real.requestId() + 1000));
            });
        };
        KadNode liarClient = new KadNode(self, cfg, lying, other.clock(), new Random(1), KadNode.DIRECT, watched);
        KadNode x = other.add(other.id("0b1000_0000"));
        KadNode y = other.add(other.id("0b1000_0001"));
        KadNode z = other.add(other.id("0b1100_0000"));
        liarClient.handleRequest(x.self(), new KadRequest.Ping(1));
        liarClient.handleRequest(y.self(), new KadRequest.Ping(2));
        liarClient.handleRequest(z.self(), new KadRequest.Ping(3));
        other.runUntilIdle();

        assertThat(watched.pingsStarted).as("ping-before-evict of X").hasSize(1);
        assertThat(watched.pingsResolved).as("a Pong with the wrong id means X is treated as dead")
                .containsExactly(new PingOutcome(7, x.self(), false, z.self(), true));
        assertThat(liarClient.routingTable().bucket(7).contacts()).as("bucket 7").containsExactly(y.self(), z.self());
    }

    @Test
    @DisplayName("a newcomer joining through bootstrap triggers the same ping-before-evict instead of being silently dropped")
    void bootstrapOfANewcomerTriggersThePing() {
        net.await(c.bootstrap(List.of(origin.self())));
        assertThat(seen.pingsStarted).as("origin pinged its least recently seen contact for newcomer C").isNotEmpty();
        assertThat(seen.pingsStarted.get(0)).as("first ping-before-evict")
                .isEqualTo(new UpdateResult.Pending(a.self(), c.self(), 7));
        assertThat(pingsTo(a)).as("PING to A through the transport").isNotEmpty();
        assertThat(bucket().contacts()).as("A and B both answered, so both stay").containsExactlyInAnyOrder(a.self(), b.self());
        assertThat(bucket().replacements()).as("C kept as a replacement, not dropped").contains(c.self());
    }
}
