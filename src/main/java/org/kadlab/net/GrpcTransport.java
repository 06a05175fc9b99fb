package org.kadlab.net;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KadTransport;
import org.kadlab.net.wire.KadMessage;

/**
 * The core's transport over gRPC: each request is one unary call with a deadline of the RPC
 * timeout. Calls in flight are bounded per peer and in total; a call without a free slot waits in
 * a bounded queue (its deadline counting from when it was sent), and fails at once when the queue
 * is full. Every send ends in exactly one handler call, made on the node's executor: an answer
 * that decoded and echoed the request id, or TIMEOUT (deadline passed), MISMATCHED_RESPONSE
 * (malformed, oversized or another id) or UNREACHABLE (any other error, or refused here).
 */
public final class GrpcTransport implements KadTransport, AutoCloseable {
    private final Contact self;
    private final WireCodec codec;
    private final NetLimits limits;
    private final long deadlineMs;
    private final ChannelFactory channels;
    private final ScheduledExecutorService executor;
    private final NetStats stats;
    private final MethodDescriptor<KadMessage, WireMethods.Inbound> method;
    private volatile RpcTap tap = RpcTap.NONE;

    private final Object lock = new Object();
    private final Map<String, ManagedChannel> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> inFlightPerPeer = new HashMap<>();
    private int inFlight;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean closed;

    /** One request on its way: sent once, answered once. */
    private final class Pending {
        final Contact target;
        final KadRequest request;
        final KadMessage message;
        final ResponseHandler handler;
        final long deadlineAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        final AtomicBoolean done = new AtomicBoolean();
        ScheduledFuture<?> expiry;

        Pending(Contact target, KadRequest request, KadMessage message, ResponseHandler handler) {
            this.target = target;
            this.request = request;
            this.message = message;
            this.handler = handler;
        }
    }

    /**
     * @param self       this node as its peers reach it (named as the sender of every request)
     * @param codec      maps requests and answers to the wire
     * @param limits     the bounds on messages and calls
     * @param deadlineMs the deadline of every call (the node's RPC timeout)
     * @param channels   opens channels to peers
     * @param executor   the node's executor: every handler call runs on it
     * @param stats      where traffic and failures are counted
     */
    public GrpcTransport(Contact self, WireCodec codec, NetLimits limits, long deadlineMs, ChannelFactory channels,
                         ScheduledExecutorService executor, NetStats stats) {
        this.self = Objects.requireNonNull(self, "self");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (deadlineMs < 1) {
            throw new IllegalArgumentException("deadline must be at least 1 ms: " + deadlineMs);
        }
        this.deadlineMs = deadlineMs;
        this.channels = Objects.requireNonNull(channels, "channels");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.method = WireMethods.clientMethod(limits.maxMessageBytes());
    }

    /** Reports every call to {@code tap} from now on (the node's event stream). */
    void tap(RpcTap tap) {
        this.tap = Objects.requireNonNull(tap, "tap");
    }

    @Override
    public void send(Contact target, KadRequest request, ResponseHandler handler) {
        KadMessage message = codec.encodeRequest(self, request);
        Pending p = new Pending(target, request, message, handler);
        tap.sent(target, request);
        if (message.getSerializedSize() > limits.maxMessageBytes()) {
            stats.oversizedMessages.incrementAndGet();
            stats.refusedOutbound.incrementAndGet();
            fail(p, RpcFailure.UNREACHABLE);
            return;
        }
        boolean start;
        synchronized (lock) {
            if (closed) {
                start = false;
            } else if (hasSlot(target.address())) {
                take(target.address());
                start = true;
            } else if (waiting.size() < limits.maxWaiting()) {
                waiting.add(p);
                p.expiry = schedule(() -> expireWaiting(p), deadlineMs);
                return;
            } else {
                start = false;
            }
        }
        if (start) {
            dispatch(p);
        } else {
            stats.refusedOutbound.incrementAndGet();
            fail(p, RpcFailure.UNREACHABLE);
        }
    }

    private boolean hasSlot(String address) {
        return inFlight < limits.maxInFlightTotal()
                && inFlightPerPeer.getOrDefault(address, 0) < limits.maxInFlightPerPeer();
    }

    private void take(String address) {
        inFlight++;
        inFlightPerPeer.merge(address, 1, Integer::sum);
    }

    private void release(String address) {
        List<Pending> ready = new ArrayList<>();
        synchronized (lock) {
            inFlight--;
            inFlightPerPeer.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && inFlight < limits.maxInFlightTotal(); ) {
                Pending w = it.next();
                if (hasSlot(w.target.address())) {
                    it.remove();
                    take(w.target.address());
                    ready.add(w);
                }
            }
        }
        for (Pending w : ready) {
            if (w.expiry != null) {
                w.expiry.cancel(false);
            }
            dispatch(w);
        }
    }

    private void expireWaiting(Pending p) {
        boolean removed;
        synchronized (lock) {
            removed = waiting.remove(p);
        }
        if (removed) {
            stats.timeouts.incrementAndGet();
            fail(p, RpcFailure.TIMEOUT);
        }
    }

    /** Puts a call that holds a slot on the wire; the slot is given back when it ends. */
    private void dispatch(Pending p) {
        String address = p.target.address();
        long leftNanos = p.deadlineAt - System.nanoTime();
        if (leftNanos <= 0) {
            release(address);
            stats.timeouts.incrementAndGet();
            fail(p, RpcFailure.TIMEOUT);
            return;
        }
        ClientCall<KadMessage, WireMethods.Inbound> call;
        try {
            call = channel(address).newCall(method, CallOptions.DEFAULT.withDeadlineAfter(leftNanos, TimeUnit.NANOSECONDS));
        } catch (RuntimeException e) {
            release(address);
            stats.unreachable.incrementAndGet();
            fail(p, RpcFailure.UNREACHABLE);
            return;
        }
        stats.callsSent.incrementAndGet();
        ClientCalls.asyncUnaryCall(call, p.message, new StreamObserver<>() {
            @Override
            public void onNext(WireMethods.Inbound answer) {
                release(address);
                answered(p, answer);
            }

            @Override
            public void onError(Throwable t) {
                release(address);
                Status status = Status.fromThrowable(t);
                if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    stats.timeouts.incrementAndGet();
                    fail(p, RpcFailure.TIMEOUT);
                } else {
                    stats.unreachable.incrementAndGet();
                    fail(p, RpcFailure.UNREACHABLE);
                }
            }

            @Override
            public void onCompleted() {
                // a unary call's answer came in onNext; a call that ends without one failed there
            }
        });
    }

    private void answered(Pending p, WireMethods.Inbound answer) {
        KadResponse response;
        try {
            if (answer.oversized()) {
                stats.oversizedMessages.incrementAndGet();
                throw new MalformedMessageException("answer above " + limits.maxMessageBytes() + " bytes");
            }
            response = codec.decodeResponse(WireCodec.typeOf(p.request), KadMessage.parseFrom(answer.bytes()));
            if (response.requestId() != p.request.requestId()) {
                throw new MalformedMessageException("answer echoes request " + response.requestId());
            }
        } catch (MalformedMessageException | InvalidProtocolBufferException | RuntimeException e) {
            stats.badAnswers.incrementAndGet(); // whatever a peer sends, the call ends as a failure
            fail(p, RpcFailure.MISMATCHED_RESPONSE);
            return;
        }
        stats.answersReceived.incrementAndGet();
        if (p.done.compareAndSet(false, true)) {
            deliver(() -> {
                tap.answered(p.target, p.request, response);
                p.handler.onResponse(response);
            });
        }
    }

    private void fail(Pending p, RpcFailure failure) {
        if (p.done.compareAndSet(false, true)) {
            deliver(() -> {
                tap.failed(p.target, p.request);
                p.handler.onFailure(failure);
            });
        }
    }

    private void deliver(Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            // the node is shutting down: nobody waits for the answer any more
        }
    }

    private ScheduledFuture<?> schedule(Runnable r, long delayMs) {
        try {
            return executor.schedule(r, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private ManagedChannel channel(String address) {
        ManagedChannel evicted = null;
        ManagedChannel ch;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("transport closed");
            }
            ch = open.get(address);
            if (ch == null) {
                ch = channels.open(address);
                open.put(address, ch);
                if (open.size() > limits.maxChannels()) {
                    Iterator<Map.Entry<String, ManagedChannel>> eldest = open.entrySet().iterator();
                    evicted = eldest.next().getValue();
                    eldest.remove();
                }
            }
        }
        if (evicted != null) {
            evicted.shutdown(); // its calls in flight still finish
        }
        return ch;
    }

    /** Channels open to peers now. */
    public int openChannels() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Calls on the wire now. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Closes every channel; calls still waiting for a slot fail as unreachable. */
    @Override
    public void close() {
        List<ManagedChannel> toClose;
        List<Pending> dropped;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(open.values());
            open.clear();
            dropped = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Pending p : dropped) {
            fail(p, RpcFailure.UNREACHABLE);
        }
        for (ManagedChannel ch : toClose) {
            ch.shutdownNow();
        }
    }
}
