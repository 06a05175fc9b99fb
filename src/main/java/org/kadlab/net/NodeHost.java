package org.kadlab.net;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KadNode;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.NodeObserver;
import org.kadlab.kad.StoreResult;
import org.kadlab.net.wire.NodeInfo;

/**
 * Runs one {@link KadNode} on a real network: its own single-thread executor (the only thread that
 * touches the node), a {@link RealClock}, a gRPC server answering its peers, a {@link GrpcTransport}
 * reaching them, and timers: lookup wake-ups exactly when the node asks, and an upkeep tick that
 * runs refresh, republish and expiry when due. The operations may be called from any thread; their
 * futures complete on the node's thread.
 */
public final class NodeHost implements AutoCloseable {
    private final KadNode node;
    private final RealClock clock = new RealClock();
    private final ScheduledExecutorService executor;
    private final GrpcTransport transport;
    private final NetStats stats = new NetStats();
    private final Server server;
    private final EventFeed feed;
    private final HostOptions options;
    private final long startedMs = System.currentTimeMillis();
    private ScheduledFuture<?> wake;
    private long wakeAt = Long.MAX_VALUE;

    /**
     * Starts a node: builds it, adds its service to {@code serverBuilder} and starts the server.
     *
     * @param self          this node as peers reach it (the address must be where {@code serverBuilder} listens)
     * @param config        the protocol settings (its RPC timeout is the deadline of every call)
     * @param limits        the bounds on messages and calls
     * @param serverBuilder a server builder for this node's address (TCP or in-process)
     * @param channels      opens channels to peers
     * @param seed          the seed of the node's randomness (refresh targets)
     * @param observer      who watches the node (may be null)
     */
    public static NodeHost start(Contact self, KadConfig config, NetLimits limits, ServerBuilder<?> serverBuilder,
                                 ChannelFactory channels, long seed, NodeObserver observer) throws IOException {
        return start(self, config, limits, serverBuilder, channels, seed, observer, HostOptions.defaults());
    }

    /** Starts a node as above, with control access, cluster and event-stream options. */
    public static NodeHost start(Contact self, KadConfig config, NetLimits limits, ServerBuilder<?> serverBuilder,
                                 ChannelFactory channels, long seed, NodeObserver observer, HostOptions options)
            throws IOException {
        NodeHost host = new NodeHost(self, config, limits, serverBuilder, channels, seed, observer, options);
        try {
            host.server.start();
        } catch (IOException | RuntimeException e) {
            host.close();
            throw e;
        }
        host.executor.scheduleWithFixedDelay(host::upkeep, limits.upkeepTickMs(), limits.upkeepTickMs(),
                TimeUnit.MILLISECONDS);
        return host;
    }

    private NodeHost(Contact self, KadConfig config, NetLimits limits, ServerBuilder<?> serverBuilder,
                     ChannelFactory channels, long seed, NodeObserver observer, HostOptions options) {
        Objects.requireNonNull(serverBuilder, "serverBuilder");
        this.options = Objects.requireNonNull(options, "options");
        this.feed = new EventFeed(options.eventQueue(), options.maxObservers());
        String name = "kad-node-" + config.keySpace().hex(self.id());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        WireCodec codec = new WireCodec(config.keySpace());
        this.transport = new GrpcTransport(self, codec, limits, config.rpcTimeoutMs(), channels, executor, stats);
        NodeObserver watcher = observer == null ? NodeObserver.NONE : observer;
        NodeFeed events = new NodeFeed(feed, codec, clock, self.id());
        transport.tap(events);
        this.node = new KadNode(self, config, transport, clock, new SplittableRandom(seed), executor,
                new ObserverPair(new Waker(), new ObserverPair(events, watcher)));
        KadService service = new KadService(codec, limits, executor, node::handleRequest, stats);
        service.tap(events);
        ControlService control = new ControlService(this, codec);
        serverBuilder.addStreamTracerFactory(new SizeRefusals(stats));
        serverBuilder.addService(service.definition())
                .addService(control.definition(new AccessGuard(options.token())));
        options.extraServices().forEach(serverBuilder::addService);
        this.server = serverBuilder.build();
    }

    /** Schedules the lookup wake-ups the node asks for; the other callbacks are the watchers'. */
    private final class Waker implements NodeObserver {
        @Override
        public void wakeUpAt(KadNode n, long atMillis) {
            scheduleWake(atMillis);
        }
    }

    /** On the node's thread: keep only the earliest wake-up asked for. */
    private void scheduleWake(long atMillis) {
        if (atMillis >= wakeAt) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        wakeAt = atMillis;
        long delay = Math.max(0, atMillis - clock.nowMillis());
        try {
            wake = executor.schedule(() -> {
                wakeAt = Long.MAX_VALUE;
                wake = null;
                node.wakeLookups();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wakeAt = Long.MAX_VALUE; // stopping
        }
    }

    /** The upkeep tick: refresh, republish and expiry when due. A failure is counted, never fatal. */
    private void upkeep() {
        try {
            if (node.nextMaintenance() <= clock.nowMillis()) {
                node.maintain();
            }
        } catch (RuntimeException e) {
            stats.handlerErrors.incrementAndGet();
        }
    }

    public Contact self() {
        return node.self();
    }

    /** The event stream's fan-out (for the control service). */
    EventFeed feed() {
        return feed;
    }

    /** Events published to observers so far, and how many observers lost. */
    public long eventsPublished() {
        return feed.published();
    }

    /** Events dropped because an observer read too slowly, all observers together. */
    public long eventsDropped() {
        return feed.dropped();
    }

    /** The port the server listens on (TCP), or -1 in-process. */
    public int port() {
        return server.getPort();
    }

    /** Who this node is and how it is set up, read on its thread. */
    public CompletableFuture<NodeInfo> info() {
        WireCodec codec = new WireCodec(node.keySpace());
        return inspect(n -> NodeInfo.newBuilder().setSelf(codec.peer(n.self())).setBits(n.keySpace().bits())
                .setK(n.config().k()).setAlpha(n.config().alpha()).setLookupMode(n.config().lookupMode().name())
                .setRpcTimeoutMs(n.config().rpcTimeoutMs()).setNowMs(clock.nowMillis())
                .setTableSize(n.routingTable().size()).setRecords(n.recordStore().size())
                .setCluster(options.cluster() == null ? "" : options.cluster())
                .setCallsSent(stats.callsSent()).setRequestsServed(stats.requestsServed())
                .setTimeouts(stats.timeouts())
                .setRefused(stats.malformedRequests() + stats.oversizedMessages() + stats.refusedBusy())
                .setStartedMs(startedMs).build());
    }

    /** The node's clock now (ms; the clock its records' times are kept in). */
    public long nowMillis() {
        return clock.nowMillis();
    }

    /** The counters of this node's traffic. */
    public NetStats stats() {
        return stats;
    }

    /** Joins the network through {@code seeds}; completes with the routing table's size. */
    public CompletableFuture<Integer> bootstrap(Collection<Contact> seeds) {
        List<Contact> copy = List.copyOf(seeds);
        return onNode(() -> node.bootstrap(copy));
    }

    /** The k closest nodes to {@code target} this node can find. */
    public CompletableFuture<LookupResult> findNode(NodeId target) {
        return onNode(() -> node.findNode(target));
    }

    /** Finds the value stored under the user key {@code key}. */
    public CompletableFuture<LookupResult> findValue(String key) {
        return onNode(() -> node.findValue(key));
    }

    /** Publishes {@code value} under the user key {@code key}. */
    public CompletableFuture<StoreResult> store(String key, String value) {
        return onNode(() -> node.store(key, value));
    }

    /** Reads something of the node on its own thread (the routing table, the records). */
    public <T> CompletableFuture<T> inspect(Function<KadNode, T> reader) {
        return onNode(() -> CompletableFuture.completedFuture(reader.apply(node)));
    }

    private <T> CompletableFuture<T> onNode(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> out = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    operation.get().whenComplete((v, e) -> {
                        if (e != null) {
                            out.completeExceptionally(e);
                        } else {
                            out.complete(v);
                        }
                    });
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            out.completeExceptionally(new IllegalStateException("node stopped", e));
        }
        return out;
    }

    /** Stops the server, closes the channels and the node's thread (bounded waits). */
    @Override
    public void close() {
        feed.close();
        server.shutdownNow();
        transport.close();
        executor.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
