package org.kadlab.net;

import io.grpc.BindableService;
import java.util.List;

/**
 * How a node host serves more than the protocol: the token that lets other hosts make control
 * calls, the cluster that started it, the bounds of its event stream, and any further services on
 * its port.
 *
 * @param token         the shared token for control calls from other hosts, or null (this host only)
 * @param cluster       the address of the cluster supervisor that started the node, or null
 * @param eventQueue    events one observer may have waiting before its oldest is dropped
 * @param maxObservers  observers of the event stream at once
 * @param extraServices more services on the node's port
 */
public record HostOptions(String token, String cluster, int eventQueue, int maxObservers,
                          List<BindableService> extraServices) {
    public HostOptions {
        if (eventQueue < 1) {
            throw new IllegalArgumentException("the event queue must hold at least 1 event: " + eventQueue);
        }
        if (maxObservers < 1) {
            throw new IllegalArgumentException("at least 1 observer must be allowed: " + maxObservers);
        }
        extraServices = List.copyOf(extraServices);
    }

    /** No token, no cluster, 4,096 events per observer, 8 observers. */
    public static HostOptions defaults() {
        return new HostOptions(null, null, 4_096, 8, List.of());
    }

    public HostOptions withToken(String t) {
        return new HostOptions(t, cluster, eventQueue, maxObservers, extraServices);
    }

    public HostOptions withCluster(String c) {
        return new HostOptions(token, c, eventQueue, maxObservers, extraServices);
    }

    public HostOptions withEventQueue(int events) {
        return new HostOptions(token, cluster, events, maxObservers, extraServices);
    }
}
