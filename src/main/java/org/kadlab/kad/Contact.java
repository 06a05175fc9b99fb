package org.kadlab.kad;

import java.util.Objects;

/**
 * A peer as other nodes know it: its id and the address its transport reaches it at. Immutable and
 * shared: one instance per peer can sit in many routing tables. Equality is by id alone.
 */
public record Contact(NodeId id, String address) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contact c && c.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
