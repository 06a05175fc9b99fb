package org.kadlab.kad;

import java.util.List;

/** The answers to {@link KadRequest}s; each echoes its request's id. */
public sealed interface KadResponse {
    /** The id of the request this answers. */
    long requestId();

    /** Answer to PING. */
    record Pong(long requestId) implements KadResponse {
    }

    /** The responder's closest known contacts to the requested id (FIND_NODE, or FIND_VALUE without the value). */
    record Nodes(long requestId, List<Contact> closest) implements KadResponse {
    }

    /** FIND_VALUE hit: the value and how long the responder will still keep it. */
    record Value(long requestId, String value, long ttlMs) implements KadResponse {
    }

    /** STORE accepted. */
    record Stored(long requestId) implements KadResponse {
    }

    /** The request was refused, for example a STORE to a full record store. */
    record Error(long requestId, ErrorCode code, String message) implements KadResponse {
    }

    /** Why a request was refused. */
    enum ErrorCode { STORE_FULL, BAD_REQUEST }
}
