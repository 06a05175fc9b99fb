package org.kadlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where simulation events go: the bounded history first, then every listener in the order added. */
final class EventSink {
    private final EventHistory history;
    private final List<SimListener> listeners = new ArrayList<>();

    EventSink(EventHistory history) {
        this.history = history;
    }

    EventHistory history() {
        return history;
    }

    void addListener(SimListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    void removeListener(SimListener l) {
        listeners.remove(l);
    }

    /** Whether anyone keeps or hears events; when not, callers skip building them. */
    boolean recording() {
        return !listeners.isEmpty() || history.capacity() > 0;
    }

    void emit(SimEvent e) {
        history.add(e);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).onEvent(e);
        }
    }
}
