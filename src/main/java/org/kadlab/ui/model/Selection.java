package org.kadlab.ui.model;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/**
 * What every view follows: the selected node, the inspected lookup, and the user's recent lookups
 * (newest first, at most {@link #MAX_RECENT_LOOKUPS}), each found again by its lookup id.
 */
public final class Selection {
    /** Most user lookups (find_node, find_value, store) remembered for the inspector's list. */
    public static final int MAX_RECENT_LOOKUPS = 50;
    private final NetworkViewModel vm;
    private final ReadOnlyObjectWrapper<NodeId> selectedNode = new ReadOnlyObjectWrapper<>(this, "selectedNode");
    private final ReadOnlyObjectWrapper<LookupSession> selectedLookup = new ReadOnlyObjectWrapper<>(this, "selectedLookup");
    private final ObservableList<LookupSession> recent = FXCollections.observableArrayList();
    private final ObservableList<LookupSession> recentView = FXCollections.unmodifiableObservableList(recent);
    private final Map<Long, LookupSession> byLookupId = new HashMap<>();

    Selection(NetworkViewModel vm) {
        this.vm = vm;
    }

    public ReadOnlyObjectProperty<NodeId> selectedNodeProperty() {
        return selectedNode.getReadOnlyProperty();
    }

    /** The selected node's id, or null. */
    public NodeId selectedNode() {
        return selectedNode.get();
    }

    public ReadOnlyObjectProperty<LookupSession> selectedLookupProperty() {
        return selectedLookup.getReadOnlyProperty();
    }

    /** The inspected lookup, or null. */
    public LookupSession selectedLookup() {
        return selectedLookup.get();
    }

    /** The user's recent lookups on this network, newest first (read-only). */
    public ObservableList<LookupSession> recentLookups() {
        return recentView;
    }

    /** Selects the node with this id, if the network has it; null clears the selection. */
    public void select(NodeId id) {
        if (id != null && !vm.network().contains(id)) {
            return;
        }
        selectedNode.set(id);
        vm.bump();
    }

    /**
     * Makes {@code session} (one of {@link #recentLookups()}, or null) the inspected lookup: the ring,
     * the inspector, the graph and Step round all follow it. Returns false for a session not in the list.
     */
    public boolean selectLookup(LookupSession session) {
        if (session != null && !recent.contains(session)) {
            return false;
        }
        if (session == selectedLookup.get()) {
            return true;
        }
        selectedLookup.set(session);
        vm.operations().showResultOf(session);
        if (session != null) {
            vm.status().caption("Inspecting " + session.label(vm.keySpace()) + ".");
        }
        vm.bump();
        return true;
    }

    /** The remembered session of lookup {@code id}, or null. */
    LookupSession session(long id) {
        return byLookupId.get(id);
    }

    /** Finds {@code session} again by its lookup id from now on (a live lookup whose id came after it was remembered). */
    void follow(LookupSession session) {
        if (session.simId() >= 0 && recent.contains(session)) {
            byLookupId.put(session.simId(), session);
        }
    }

    void inspect(LookupSession session) {
        selectedLookup.set(session);
    }

    void selectQuietly(NodeId id) {
        selectedNode.set(id);
    }

    /** Puts {@code session} first in the list (the oldest falls out past the bound). */
    void remember(LookupSession session) {
        if (session.ranUnder().isEmpty()) {
            session.ranUnder(settingsText(vm.builder().settingsProperty().get()));
        }
        recent.add(0, session);
        while (recent.size() > MAX_RECENT_LOOKUPS) {
            LookupSession old = recent.remove(recent.size() - 1);
            byLookupId.remove(old.simId(), old);
        }
        if (session.simId() >= 0) {
            byLookupId.put(session.simId(), session);
        }
    }

    /** Remembers the lookups a scenario ran, oldest first, so the newest ends up first. */
    void rememberAll(java.util.List<LookupSession> sessions) {
        for (LookupSession s : sessions) {
            remember(s);
        }
    }

    /**
     * A new network replaces the current one, whose key space is {@code old}: the selection is cleared
     * (the views never see an old node with the new network), and the recent lookups are kept as its
     * history, each marked as from an earlier network and ended if it still ran; lookups whose ids have
     * another width than {@code next}'s are dropped. Returns how many were dropped.
     */
    int newNetwork(KeySpace old, KeySpace next) {
        selectedLookup.set(null);
        selectedNode.set(null);
        byLookupId.clear();
        if (old == null || old.bits() != next.bits()) {
            int dropped = recent.size();
            recent.clear();
            return dropped;
        }
        for (LookupSession s : recent) {
            s.retire();
        }
        return 0;
    }

    /**
     * The same network is swapped in at another moment (a rewind): the selection is cleared and the
     * lookups of the network being replaced are dropped (the rebuild brings their twins); those of
     * earlier networks stay.
     */
    void rewound() {
        selectedLookup.set(null);
        selectedNode.set(null);
        byLookupId.clear();
        recent.removeIf(s -> !s.isFromEarlierNetwork());
    }

    /** The settings a lookup ran under, short: "k 4, alpha 3, sliding, loss 0%, seed 1". */
    static String settingsText(NetworkSettings s) {
        if (s == null) {
            return "";
        }
        String loss = java.math.BigDecimal.valueOf(s.loss() * 100).stripTrailingZeros().toPlainString();
        return "k " + s.k() + ", alpha " + s.alpha() + ", " + s.mode().name().toLowerCase(java.util.Locale.ROOT)
                + ", loss " + loss + "%, seed " + s.seed();
    }
}
