package org.kadlab.net;

import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;

/** What the transport and the service report about each RPC, for a node's event stream. */
interface RpcTap {
    /** Reports nothing. */
    RpcTap NONE = new RpcTap() {
    };

    /** A request left for {@code to}. */
    default void sent(Contact to, KadRequest request) {
    }

    /** A request from {@code from} reached this node and was handled. */
    default void delivered(Contact from, KadRequest request) {
    }

    /** {@code to} answered {@code request}. */
    default void answered(Contact to, KadRequest request, KadResponse response) {
    }

    /** No answer came from {@code to} in time, or it could not be reached. */
    default void failed(Contact to, KadRequest request) {
    }
}
