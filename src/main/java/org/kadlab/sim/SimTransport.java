package org.kadlab.sim;

import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KadTransport;
import org.kadlab.kad.NodeId;

/**
 * The simulated wire. Every RPC is four steps: sent, delivered (the peer handles it), answered, or
 * timed out. Latency is uniform in [min, max]; each message is lost with the configured probability;
 * a partition cuts messages between its two sides, in flight too; a crashed requester hears nothing.
 */
final class SimTransport {
    /** Which step an RPC waits for next. */
    enum Phase { DELIVER, REPLY, TIMEOUT }

    private final SimClock clock;
    private final EventSink sink;
    private final SimStats stats;
    private final Roster roster;
    private final Invariants invariants;
    private final SplittableRandom random;
    private double loss;
    private final long latencyMin;
    private final long latencyMax;
    private final long timeoutMs;
    private boolean partitioned;
    private long nextRpc = 1;

    SimTransport(SimConfig config, SimClock clock, EventSink sink, SimStats stats, Roster roster, Invariants invariants,
                 SplittableRandom random) {
        this.clock = clock;
        this.sink = sink;
        this.stats = stats;
        this.roster = roster;
        this.invariants = invariants;
        this.random = random;
        this.loss = config.loss();
        this.latencyMin = config.latencyMinMs();
        this.latencyMax = config.latencyMaxMs();
        this.timeoutMs = config.kad().rpcTimeoutMs();
    }

    /** Puts the nodes in {@code sideA} on one side of a cut and every other node on the other. */
    void partition(Iterable<SimNode> nodes, Set<NodeId> sideA) {
        for (SimNode n : nodes) {
            n.side = sideA.contains(n.id()) ? 1 : 2;
        }
        partitioned = true;
    }

    void heal() {
        partitioned = false;
    }

    private static SimEvent.RpcType typeOf(KadRequest r) {
        if (r instanceof KadRequest.Ping) {
            return SimEvent.RpcType.PING;
        }
        if (r instanceof KadRequest.FindNode) {
            return SimEvent.RpcType.FIND_NODE;
        }
        if (r instanceof KadRequest.FindValue) {
            return SimEvent.RpcType.FIND_VALUE;
        }
        return SimEvent.RpcType.STORE;
    }

    /** One RPC on its way: the same object is queued for delivery, then for the reply or the timeout. */
    private final class Rpc extends EventQueue.Scheduled {
        final long id;
        final SimNode from;
        final Contact to;
        SimNode target;
        final KadRequest request;
        final KadTransport.ResponseHandler handler;
        final long sentAt;
        final int fromEpoch;
        KadResponse response;
        Phase phase;

        Rpc(long id, SimNode from, Contact to, KadRequest request, KadTransport.ResponseHandler handler) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.request = request;
            this.handler = handler;
            this.sentAt = clock.now();
            this.fromEpoch = from.epoch;
        }

        /** Whether the requester crashed since it sent this (a revived node hears nothing of its past life). */
        boolean requesterGone() {
            return !from.alive || from.epoch != fromEpoch;
        }

        @Override
        void fire() {
            switch (phase) {
                case DELIVER -> deliver(this);
                case REPLY -> reply(this);
                default -> timeout(this);
            }
        }
    }

    /** Sends {@code request} from {@code from} to {@code to}; the handler hears the answer or the failure later. */
    void send(SimNode from, Contact to, KadRequest request, KadTransport.ResponseHandler handler) {
        long now = clock.now();
        Rpc rpc = new Rpc(nextRpc++, from, to, request, handler);
        stats.rpcsSent++;
        stats.messages++;
        if (sink.recording()) {
            sink.emit(new SimEvent.RpcSent(now, rpc.id, from.id(), to.id(), typeOf(request)));
        }
        SimNode target = roster.node(to);
        rpc.target = target;
        if (target == null || lost() || cut(from, target)) {
            timeoutLater(rpc);
            return;
        }
        long at = now + latency();
        if (at < rpc.sentAt + timeoutMs) {
            rpc.phase = Phase.DELIVER;
            clock.schedule(at, rpc);
        } else {
            timeoutLater(rpc);
        }
    }

    /** Queues the RPC's timeout at its deadline. */
    private void timeoutLater(Rpc rpc) {
        rpc.phase = Phase.TIMEOUT;
        clock.schedule(rpc.sentAt + timeoutMs, rpc);
    }

    private void deliver(Rpc rpc) {
        SimNode target = rpc.target;
        if (!target.alive || rpc.requesterGone() || cut(rpc.from, target)) {
            timeoutLater(rpc);
            return;
        }
        long now = clock.now();
        if (sink.recording()) {
            sink.emit(new SimEvent.RpcDelivered(now, rpc.id, rpc.from.id(), target.id(), typeOf(rpc.request)));
        }
        invariants.touch(target);
        rpc.response = target.kad().handleRequest(rpc.from.contact(), rpc.request);
        stats.messages++;
        long at = now + latency();
        if (lost() || at >= rpc.sentAt + timeoutMs) {
            timeoutLater(rpc);
        } else {
            rpc.phase = Phase.REPLY;
            clock.schedule(at, rpc);
        }
    }

    private void reply(Rpc rpc) {
        if (rpc.requesterGone()) {
            return; // a crashed requester hears nothing
        }
        if (cut(rpc.from, rpc.target)) {
            timeoutLater(rpc); // the answer meets a partition that began meanwhile
            return;
        }
        if (sink.recording()) {
            KadResponse r = rpc.response;
            int contacts = r instanceof KadResponse.Nodes n ? n.closest().size() : 0;
            sink.emit(new SimEvent.RpcAnswered(clock.now(), rpc.id, rpc.from.id(), rpc.to.id(), typeOf(rpc.request),
                    answerName(r), contacts));
        }
        invariants.touch(rpc.from);
        rpc.handler.onResponse(rpc.response);
    }

    private static String answerName(KadResponse r) {
        if (r instanceof KadResponse.Pong) {
            return "pong";
        }
        if (r instanceof KadResponse.Nodes) {
            return "nodes";
        }
        if (r instanceof KadResponse.Value) {
            return "value";
        }
        if (r instanceof KadResponse.Stored) {
            return "stored";
        }
        return "error " + ((KadResponse.Error) r).code().name().toLowerCase(Locale.ROOT);
    }

    private void timeout(Rpc rpc) {
        if (rpc.requesterGone()) {
            return;
        }
        stats.rpcsTimedOut++;
        if (sink.recording()) {
            sink.emit(new SimEvent.RpcTimedOut(clock.now(), rpc.id, rpc.from.id(), rpc.to.id(), typeOf(rpc.request)));
        }
        invariants.touch(rpc.from);
        rpc.handler.onFailure(KadTransport.RpcFailure.TIMEOUT);
    }

    /** Sets the share of messages lost from now on (0 <= loss < 1). */
    void setLoss(double loss) {
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be at least 0 and below 1, was " + loss);
        }
        this.loss = loss;
    }

    /** The share of messages lost now. */
    double loss() {
        return loss;
    }

    private boolean lost() {
        return loss > 0 && random.nextDouble() < loss;
    }

    private boolean cut(SimNode a, SimNode b) {
        return partitioned && a.side != b.side;
    }

    private long latency() {
        return latencyMax == latencyMin ? latencyMin : latencyMin + random.nextLong(latencyMax - latencyMin + 1);
    }
}
