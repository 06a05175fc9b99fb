package org.kadlab.kad;

/** Why a node runs a lookup. */
public enum LookupPurpose {
    /** A user's find_node. */
    FIND_NODE,
    /** A user's find_value. */
    FIND_VALUE,
    /** The find_node phase of a store. */
    STORE,
    /** The self-lookup of a joining node. */
    BOOTSTRAP,
    /** A lookup for a random id in a stale bucket's range. */
    REFRESH,
    /** The find_node phase of a republish (publisher or holder). */
    REPUBLISH
}
