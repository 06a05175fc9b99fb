package org.kadlab.kad;

/**
 * How a node reaches its peers: one endpoint per node, so the receiver learns who sent a request.
 * An in-process simulator and a real network can both implement it.
 *
 * <p>Contract: every {@code send} ends with exactly one call to the handler, a response or a
 * failure, and at the latest when the node's rpc timeout has passed; handlers are called on the
 * executor that drives the node, never concurrently with it.
 */
public interface KadTransport {
    /** Sends {@code request} to {@code target}; the answer arrives through {@code handler}. */
    void send(Contact target, KadRequest request, ResponseHandler handler);

    /** Receives the outcome of one request. */
    interface ResponseHandler {
        /** The peer answered. */
        void onResponse(KadResponse response);

        /** The request failed: the peer is unreachable, or did not answer in time. */
        void onFailure(RpcFailure failure);
    }

    /** Why a request got no answer. */
    enum RpcFailure { TIMEOUT, UNREACHABLE, MISMATCHED_RESPONSE }
}
