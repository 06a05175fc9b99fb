package org.kadlab.net;

import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.wire.ClusterGrpc;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.ClusterRequest;
import org.kadlab.net.wire.ControlGrpc;
import org.kadlab.net.wire.EventsRequest;
import org.kadlab.net.wire.FindNodeRequest;
import org.kadlab.net.wire.FindValueRequest;
import org.kadlab.net.wire.InfoRequest;
import org.kadlab.net.wire.LookupReply;
import org.kadlab.net.wire.NodeEvent;
import org.kadlab.net.wire.NodeInfo;
import org.kadlab.net.wire.StoreReply;
import org.kadlab.net.wire.StoreRequest;
import org.kadlab.net.wire.TableReply;
import org.kadlab.net.wire.TableRequest;

/**
 * Talks to one running node through its control calls (what {@code kadlab ctl} and the app use):
 * who it is, find-node, store and find-value through it, its routing table, its event stream, and
 * the cluster that started it. Every call has a deadline; a failed call throws a
 * {@link StatusRuntimeException} saying why. Blocking: call it off the UI thread.
 */
public final class NodeClient implements AutoCloseable {
    private final String address;
    private final ManagedChannel channel;
    private final io.grpc.Channel guarded;
    private final long deadlineMs;
    private final NodeInfo info;
    private final KeySpace keySpace;
    private final WireCodec codec;

    private NodeClient(String address, ManagedChannel channel, String token, long deadlineMs) {
        this.address = address;
        this.channel = channel;
        Metadata md = new Metadata();
        if (token != null && !token.isEmpty()) {
            md.put(AccessGuard.TOKEN, token);
        }
        ClientInterceptor withToken = MetadataUtils.newAttachHeadersInterceptor(md);
        this.guarded = ClientInterceptors.intercept(channel, withToken);
        this.deadlineMs = deadlineMs;
        this.info = control().info(InfoRequest.getDefaultInstance());
        this.keySpace = new KeySpace(info.getBits());
        this.codec = new WireCodec(keySpace);
    }

    /**
     * Connects to the node at {@code address} and asks who it is.
     *
     * @param channels   opens the channel (TCP for real nodes, in-process in tests)
     * @param token      the node's token, or null
     * @param deadlineMs the deadline of each call (lookups and stores may take several RPC timeouts)
     * @throws StatusRuntimeException when the node cannot be reached or refuses
     */
    public static NodeClient connect(String address, ChannelFactory channels, String token, long deadlineMs) {
        Objects.requireNonNull(address, "address");
        ManagedChannel ch = channels.open(address);
        try {
            return new NodeClient(address, ch, token, deadlineMs);
        } catch (RuntimeException e) {
            ch.shutdownNow();
            throw e;
        }
    }

    /** Connects over TCP with default limits. */
    public static NodeClient connect(String address, String token, long deadlineMs) {
        return connect(address, TcpEndpoints.channels(NetLimits.defaults()), token, deadlineMs);
    }

    private ControlGrpc.ControlBlockingStub control() {
        return ControlGrpc.newBlockingStub(guarded).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
    }

    /** The address this client talks to. */
    public String address() {
        return address;
    }

    /** Who the node said it was when this client connected. */
    public NodeInfo info() {
        return info;
    }

    /** Who the node is now (its counters, its table size). */
    public NodeInfo refreshInfo() {
        return control().info(InfoRequest.getDefaultInstance());
    }

    /** The node's key space. */
    public KeySpace keySpace() {
        return keySpace;
    }

    /** Decodes ids and peers of this node's key space. */
    public WireCodec codec() {
        return codec;
    }

    /** The node's own id. */
    public NodeId id() {
        try {
            return codec.nodeId(info.getSelf().getId(), "node id");
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("the node sent a bad id: " + e.getMessage(), e);
        }
    }

    /** The k closest nodes to {@code target} the node finds. */
    public LookupReply findNode(NodeId target) {
        return control().findNode(FindNodeRequest.newBuilder().setTarget(codec.id(target)).build());
    }

    /** The value stored under the user key {@code key}, if the node finds it. */
    public LookupReply findValue(String key) {
        return control().findValue(FindValueRequest.newBuilder().setKey(key).build());
    }

    /** Publishes {@code value} under the user key {@code key} through the node. */
    public StoreReply store(String key, String value) {
        return control().store(StoreRequest.newBuilder().setKey(key).setValue(value).build());
    }

    /** The node's routing table. */
    public TableReply table() {
        return control().table(TableRequest.getDefaultInstance());
    }

    /** A running event stream; cancel it to stop. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Streams the node's events to {@code onEvent} (on a gRPC thread) until closed; {@code onEnd}
     * is called once when the stream ends (null when the node completed it, or the error).
     */
    public Subscription events(Consumer<NodeEvent> onEvent, Consumer<Throwable> onEnd) {
        Context.CancellableContext ctx = Context.current().withCancellation();
        ctx.run(() -> ControlGrpc.newStub(guarded).events(EventsRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(NodeEvent e) {
                onEvent.accept(e);
            }

            @Override
            public void onError(Throwable t) {
                onEnd.accept(t);
            }

            @Override
            public void onCompleted() {
                onEnd.accept(null);
            }
        }));
        return () -> ctx.cancel(null);
    }

    /** The nodes of the cluster at {@code clusterAddress} (a cluster supervisor's control port). */
    public static ClusterReply cluster(ChannelFactory channels, String clusterAddress, String token, long deadlineMs,
                                       ClusterAction action, int index) {
        ManagedChannel ch = channels.open(clusterAddress);
        try {
            Metadata md = new Metadata();
            if (token != null && !token.isEmpty()) {
                md.put(AccessGuard.TOKEN, token);
            }
            ClusterGrpc.ClusterBlockingStub stub = ClusterGrpc.newBlockingStub(
                    ClientInterceptors.intercept(ch, MetadataUtils.newAttachHeadersInterceptor(md)))
                    .withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
            ClusterRequest request = ClusterRequest.newBuilder().setIndex(Math.max(0, index)).build();
            return switch (action) {
                case LIST -> stub.list(request);
                case KILL -> stub.kill(request);
                case REVIVE -> stub.revive(request);
            };
        } finally {
            ch.shutdownNow();
        }
    }

    /** What to ask a cluster supervisor. */
    public enum ClusterAction { LIST, KILL, REVIVE }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
