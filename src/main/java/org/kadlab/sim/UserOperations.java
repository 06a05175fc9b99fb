package org.kadlab.sim;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.kadlab.kad.LookupMode;
import org.kadlab.kad.LookupResult;
import org.kadlab.kad.NodeId;
import org.kadlab.kad.StoreResult;

/**
 * The user operations of a {@link Simulation} (find_node, find_value, store): each calls into its
 * origin node, follows the lookup the node started inside the call, and is judged against the ground
 * truth when that lookup ends.
 */
final class UserOperations {
    private final Judge judge;
    private final NodeEvents nodeEvents;

    UserOperations(Judge judge, NodeEvents nodeEvents) {
        this.judge = judge;
        this.nodeEvents = nodeEvents;
    }

    Operation findNode(SimNode origin, NodeId target, boolean recorded) {
        Started<LookupResult> s = start(origin, () -> origin.kad().findNode(target));
        NodeEvents.LookupTrack t = s.track();
        return s.handle("find_node", s.future().thenApply(r -> judge.record("find_node", origin.id(), r,
                verdict(t, r, origin), r.closest(), null, null, null, null, recorded)));
    }

    Operation findNode(SimNode origin, NodeId target, int alpha, LookupMode mode) {
        Started<LookupResult> s = start(origin, () -> origin.kad().findNode(target, alpha, mode));
        NodeEvents.LookupTrack t = s.track();
        return s.handle("find_node", s.future().thenApply(r -> judge.record("find_node", origin.id(), r,
                verdict(t, r, origin), r.closest(), null, null, null, null, true)));
    }

    Operation findValue(SimNode origin, String key, boolean recorded) {
        Started<LookupResult> s = start(origin, () -> origin.kad().findValue(key));
        NodeEvents.LookupTrack t = s.track();
        return s.handle("find_value", s.future().thenApply(r -> {
            Long foundMs = null;
            NodeId from = null;
            if (Boolean.TRUE.equals(r.found()) && r.foundAt() != null) {
                from = r.foundAt().id();
                foundMs = t == null ? r.startMs() : from.equals(t.bareAnswerFrom) ? t.bareAnswerMs : r.endMs();
            }
            return judge.record("find_value", origin.id(), r, verdict(t, r, origin), r.closest(), r.found(), r.value(),
                    foundMs, from, recorded);
        }));
    }

    Operation store(SimNode origin, String key, String value) {
        Started<StoreResult> s = start(origin, () -> origin.kad().store(key, value));
        NodeEvents.LookupTrack t = s.track();
        return s.handle("store", s.future().thenApply(r -> judge.record("store", origin.id(), r.lookup(),
                verdict(t, r.lookup(), origin), r.acknowledged(), null, null, null, null, true)));
    }

    /** An operation's call into its node, with the lookup the node started inside the call (or null). */
    private record Started<T>(CompletableFuture<T> future, NodeEvents.LookupTrack track) {
        Operation handle(String op, CompletableFuture<OperationRecord> records) {
            return track == null ? new Operation(op, 0, null, records) : new Operation(op, track.id, track.lookup, records);
        }
    }

    private <T> Started<T> start(SimNode origin, Supplier<CompletableFuture<T>> call) {
        requireLive(origin);
        nodeEvents.watch(origin);
        CompletableFuture<T> f;
        NodeEvents.LookupTrack t;
        try {
            f = call.get();
        } finally {
            t = nodeEvents.watched();
        }
        return new Started<>(f, t);
    }

    /** The verdict given when the operation's lookup ended; judged now when no lookup ran. */
    private Judge.Verdict verdict(NodeEvents.LookupTrack t, LookupResult r, SimNode origin) {
        return t != null && t.verdict != null ? t.verdict : judge.verdict(r.target(), origin.id(), Judge.ids(r.closest()));
    }

    private static void requireLive(SimNode origin) {
        if (origin == null || !origin.alive) {
            throw new IllegalArgumentException("an operation needs a live origin node");
        }
    }
}
