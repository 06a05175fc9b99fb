package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.net.wire.NodeEvent;

/**
 * The event stream's fan-out: an observer that reads too slowly loses its oldest events, is told
 * how many, and gets the newest in order once it reads again; the publisher never waits; the
 * number of observers is bounded.
 */
class EventFeedTest {

    /** A stream observer whose readiness the test controls. */
    private static final class Observer extends ServerCallStreamObserver<NodeEvent> {
        final List<NodeEvent> got = new ArrayList<>();
        boolean ready;
        Runnable onReady = () -> { };
        Runnable onCancel = () -> { };
        Throwable error;
        boolean completed;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable r) {
            onReady = r;
        }

        @Override
        public void setOnCancelHandler(Runnable r) {
            onCancel = r;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(NodeEvent value) {
            got.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }

    private static NodeEvent event(long seq) {
        return NodeEvent.newBuilder().setKind(NodeEvent.Kind.RPC_SENT).setSeq(seq).build();
    }

    @Test
    void aSlowObserverLosesTheOldestEventsAndIsToldHowMany() {
        EventFeed feed = new EventFeed(4, 2);
        Observer slow = new Observer();
        Observer fast = new Observer();
        fast.ready = true;
        feed.subscribe(slow);
        feed.subscribe(fast);
        for (long i = 1; i <= 10; i++) {
            feed.publish(event(i)); // returns at once although the slow observer takes nothing
        }
        assertThat(fast.got).extracting(NodeEvent::getSeq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(slow.got).isEmpty();
        assertThat(feed.dropped()).isEqualTo(6);

        slow.ready = true;
        slow.onReady.run();
        assertThat(slow.got.get(0).getKind()).isEqualTo(NodeEvent.Kind.EVENTS_DROPPED);
        assertThat(slow.got.get(0).getDropped()).isEqualTo(6);
        assertThat(slow.got.subList(1, slow.got.size())).extracting(NodeEvent::getSeq).containsExactly(7L, 8L, 9L, 10L);
        assertThat(feed.published()).isEqualTo(10);
    }

    @Test
    void observersAreBoundedAndRemovedWhenTheyCancel() {
        EventFeed feed = new EventFeed(8, 1);
        Observer first = new Observer();
        Observer second = new Observer();
        feed.subscribe(first);
        assertThat(feed.watched()).isTrue();
        feed.subscribe(second);
        assertThat(Status.fromThrowable(second.error).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(feed.observers()).isEqualTo(1);
        first.onCancel.run();
        assertThat(feed.observers()).isZero();
        assertThat(feed.watched()).isFalse();
        feed.close();
    }

    @Test
    void closingEndsEveryStream() {
        EventFeed feed = new EventFeed(8, 4);
        Observer o = new Observer();
        feed.subscribe(o);
        feed.close();
        assertThat(o.completed).isTrue();
        assertThat(feed.observers()).isZero();
    }
}
