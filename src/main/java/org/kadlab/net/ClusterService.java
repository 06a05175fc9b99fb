package org.kadlab.net;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Objects;
import org.kadlab.net.wire.ClusterGrpc;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.ClusterRequest;

/**
 * The cluster supervisor's gRPC service (List, Kill, Revive) over a {@link Supervisor} that owns the
 * node processes, guarded like a node's control calls: callers on this host always, other hosts
 * only with the token.
 */
public final class ClusterService extends ClusterGrpc.ClusterImplBase {
    /** What the service asks of the supervisor; each method may block (kill and revive wait for the process). */
    public interface Supervisor {
        /** Every node of the cluster, alive or not. */
        ClusterReply list();

        /** Crashes node {@code index}; an {@link IllegalArgumentException} for a bad index, {@link IllegalStateException} when not possible. */
        ClusterReply kill(int index);

        /** Starts node {@code index} again with its id, port and data; the same exceptions as {@link #kill}. */
        ClusterReply revive(int index);
    }

    private final Supervisor supervisor;

    public ClusterService(Supervisor supervisor) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    }

    /** Serves this service on {@code host:port} behind an {@link AccessGuard} with {@code token} (may be null). */
    public Server serve(String host, int port, String token) throws IOException {
        return TcpEndpoints.server(host, port, NetLimits.defaults())
                .addService(ServerInterceptors.intercept(this, new AccessGuard(token)))
                .build()
                .start();
    }

    @Override
    public void list(ClusterRequest request, StreamObserver<ClusterReply> out) {
        answer(out, supervisor::list);
    }

    @Override
    public void kill(ClusterRequest request, StreamObserver<ClusterReply> out) {
        answer(out, () -> supervisor.kill(request.getIndex()));
    }

    @Override
    public void revive(ClusterRequest request, StreamObserver<ClusterReply> out) {
        answer(out, () -> supervisor.revive(request.getIndex()));
    }

    private interface Call {
        ClusterReply run();
    }

    private static void answer(StreamObserver<ClusterReply> out, Call call) {
        ClusterReply reply;
        try {
            reply = call.run();
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (IllegalStateException e) {
            out.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            out.onError(Status.INTERNAL.withDescription(String.valueOf(e)).asRuntimeException());
            return;
        }
        out.onNext(reply);
        out.onCompleted();
    }
}
