package org.kadlab.kad;

/** What {@link RoutingTable#update(Contact)} decided for a contact it heard from. */
public sealed interface UpdateResult {
    /** The contact concerned. */
    Contact contact();

    /** The contact is this node itself: nothing changed. */
    record Ignored(Contact contact) implements UpdateResult {
    }

    /** The contact was known: it moved to the tail of its bucket (most recently seen). */
    record Updated(Contact contact, int bucket) implements UpdateResult {
    }

    /** The bucket had room: the contact was appended at its tail. */
    record Added(Contact contact, int bucket) implements UpdateResult {
    }

    /**
     * The bucket is full and its least recently seen contact answered within the ping-skip window:
     * nobody is pinged, and the newcomer waits in the bucket's replacement cache.
     */
    record Cached(Contact contact, int bucket) implements UpdateResult {
    }

    /**
     * The bucket is full: the table is unchanged. The caller should ping {@code toPing} (the least
     * recently seen contact) and report the answer with {@link RoutingTable#applyPingResult}.
     */
    record Pending(Contact toPing, Contact candidate, int bucket) implements UpdateResult {
        @Override
        public Contact contact() {
            return candidate;
        }
    }
}
