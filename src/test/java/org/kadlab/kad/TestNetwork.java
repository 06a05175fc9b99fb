package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal in-test network of {@link KadNode}s: a hand-moved clock, a (time, sequence) ordered
 * queue of deliveries, a fixed one-way latency, and dead nodes whose requests time out. Everything
 * runs on the test thread, so runs are deterministic.
 */
final class TestNetwork {
    final KadConfig config;
    final KeySpace keySpace;
    final Random random;
    final long latencyMs;
    long now;
    private long seq;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.at).thenComparingLong(t -> t.seq));
    final Map<NodeId, KadNode> nodes = new LinkedHashMap<>();
    final Set<NodeId> dead = new HashSet<>();
    /** Requests sent, by type name, for assertions such as "a PING went out". */
    final List<KadRequest> sent = new ArrayList<>();

    private record Task(long at, long seq, Runnable action) {
    }

    TestNetwork(KadConfig config, long seed) {
        this(config, seed, 1);
    }

    TestNetwork(KadConfig config, long seed, long latencyMs) {
        this.config = config;
        this.keySpace = config.keySpace();
        this.random = new Random(seed);
        this.latencyMs = latencyMs;
    }

    KadClock clock() {
        return () -> now;
    }

    KadNode add(NodeId id) {
        return add(id, NodeObserver.NONE);
    }

    KadNode add(NodeId id, NodeObserver observer) {
        Contact contact = new Contact(id, "test:" + keySpace.hex(id));
        KadNode node = new KadNode(contact, config, endpoint(contact), clock(), new Random(random.nextLong()),
                KadNode.DIRECT, observer);
        nodes.put(id, node);
        return node;
    }

    KadNode addRandom() {
        NodeId id;
        do {
            id = keySpace.randomId(random);
        } while (nodes.containsKey(id));
        return add(id);
    }

    KadNode node(NodeId id) {
        return nodes.get(id);
    }

    void kill(NodeId id) {
        dead.add(id);
    }

    void revive(NodeId id) {
        dead.remove(id);
    }

    List<NodeId> liveIds() {
        List<NodeId> out = new ArrayList<>();
        for (NodeId id : nodes.keySet()) {
            if (!dead.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The brute-force n closest live nodes to target, excluding {@code except} (may be null). */
    List<NodeId> trueClosest(NodeId target, int n, NodeId except) {
        List<NodeId> all = new ArrayList<>(liveIds());
        all.remove(except);
        all.sort((a, b) -> NodeId.compareDistance(target, a, b));
        return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    }

    KadTransport endpoint(Contact from) {
        return (target, request, handler) -> {
            sent.add(request);
            KadNode receiver = nodes.get(target.id());
            if (receiver == null || dead.contains(target.id()) || dead.contains(from.id())) {
                schedule(config.rpcTimeoutMs(), () -> handler.onFailure(KadTransport.RpcFailure.TIMEOUT));
                return;
            }
            schedule(latencyMs, () -> {
                if (dead.contains(target.id())) {
                    schedule(config.rpcTimeoutMs() - latencyMs, () -> handler.onFailure(KadTransport.RpcFailure.TIMEOUT));
                    return;
                }
                KadResponse response = receiver.handleRequest(from, request);
                schedule(latencyMs, () -> handler.onResponse(response));
            });
        };
    }

    void schedule(long delay, Runnable action) {
        queue.add(new Task(now + delay, seq++, action));
    }

    /** Runs queued deliveries until none is left, moving the clock to each. */
    void runUntilIdle() {
        while (!queue.isEmpty()) {
            Task t = queue.poll();
            now = Math.max(now, t.at);
            t.action.run();
        }
    }

    /** Runs deliveries due up to {@code time}, then sets the clock there. */
    void runUntil(long time) {
        while (!queue.isEmpty() && queue.peek().at <= time) {
            Task t = queue.poll();
            now = Math.max(now, t.at);
            t.action.run();
        }
        now = Math.max(now, time);
    }

    <T> T await(CompletableFuture<T> future) {
        runUntilIdle();
        if (!future.isDone()) {
            throw new AssertionError("operation did not finish although the network is idle");
        }
        return future.join();
    }

    /** Joins every node in {@code ids} one at a time, each through the first node. */
    void joinAll(Collection<NodeId> ids) {
        NodeId first = null;
        for (NodeId id : ids) {
            KadNode n = nodes.containsKey(id) ? nodes.get(id) : add(id);
            if (first == null) {
                first = id;
                continue;
            }
            await(n.bootstrap(List.of(nodes.get(first).self())));
        }
    }

    /**
     * Fills every node's buckets from global knowledge: each bucket gets min(k, nodes in its range)
     * contacts, in random order (no RPCs).
     */
    void fillAllBucketsFromEveryone() {
        List<KadNode> all = new ArrayList<>(nodes.values());
        for (KadNode n : all) {
            List<KadNode> others = new ArrayList<>(all);
            others.remove(n);
            java.util.Collections.shuffle(others, random);
            for (KadNode o : others) {
                UpdateResult r = n.routingTable().update(o.self());
                if (r instanceof UpdateResult.Pending) {
                    continue; // bucket already holds k: min(k, in range) is reached
                }
            }
        }
    }
}
