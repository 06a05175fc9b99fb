package org.kadlab.net;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KBucket;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.RoutingTable;
import org.kadlab.kad.StoreResult;
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
import org.kadlab.net.wire.TableContact;
import org.kadlab.net.wire.TableReply;
import org.kadlab.net.wire.TableRequest;

/**
 * The control and observer calls of one node: who it is, a find-node, store or find-value through
 * it, its routing table, and its event stream. Guarded by an {@link AccessGuard}. A bad argument
 * (an id of the wrong width, an empty key) gets INVALID_ARGUMENT with what is wrong.
 */
final class ControlService extends ControlGrpc.ControlImplBase {
    /** Longest key or value accepted through a control call, in characters. */
    static final int MAX_TEXT = 4_096;

    private final NodeHost host;
    private final WireCodec codec;

    ControlService(NodeHost host, WireCodec codec) {
        this.host = host;
        this.codec = codec;
    }

    /** This service behind its guard, to add to the node's server. */
    ServerServiceDefinition definition(AccessGuard guard) {
        return ServerInterceptors.intercept(bindService(), guard);
    }

    @Override
    public void info(InfoRequest request, StreamObserver<NodeInfo> out) {
        reply(host.info(), out);
    }

    @Override
    public void findNode(FindNodeRequest request, StreamObserver<LookupReply> out) {
        NodeId target;
        try {
            target = codec.nodeId(request.getTarget(), "target");
        } catch (MalformedMessageException e) {
            invalid(out, e.getMessage());
            return;
        }
        reply(host.findNode(target).thenApply(this::lookup), out);
    }

    @Override
    public void findValue(FindValueRequest request, StreamObserver<LookupReply> out) {
        String bad = checkText("key", request.getKey());
        if (bad != null) {
            invalid(out, bad);
            return;
        }
        reply(host.findValue(request.getKey()).thenApply(this::lookup), out);
    }

    @Override
    public void store(StoreRequest request, StreamObserver<StoreReply> out) {
        String bad = checkText("key", request.getKey());
        if (bad == null) {
            bad = request.getValue().length() > MAX_TEXT ? "the value is longer than " + MAX_TEXT + " characters" : null;
        }
        if (bad != null) {
            invalid(out, bad);
            return;
        }
        reply(host.store(request.getKey(), request.getValue()).thenApply(this::stored), out);
    }

    @Override
    public void table(TableRequest request, StreamObserver<TableReply> out) {
        reply(host.inspect(node -> table(node.self(), node.routingTable())), out);
    }

    @Override
    public void events(EventsRequest request, StreamObserver<NodeEvent> out) {
        host.feed().subscribe((ServerCallStreamObserver<NodeEvent>) out);
    }

    private static String checkText(String what, String text) {
        if (text.isBlank()) {
            return "the " + what + " is empty";
        }
        return text.length() > MAX_TEXT ? "the " + what + " is longer than " + MAX_TEXT + " characters" : null;
    }

    private static void invalid(StreamObserver<?> out, String why) {
        out.onError(Status.INVALID_ARGUMENT.withDescription(why).asRuntimeException());
    }

    private static <T> void reply(CompletableFuture<T> result, StreamObserver<T> out) {
        result.whenComplete((value, error) -> {
            if (error == null) {
                out.onNext(value);
                out.onCompleted();
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                out.onError(Status.UNAVAILABLE.withDescription(String.valueOf(cause.getMessage())).asRuntimeException());
            }
        });
    }

    LookupReply lookup(LookupResult r) {
        LookupReply.Builder b = LookupReply.newBuilder().setLookupId(r.lookupId()).setTarget(codec.id(r.target()))
                .setHops(r.hops()).setRpcs(r.rpcs()).setFailures(r.failures())
                .setFound(Boolean.TRUE.equals(r.found())).setElapsedMs(Math.max(0, r.endMs() - r.startMs()));
        for (Contact c : r.closest()) {
            b.addClosest(codec.peer(c));
        }
        if (r.value() != null) {
            b.setValue(r.value());
        }
        if (r.foundAt() != null) {
            b.setValueFrom(codec.peer(r.foundAt()));
        }
        return b.build();
    }

    private StoreReply stored(StoreResult r) {
        StoreReply.Builder b = StoreReply.newBuilder().setKey(codec.id(r.key())).setStoredLocally(r.storedLocally());
        r.acknowledged().forEach(c -> b.addAcknowledged(codec.peer(c)));
        r.refused().forEach(c -> b.addRefused(codec.peer(c)));
        r.failed().forEach(c -> b.addFailed(codec.peer(c)));
        if (r.lookup() != null) {
            b.setLookup(lookup(r.lookup()));
        }
        return b.build();
    }

    private TableReply table(Contact self, RoutingTable table) {
        TableReply.Builder b = TableReply.newBuilder().setSelf(codec.peer(self));
        for (KBucket bucket : table.nonEmptyBuckets()) {
            org.kadlab.net.wire.Bucket.Builder wb = org.kadlab.net.wire.Bucket.newBuilder().setIndex(bucket.index());
            for (int i = 0; i < bucket.size(); i++) {
                wb.addContacts(TableContact.newBuilder().setPeer(codec.peer(bucket.contact(i)))
                        .setLastSeenMs(bucket.lastSeen(i)).setFailures(bucket.failures(i)));
            }
            bucket.replacements().forEach(c -> wb.addReplacements(codec.peer(c)));
            b.addBuckets(wb);
        }
        return b.build();
    }

}
