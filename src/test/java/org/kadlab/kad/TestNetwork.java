package org.kadlab.kad;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Whether a node's request to be woken at a lookup's peer timeout is honoured (off: lookups wait for the RPC timeout). */
    boolean wakeUps;
    /** Requests to these nodes that are still to be lost, by node. */
    private final Map<NodeId, Integer> toLose = new HashMap<>();
    /** Requests sent, by type name, for assertions such as "a PING went out". */
    final List<KadRequest> sent = new ArrayList<>();
    /** Every request sent, with its time, sender and addressee, in sending order. */
    final List<Sent> log = new ArrayList<>();
    /** Every response delivered back to a requester, in delivery order. */
    final List<Answered> answers = new ArrayList<>();

    /** One request as it left its sender. */
    record Sent(long at, NodeId from, NodeId to, KadRequest request) {
    }

    /** One response as it reached the requester {@code to} from the responder {@code from}. */
    record Answered(long at, NodeId from, NodeId to, KadRequest request, KadResponse response) {
    }

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
        return add(id, observer, config);
    }

    /**
     * Adds a node with its own configuration (for example a smaller record store). Requests it sends
     * still time out after the network's rpc timeout.
     */
    KadNode add(NodeId id, NodeObserver observer, KadConfig nodeConfig) {
        Contact contact = new Contact(id, "test:" + keySpace.hex(id));
        KadNode[] self = new KadNode[1];
        KadNode node = new KadNode(contact, nodeConfig, endpoint(contact), clock(), new Random(random.nextLong()),
                KadNode.DIRECT, wakingUp(observer, self));
        self[0] = node;
        nodes.put(id, node);
        return node;
    }

    /**
     * {@code observer}, and a driver's wake-up: when a node asks to be woken (a lookup's peer timeout),
     * {@link KadNode#wakeLookups()} runs at that time on the network's clock.
     */
    private NodeObserver wakingUp(NodeObserver observer, KadNode[] self) {
        return (NodeObserver) java.lang.reflect.Proxy.newProxyInstance(NodeObserver.class.getClassLoader(),
                new Class<?>[] {NodeObserver.class}, (proxy, method, args) -> {
                    if (method.getName().equals("wakeUpAt") && wakeUps) {
                        long at = (Long) args[1];
                        schedule(Math.max(0, at - now), () -> {
                            if (!dead.contains(self[0].id())) {
                                self[0].wakeLookups();
                            }
                        });
                        return null;
                    }
                    if (method.getName().equals("wakeUpAt")) {
                        return null;
                    }
                    return method.invoke(observer, args);
                });
    }

    KadNode addRandom() {
        return addRandom(NodeObserver.NONE);
    }

    KadNode addRandom(NodeObserver observer) {
        NodeId id;
        do {
            id = keySpace.randomId(random);
        } while (nodes.containsKey(id));
        return add(id, observer);
    }

    /** Parses an id of this network's key space, e.g. {@code "0b1000_0001"}. */
    NodeId id(String text) {
        return keySpace.parse(text);
    }

    KadNode node(NodeId id) {
        return nodes.get(id);
    }

    void kill(NodeId id) {
        dead.add(id);
    }

    /** Loses the next {@code n} requests sent to {@code id} (they time out). */
    void loseNext(NodeId id, int n) {
        toLose.put(id, n);
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
            log.add(new Sent(now, from.id(), target.id(), request));
            KadNode receiver = nodes.get(target.id());
            boolean lost = toLose.getOrDefault(target.id(), 0) > 0;
            if (lost) {
                toLose.merge(target.id(), -1, Integer::sum);
            }
            if (lost || receiver == null || dead.contains(target.id()) || dead.contains(from.id())) {
                schedule(config.rpcTimeoutMs(), () -> handler.onFailure(KadTransport.RpcFailure.TIMEOUT));
                return;
            }
            schedule(latencyMs, () -> {
                if (dead.contains(target.id())) {
                    schedule(config.rpcTimeoutMs() - latencyMs, () -> handler.onFailure(KadTransport.RpcFailure.TIMEOUT));
                    return;
                }
                KadResponse response = receiver.handleRequest(from, request);
                schedule(latencyMs, () -> {
                    answers.add(new Answered(now, target.id(), from.id(), request, response));
                    handler.onResponse(response);
                });
            });
        };
    }

    /**
     * Sends {@code request} from {@code from} to {@code to} through the simulated network, as if
     * {@code from}'s own transport sent it; the future completes with the answer, or with null when
     * the request failed.
     */
    CompletableFuture<KadResponse> deliver(KadNode from, KadNode to, KadRequest request) {
        CompletableFuture<KadResponse> answer = new CompletableFuture<>();
        endpoint(from.self()).send(to.self(), request, new KadTransport.ResponseHandler() {
            @Override
            public void onResponse(KadResponse response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(KadTransport.RpcFailure failure) {
                answer.complete(null);
            }
        });
        return answer;
    }

    /** The requests of type {@code type} sent from {@code from} to {@code to}, in sending order. */
    List<Sent> sent(NodeId from, NodeId to, Class<? extends KadRequest> type) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : log) {
            if (s.from().equals(from) && s.to().equals(to) && type.isInstance(s.request())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether any request went from a to b or from b to a. */
    boolean talked(NodeId a, NodeId b) {
        for (Sent s : log) {
            if (s.from().equals(a) && s.to().equals(b) || s.from().equals(b) && s.to().equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The live nodes holding a live record under {@code key} now. */
    List<NodeId> holders(NodeId key) {
        List<NodeId> out = new ArrayList<>();
        for (NodeId id : liveIds()) {
            if (nodes.get(id).recordStore().get(key, now) != null) {
                out.add(id);
            }
        }
        return out;
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
