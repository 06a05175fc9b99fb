package org.kadlab.ui.model.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.kadlab.kad.NodeId;
import org.kadlab.net.NodeClient;
import org.kadlab.sim.SimEvent;

/**
 * The event streams of the live nodes, at most {@link #MAX_STREAMS} at once: each event is mapped to
 * the simulator's event and queued in one bounded queue, which the window drains once per frame.
 * When the queue is full the event is dropped and counted here; events a node dropped because this
 * app read too slowly are counted by {@link LiveEvents}. A stream that ends is followed again on the
 * next crawl if its node is still live.
 */
public final class LiveFeeds implements AutoCloseable {
    /** Most event streams followed at once. */
    public static final int MAX_STREAMS = 64;
    /** Most mapped events waiting for the window. */
    public static final int QUEUE = 20_000;
    private final LiveEvents mapper;
    private final ArrayBlockingQueue<SimEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Map<NodeId, NodeClient.Subscription> streams = new ConcurrentHashMap<>();
    private final AtomicLong droppedHere = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean closed;

    public LiveFeeds(LiveEvents mapper) {
        this.mapper = mapper;
    }

    /** Follows the streams of the live nodes of {@code nodes} not yet followed, while fewer than the bound run. */
    public synchronized void follow(List<LiveCrawler.Seen> nodes, Function<String, NodeClient> clientAt) {
        for (LiveCrawler.Seen s : nodes) {
            if (closed || streams.size() >= MAX_STREAMS) {
                return;
            }
            NodeClient c = s.alive() ? clientAt.apply(s.address()) : null;
            if (c == null || streams.containsKey(s.id())) {
                continue;
            }
            NodeId id = s.id();
            NodeClient.Subscription[] mine = new NodeClient.Subscription[1];
            try {
                mine[0] = c.events(e -> accept(id, e), end -> {
                    if (mine[0] != null) {
                        streams.remove(id, mine[0]);
                    }
                });
            } catch (RuntimeException e) {
                continue; // its channel was just closed: the next crawl tries again
            }
            streams.put(id, mine[0]);
        }
    }

    private void accept(NodeId node, org.kadlab.net.wire.NodeEvent e) {
        received.incrementAndGet();
        SimEvent mapped = mapper.map(node, e);
        if (mapped != null && !queue.offer(mapped)) {
            droppedHere.incrementAndGet();
        }
    }

    /** Moves at most {@code max} waiting events, oldest first, into {@code out}; returns how many. */
    public int drainTo(List<SimEvent> out, int max) {
        return queue.drainTo(out, max);
    }

    /** Whether events wait. */
    public boolean hasWaiting() {
        return !queue.isEmpty();
    }

    /** Streams followed now. */
    public int streamCount() {
        return streams.size();
    }

    /** Whether the stream of {@code node} is followed. */
    public boolean follows(NodeId node) {
        return streams.containsKey(node);
    }

    /** Events dropped here because the window's queue was full. */
    public long droppedHere() {
        return droppedHere.get();
    }

    /** Events received from every stream. */
    public long received() {
        return received.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (NodeClient.Subscription s : streams.values()) {
            s.close();
        }
        streams.clear();
        queue.clear();
    }
}
