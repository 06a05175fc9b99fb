package org.kadlab.ui.model;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The selected bucket of the selected node, which the trie, the bucket panel, the ID ring and the
 * XOR view all show: its index, or {@link #NONE}. It clears whenever the selected node or the
 * network changes, so it always names a bucket of the node on screen.
 */
public final class BucketFocus {
    /** No bucket is selected. */
    public static final int NONE = -1;
    private final NetworkViewModel vm;
    private final ReadOnlyIntegerWrapper bucket = new ReadOnlyIntegerWrapper(this, "bucket", NONE);

    BucketFocus(NetworkViewModel vm) {
        this.vm = vm;
        vm.selection().selectedNodeProperty().addListener((o, a, b) -> bucket.set(NONE));
        vm.networkProperty().addListener((o, a, b) -> bucket.set(NONE));
    }

    /** The selected bucket's index, or {@link #NONE}. */
    public ReadOnlyIntegerProperty bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    /** The selected bucket's index, or {@link #NONE}. */
    public int bucket() {
        return bucket.get();
    }

    /** Whether a bucket is selected. */
    public boolean isSet() {
        return bucket.get() != NONE;
    }

    /** Selects bucket {@code index} of the selected node; an index outside 0..bits-1, or no selected node, is ignored. */
    public void select(int index) {
        if (vm.selection().selectedNode() == null || index < 0 || index >= vm.keySpace().bits() || index == bucket.get()) {
            return;
        }
        bucket.set(index);
        vm.bump();
    }

    /** Selects bucket {@code index}, or clears the selection when it is already the selected one. */
    public void toggle(int index) {
        if (index == bucket.get()) {
            clear();
        } else {
            select(index);
        }
    }

    /** Selects no bucket. */
    public void clear() {
        if (bucket.get() != NONE) {
            bucket.set(NONE);
            vm.bump();
        }
    }
}
