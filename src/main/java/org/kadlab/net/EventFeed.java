package org.kadlab.net;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.kadlab.net.wire.NodeEvent;

/**
 * A node's read-only event stream, fanned out to its observers. Each observer has a bounded queue
 * drained only as fast as its connection takes messages (gRPC flow control): when the queue is full
 * the oldest event is dropped and counted, and the observer is told how many it lost, so a slow
 * observer loses old events and never slows the node. The number of observers is bounded too.
 */
final class EventFeed {
    private final int queueCapacity;
    private final int maxObservers;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param queueCapacity events one observer may have waiting before the oldest is dropped
     * @param maxObservers  observers at once; one more is refused
     */
    EventFeed(int queueCapacity, int maxObservers) {
        if (queueCapacity < 1 || maxObservers < 1) {
            throw new IllegalArgumentException("an event feed needs room for one event and one observer");
        }
        this.queueCapacity = queueCapacity;
        this.maxObservers = maxObservers;
    }

    /** Whether anyone watches (so that a node builds no event nobody reads). */
    boolean watched() {
        return !subscribers.isEmpty();
    }

    /** Events published so far. */
    long published() {
        return published.get();
    }

    /** Events dropped so far, all observers together. */
    long dropped() {
        return dropped.get();
    }

    /** Observers now. */
    int observers() {
        return subscribers.size();
    }

    /** Gives {@code event} to every observer (dropping its oldest waiting event if it is full). */
    void publish(NodeEvent event) {
        published.incrementAndGet();
        for (Subscriber s : subscribers) {
            s.offer(event);
        }
    }

    /** Adds an observer until it cancels; refuses it when there are too many. */
    void subscribe(ServerCallStreamObserver<NodeEvent> out) {
        Subscriber s = new Subscriber(out);
        synchronized (subscribers) {
            if (subscribers.size() >= maxObservers) {
                out.onError(Status.RESOURCE_EXHAUSTED
                        .withDescription("at most " + maxObservers + " observers at once").asRuntimeException());
                return;
            }
            subscribers.add(s);
        }
        out.setOnCancelHandler(() -> subscribers.remove(s));
        out.setOnReadyHandler(s::drain);
    }

    /** Ends every stream (the node stops). */
    void close() {
        for (Subscriber s : subscribers) {
            s.end();
        }
        subscribers.clear();
    }

    /** One observer: its queue, what it lost, and its connection. */
    private final class Subscriber {
        private final ServerCallStreamObserver<NodeEvent> out;
        private final ArrayDeque<NodeEvent> queue = new ArrayDeque<>();
        private long lost;
        private long lostTold;
        private boolean ended;

        Subscriber(ServerCallStreamObserver<NodeEvent> out) {
            this.out = out;
        }

        synchronized void offer(NodeEvent event) {
            if (ended) {
                return;
            }
            if (queue.size() >= queueCapacity) {
                queue.pollFirst();
                lost++;
                dropped.incrementAndGet();
            }
            queue.addLast(event);
            drain();
        }

        synchronized void drain() {
            try {
                while (!ended && out.isReady() && (lost > lostTold || !queue.isEmpty())) {
                    if (lost > lostTold) {
                        lostTold = lost;
                        out.onNext(NodeEvent.newBuilder().setKind(NodeEvent.Kind.EVENTS_DROPPED).setDropped(lost).build());
                    } else {
                        out.onNext(queue.pollFirst());
                    }
                }
            } catch (RuntimeException e) {
                ended = true; // the call was cancelled under us: it is removed by its cancel handler
                queue.clear();
            }
        }

        synchronized void end() {
            if (!ended) {
                ended = true;
                queue.clear();
                try {
                    out.onCompleted();
                } catch (RuntimeException e) {
                    // already cancelled
                }
            }
        }
    }
}
