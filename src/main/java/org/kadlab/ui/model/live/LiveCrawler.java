package org.kadlab.ui.model.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kadlab.kad.NodeId;
import org.kadlab.net.ChannelFactory;
import org.kadlab.net.MalformedMessageException;
import org.kadlab.net.NodeClient;
import org.kadlab.net.wire.Bucket;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.TableContact;
import org.kadlab.net.wire.TableReply;

/**
 * Finds the nodes of a live network by reading routing tables: starting from the nodes it knows, it
 * asks each for its table, a few calls at a time, and follows every contact it has not visited, up
 * to {@link #MAX_NODES} nodes. A node that does not answer is kept, marked not live; its client is
 * dropped so that a node that comes back is reached afresh. Blocking: run it off the UI thread.
 */
public final class LiveCrawler implements AutoCloseable {
    /** Most nodes followed. */
    public static final int MAX_NODES = 500;
    /** Table calls in flight at once. */
    public static final int PARALLEL = 4;
    /** The deadline of one crawl call. */
    public static final long CALL_DEADLINE_MS = 2_000;

    /** One node as the last crawl saw it: its table is null while it never answered. */
    public record Seen(NodeId id, String address, boolean alive, String cluster, TableReply table) {
    }

    private record Visit(String address, NodeClient client, TableReply table, RuntimeException error) {
    }

    private final ChannelFactory channels;
    private final String token;
    private final ExecutorService calls;
    private final Map<String, NodeClient> clients = new ConcurrentHashMap<>();
    /** Every node seen, in the order found; guarded by this. */
    private final LinkedHashMap<NodeId, Seen> seen = new LinkedHashMap<>();
    /** The id each address was named with in a table, before the node itself answered. */
    private final Map<String, NodeId> named = new HashMap<>();
    private volatile boolean closed;

    /** A crawler that starts from the node {@code seed} is connected to (it now owns that client). */
    public LiveCrawler(ChannelFactory channels, String token, NodeClient seed) {
        this.channels = channels;
        this.token = token;
        this.calls = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "kadlab-live-crawl");
            t.setDaemon(true);
            return t;
        });
        clients.put(seed.address(), seed);
        synchronized (this) {
            seen.put(seed.id(), new Seen(seed.id(), seed.address(), true, seed.info().getCluster(), null));
        }
    }

    /** The client of the node at {@code address} while it answers, or null. */
    public NodeClient client(String address) {
        return clients.get(address);
    }

    /** The nodes seen so far, in the order found. */
    public synchronized List<Seen> seen() {
        return List.copyOf(seen.values());
    }

    /** One crawl: visits every node known and every contact found, at most {@link #MAX_NODES}; returns what it saw. */
    public List<Seen> crawl() throws InterruptedException {
        CompletionService<Visit> done = new ExecutorCompletionService<>(calls);
        Deque<String> frontier = new ArrayDeque<>();
        Set<String> visited = new HashSet<>();
        for (Seen s : seen()) {
            frontier.add(s.address());
            visited.add(s.address());
        }
        int outstanding = 0;
        while ((!frontier.isEmpty() || outstanding > 0) && !closed) {
            while (outstanding < PARALLEL && !frontier.isEmpty()) {
                String address = frontier.poll();
                done.submit(() -> visit(address));
                outstanding++;
            }
            Visit v;
            try {
                v = done.take().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            outstanding--;
            for (String next : record(v)) {
                if (visited.size() < MAX_NODES && visited.add(next)) {
                    frontier.add(next);
                }
            }
        }
        return seen();
    }

    private Visit visit(String address) {
        NodeClient c = clients.get(address);
        try {
            if (c == null) {
                c = NodeClient.connect(address, channels, token, CALL_DEADLINE_MS);
                clients.put(address, c);
            }
            return new Visit(address, c, c.table(), null);
        } catch (RuntimeException e) {
            NodeClient gone = clients.remove(address);
            if (gone != null) {
                gone.close();
            }
            return new Visit(address, null, null, e);
        }
    }

    /** Notes what one visit saw; returns the addresses of the contacts in its table. */
    private synchronized List<String> record(Visit v) {
        if (closed) {
            if (v.client() != null) {
                v.client().close();
            }
            return List.of();
        }
        if (v.error() != null) {
            NodeId id = idAt(v.address());
            if (id != null) {
                Seen was = seen.get(id);
                seen.put(id, new Seen(id, v.address(), false, was == null ? "" : was.cluster(), was == null ? null : was.table()));
            }
            return List.of();
        }
        NodeId id = v.client().id();
        seen.put(id, new Seen(id, v.address(), true, v.client().info().getCluster(), v.table()));
        List<String> out = new ArrayList<>();
        for (Bucket b : v.table().getBucketsList()) {
            for (TableContact tc : b.getContactsList()) {
                String address = note(v.client(), tc.getPeer());
                if (address != null) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    private NodeId idAt(String address) {
        for (Seen s : seen.values()) {
            if (s.address().equals(address)) {
                return s.id();
            }
        }
        return named.get(address);
    }

    private String note(NodeClient via, Peer p) {
        try {
            var c = via.codec().contact(p);
            if (named.size() < MAX_NODES) {
                named.putIfAbsent(c.address(), c.id());
            }
            return c.address();
        } catch (MalformedMessageException e) {
            return null; // a contact we cannot read is not followed
        }
    }

    @Override
    public void close() {
        closed = true;
        calls.shutdownNow();
        for (NodeClient c : clients.values()) {
            c.close();
        }
        clients.clear();
    }
}
