package org.kadlab.ui.model;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.Operation;
import org.kadlab.sim.SimNode;
import org.kadlab.sim.Simulation;
import org.kadlab.sim.scenario.Scenario;

/**
 * The user's queries from the selected node: find_node to the typed target, store and find_value of
 * the typed key. Each starts a {@link LookupSession} that becomes the inspected lookup; its result
 * is told when it ends. Bad input sets the inline error and never throws.
 */
public final class Operations {
    /** Longest key and value text accepted. */
    public static final int MAX_KEY_CHARS = 200;
    public static final int MAX_VALUE_CHARS = 1_000;
    /** How many lookups "Run lookups" starts. */
    public static final int BATCH_LOOKUPS = 100;
    /** Most lookups one batch may hold. */
    public static final int MAX_BATCH_LOOKUPS = 10_000;
    private final NetworkViewModel vm;
    private final StringProperty targetText = new SimpleStringProperty(this, "targetText", "");
    private final StringProperty keyText = new SimpleStringProperty(this, "keyText", "");
    private final StringProperty valueText = new SimpleStringProperty(this, "valueText", "");
    private final ReadOnlyStringWrapper operationResult = new ReadOnlyStringWrapper(this, "operationResult", "");
    /** Random targets come from their own stream, so drawing one never shifts the network's draws. */
    private SplittableRandom targets = new SplittableRandom(0);

    Operations(NetworkViewModel vm) {
        this.vm = vm;
    }

    /** The target of the next find_node, as typed: hex ({@code 7f00}) or binary ({@code 0b0111...}). */
    public StringProperty targetTextProperty() {
        return targetText;
    }

    /** The key of the next find_value or store, as typed (any text up to {@link #MAX_KEY_CHARS}). */
    public StringProperty keyTextProperty() {
        return keyText;
    }

    /** The value of the next store, as typed. */
    public StringProperty valueTextProperty() {
        return valueText;
    }

    /** The result of the latest find_value or store in one sentence, or "" while none ended. */
    public ReadOnlyStringProperty operationResultProperty() {
        return operationResult.getReadOnlyProperty();
    }

    /**
     * Puts a random id of the key space in the target field, drawn from the window's own random
     * stream (seeded from the network's seed): the simulation's draws, and so a saved scenario, stay
     * the same whether or not a target was drawn.
     */
    public void randomTarget() {
        targetText.set(vm.keySpace().hex(vm.keySpace().randomId(targets)));
        vm.status().clearError();
    }

    /**
     * Starts find_node from the selected node to the typed target. Returns false, with a message in
     * the inline error, when no live node is selected or the text is not an id.
     */
    public boolean findNode() {
        vm.status().clearError();
        if (vm.live().isActive()) {
            NodeId from = liveSelected();
            NodeId to = from == null ? null : parsedTarget();
            return to != null && vm.live().operations().findNode(from, to);
        }
        SimNode origin = liveOrigin();
        if (origin == null) {
            return false;
        }
        NodeId target;
        try {
            target = vm.keySpace().parse(targetText.get());
        } catch (IllegalArgumentException ex) {
            vm.status().error(ex.getMessage());
            return false;
        }
        Simulation sim = vm.simulation();
        LookupSession session = new LookupSession(origin.id(), target, sim.now());
        boolean ok = start(session, () -> sim.findNode(origin, target));
        if (ok) {
            vm.recorder().record(new Scenario.LookupOne(0, hex(origin.id()), hex(target)));
        }
        return ok;
    }

    /**
     * Stores the typed value under the typed key from the selected node; the acks are shown when
     * it ends. Returns false, with a message in the inline error, on bad input.
     */
    public boolean store() {
        vm.status().clearError();
        String key = checkedKey();
        if (key == null) {
            return false;
        }
        String value = valueText.get() == null ? "" : valueText.get();
        if (value.isEmpty()) {
            vm.status().error("Type a value to store under " + IdText.quote(key) + ".");
            return false;
        }
        if (value.length() > MAX_VALUE_CHARS || hasControl(value)) {
            vm.status().error("value: at most " + MAX_VALUE_CHARS + " characters on one line.");
            return false;
        }
        if (vm.live().isActive()) {
            NodeId from = liveSelected();
            return from != null && vm.live().operations().store(from, key, value);
        }
        SimNode origin = liveOrigin();
        if (origin == null) {
            return false;
        }
        Simulation sim = vm.simulation();
        LookupSession session = new LookupSession(LookupPurpose.STORE, origin.id(), vm.keySpace().keyId(key), sim.now(), key, value);
        boolean ok = start(session, () -> sim.store(origin, key, value));
        if (ok) {
            vm.recorder().record(new Scenario.Store(0, key, value, hex(origin.id())));
        }
        return ok;
    }

    /**
     * Runs find_value for the typed key from the selected node; whether it was found, the value and
     * where are shown when it ends. Returns false, with a message, on bad input.
     */
    public boolean findValue() {
        vm.status().clearError();
        String key = checkedKey();
        if (key == null) {
            return false;
        }
        if (vm.live().isActive()) {
            NodeId from = liveSelected();
            return from != null && vm.live().operations().findValue(from, key);
        }
        SimNode origin = liveOrigin();
        if (origin == null) {
            return false;
        }
        Simulation sim = vm.simulation();
        LookupSession session = new LookupSession(LookupPurpose.FIND_VALUE, origin.id(), vm.keySpace().keyId(key), sim.now(), key, null);
        boolean ok = start(session, () -> sim.findValue(origin, key));
        if (ok) {
            vm.recorder().record(new Scenario.FindValue(0, key, hex(origin.id())));
        }
        return ok;
    }

    /**
     * Runs {@code n} find_node lookups, each from a random live node to a random id, a slice per frame
     * with progress and Stop; each result goes to the charts and the event log, and the saved
     * scenario says {@code lookups: n} (it replays the same draws). Returns false, with a message,
     * for a count outside 1..{@link #MAX_BATCH_LOOKUPS} or a network with no live node.
     */
    public boolean runLookups(int n) {
        vm.status().clearError();
        if (n < 1 || n > MAX_BATCH_LOOKUPS) {
            vm.status().error("Run between 1 and " + MAX_BATCH_LOOKUPS + " lookups at once, not " + n + ".");
            return false;
        }
        if (vm.live().isActive()) {
            vm.status().error("Batches of lookups run on a simulated network; on a live one, send lookups one at a time.");
            return false;
        }
        if (vm.simulation().liveCount() == 0) {
            vm.status().error("No node is live to start a lookup from: revive or add nodes first.");
            return false;
        }
        if (vm.lookupBatch().remaining() + (long) n > MAX_BATCH_LOOKUPS) {
            vm.status().error(vm.lookupBatch().remaining() + " lookups are still to run: at most " + MAX_BATCH_LOOKUPS
                    + " may wait at once.");
            return false;
        }
        vm.lookupBatch().start(n);
        vm.bump();
        return true;
    }

    /** Shows the result of {@code session}, or nothing. */
    void showResultOf(LookupSession session) {
        String text = session == null ? null : session.result(vm.keySpace());
        operationResult.set(text == null ? "" : text);
    }

    /** Starts over for a new network built from {@code seed}. */
    void reset(long seed) {
        operationResult.set("");
        targets = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /**
     * Starts an operation and makes it the inspected one. The simulation's handle names the lookup it
     * started and its id, so the session follows exactly that lookup; its result (and, for a
     * find_value, who answered with the value) comes with the operation's record when it completes.
     */
    private boolean start(LookupSession session, Supplier<Operation> run) {
        Simulation sim = vm.simulation();
        LookupSession previous = vm.selection().selectedLookup();
        vm.selection().inspect(session);
        Operation op;
        try {
            op = run.get();
        } catch (RuntimeException ex) {
            vm.selection().inspect(previous);
            vm.status().error(ex.getMessage());
            return false;
        }
        if (op.ranLookup()) {
            session.attach(op.lookup());
            session.started(op.lookupId());
        }
        vm.selection().remember(session);
        // completes inside sim.step(), on the thread that runs the simulation: once per operation
        op.future().whenComplete((rec, ex) -> {
            session.completed(rec, ex);
            if (rec != null && !op.ranLookup() && sim == vm.simulation()) {
                vm.timeline().add(OperationOutcome.of(rec)); // no lookup ran, so no event tells the charts
            }
            String text = session.result(sim.keySpace());
            if (text != null && sim == vm.simulation()) {
                if (session == vm.selection().selectedLookup()) {
                    operationResult.set(text);
                }
                vm.status().caption(text);
            }
        });
        if (session.purpose() != LookupPurpose.FIND_NODE) {
            operationResult.set("");
        }
        vm.playback().catchUp();
        vm.bump();
        return true;
    }

    private String checkedKey() {
        String key = keyText.get() == null ? "" : keyText.get().strip();
        if (key.isEmpty()) {
            vm.status().error("Type a key first: any text, such as greeting.");
            return null;
        }
        if (key.length() > MAX_KEY_CHARS || hasControl(key)) {
            vm.status().error("key: at most " + MAX_KEY_CHARS + " characters on one line.");
            return null;
        }
        return key;
    }

    /** The selected node if it is live; otherwise null, with a message. */
    SimNode liveOrigin() {
        NodeId id = vm.selection().selectedNode();
        if (id == null) {
            vm.status().error("Select a node first: click one on the ring.");
            return null;
        }
        SimNode origin = vm.simulation().node(id);
        if (origin == null || !origin.isAlive()) {
            vm.status().error(hex(id) + " is down: select a live node or revive it.");
            return null;
        }
        return origin;
    }

    /** The selected node of the live network if it answers; otherwise null, with a message. */
    private NodeId liveSelected() {
        NodeId id = vm.selection().selectedNode();
        if (id == null) {
            vm.status().error("Select a node first: click one on the ring.");
            return null;
        }
        if (!vm.network().isAlive(id)) {
            vm.status().error(hex(id) + " does not answer: select a live node.");
            return null;
        }
        return id;
    }

    private NodeId parsedTarget() {
        try {
            return vm.keySpace().parse(targetText.get());
        } catch (IllegalArgumentException ex) {
            vm.status().error(ex.getMessage());
            return null;
        }
    }

    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private String hex(NodeId id) {
        return vm.keySpace().hex(id);
    }
}
