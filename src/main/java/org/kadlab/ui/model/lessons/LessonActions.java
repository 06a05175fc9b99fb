package org.kadlab.ui.model.lessons;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.kadlab.kad.NodeId;
import org.kadlab.ui.model.NetworkCommands;
import org.kadlab.ui.model.NetworkViewModel;
import org.kadlab.ui.model.Operations;
import org.kadlab.ui.model.Playback;
import org.kadlab.ui.model.Preset;
import org.kadlab.ui.model.TableSnapshot;

/**
 * What a lesson's "Do it" button can do: a registry from an action's name to its parameters and a
 * handler that calls the window's view-model actions (build, select, find, step, run, kill, revive,
 * add, a batch of lookups, show a view). Each handler checks its arguments against the network it
 * acts on and says in one sentence what happened, or throws with why it could not run; nothing is
 * changed then. A new action is one {@link #register} line.
 */
public final class LessonActions {
    /** The views a lesson can bring forward: the tabs, and the two panels that are always on screen. */
    public static final List<String> VIEWS = List.of("ring", "xor", "events", "stats", "graph", "trie", "health", "compare",
            "buckets", "inspector");
    /** Networks up to this many nodes are built at once; bigger ones in the background. */
    static final int BUILD_AT_ONCE = 256;
    private static final int MAX_ID_CHARS = 200;
    private static final long MAX_SEED = 1L << 53;
    private final NetworkViewModel vm;
    private final Predicate<String> views;
    private final Map<String, ActionSpec> actions = new LinkedHashMap<>();

    /**
     * The actions on {@code vm}; {@code views} brings a view forward by name (one of {@link #VIEWS})
     * and says whether the window has it.
     */
    public LessonActions(NetworkViewModel vm, Predicate<String> views) {
        this.vm = vm;
        this.views = views;
        registerNetworkActions();
        registerTimeActions();
        registerStructureActions();
    }

    /** Adds (or replaces) the action {@code name}. */
    public void register(String name, String button, String help, ActionSpec.Handler handler, ActionSpec.Param... params) {
        actions.put(name, new ActionSpec(name, button, help, List.of(params), handler));
    }

    /** The action {@code name}, or null. */
    public ActionSpec spec(String name) {
        return actions.get(name);
    }

    /** Every action, in the order registered. */
    public List<ActionSpec> specs() {
        return List.copyOf(actions.values());
    }

    /** The names of every action, sorted (for messages). */
    public List<String> names() {
        return actions.keySet().stream().sorted().toList();
    }

    /**
     * Runs {@code action}; returns what happened in one sentence, or throws with why it could not
     * run. A failure inside the window's code becomes a message too: a lesson never crashes the app.
     */
    public String run(Lesson.Action action) throws LessonException {
        ActionSpec spec = actions.get(action.name());
        if (spec == null) {
            throw new LessonException(action.name() + ": no such action; known actions: " + String.join(", ", names()));
        }
        try {
            return spec.handler().run(action.args());
        } catch (RuntimeException e) {
            throw new LessonException(action.name() + ": could not run: " + e);
        }
    }

    // ------------------------------------------------------------------ the actions

    private void registerNetworkActions() {
        register("build", "Build the network", "Builds a new network from a preset (default: the default network), "
                        + "with any setting changed; the same settings and seed give the same network.", this::build,
                ActionSpec.Param.choice("preset", List.of("classroom", "default", "realistic", "large"), "the starting settings"),
                ActionSpec.Param.whole("nodes", 1, NetworkCommands.MAX_NODES, "how many nodes join"),
                ActionSpec.Param.whole("bits", 1, 160, "id width in bits"),
                ActionSpec.Param.whole("k", 1, 1_000, "bucket size"),
                ActionSpec.Param.whole("alpha", 1, 1_000, "parallel queries per lookup"),
                ActionSpec.Param.choice("lookup_mode", List.of("sliding", "rounds", "seed_rounds"), "how lookups pace their queries"),
                ActionSpec.Param.whole("seed", -MAX_SEED, MAX_SEED, "the random seed"),
                ActionSpec.Param.number("loss", 0, 0.99, "share of messages lost"));
        register("select-node", "Select the node", "Selects a node by id, or the index-th node to join (0: the first; "
                        + "the default).", this::selectNode,
                ActionSpec.Param.text("id", MAX_ID_CHARS, "the node's id, in hex"),
                ActionSpec.Param.whole("index", 0, NetworkCommands.MAX_NODES - 1, "0 for the first node to join"));
        ActionSpec.Param from = ActionSpec.Param.text("from", MAX_ID_CHARS, "select this node first (its id)");
        ActionSpec.Param pause = ActionSpec.Param.flag("pause", "pause first, so the lookup can be stepped (default false: it plays)");
        register("find-node", "Find node", "Runs find_node from the selected node to a target id (or random).",
                args -> lookup(args, () -> {
                    String target = args.required("target");
                    if (target.equalsIgnoreCase("random")) {
                        vm.operations().randomTarget();
                    } else {
                        vm.operations().targetTextProperty().set(target);
                    }
                    return vm.operations().findNode();
                }, "find_node to " + args.text("target")),
                ActionSpec.Param.text("target", MAX_ID_CHARS, "the target id in hex, or random").mustBeGiven(), from, pause);
        register("find-value", "Find value", "Runs find_value of a key from the selected node.",
                args -> lookup(args, () -> {
                    vm.operations().keyTextProperty().set(args.required("key"));
                    return vm.operations().findValue();
                }, "find_value of " + args.text("key")),
                ActionSpec.Param.text("key", Operations.MAX_KEY_CHARS, "the key").mustBeGiven(), from, pause);
        register("store", "Store", "Stores a value under a key from the selected node.",
                args -> lookup(args, () -> {
                    vm.operations().keyTextProperty().set(args.required("key"));
                    vm.operations().valueTextProperty().set(args.required("value"));
                    return vm.operations().store();
                }, "store of " + args.text("key")),
                ActionSpec.Param.text("key", Operations.MAX_KEY_CHARS, "the key").mustBeGiven(),
                ActionSpec.Param.text("value", Operations.MAX_VALUE_CHARS, "the value").mustBeGiven(), from, pause);
        register("kill-node", "Kill the node", "Crashes a node: by id, the head (least recently seen contact) of a "
                        + "bucket of the selected node, or else the selected node. The selection stays.", this::killNode,
                ActionSpec.Param.text("id", MAX_ID_CHARS, "the node's id"),
                ActionSpec.Param.whole("head_of_bucket", 0, 159, "kill the head of this bucket of the selected node"));
        register("kill-percent", "Kill a share of the nodes", "Crashes this percentage of the live nodes, chosen from "
                        + "the seed (default 30).", args -> checked(vm.commands().killPercent((int) args.whole("percent", 30)) >= 0),
                ActionSpec.Param.whole("percent", 0, 100, "the share of live nodes"));
        register("revive-all", "Revive all", "Brings every crashed node back with its old state.",
                args -> {
                    vm.commands().reviveAll();
                    return caption();
                });
        register("add-nodes", "Add nodes", "Adds nodes that join one at a time through random live nodes.",
                args -> checked(vm.commands().addNodes((int) args.whole("count", 1))),
                ActionSpec.Param.whole("count", 1, NetworkCommands.MAX_NODES, "how many").mustBeGiven());
        register("lookups", "Run lookups", "Runs a batch of find_node lookups from random live nodes to random targets "
                        + "(default 100); the caption and the Stats tab show how many were exact.",
                args -> checked(vm.operations().runLookups((int) args.whole("count", Operations.BATCH_LOOKUPS))),
                ActionSpec.Param.whole("count", 1, Operations.MAX_BATCH_LOOKUPS, "how many lookups"));
        register("show-view", "Show the view", "Brings a view forward: " + String.join(", ", VIEWS) + ".",
                args -> {
                    String view = args.required("view");
                    if (!views.test(view)) {
                        throw new LessonException("show-view: the " + view + " view is not available yet in this window");
                    }
                    return "The " + view + " view is in front.";
                },
                ActionSpec.Param.choice("view", VIEWS, "which view").mustBeGiven());
    }

    private void registerTimeActions() {
        register("step", "Step", "Pauses and runs one simulation event (or count events).", args -> {
            for (long i = args.whole("count", 1); i > 0; i--) {
                vm.playback().stepOnce();
            }
            return caption();
        }, ActionSpec.Param.whole("count", 1, 1_000, "how many events"));
        register("step-round", "Step one round", "Pauses and runs until the inspected lookup's next round completes "
                + "(sliding: until alpha more answers or timeouts).", args -> checked(vm.playback().stepRound() >= 0));
        register("step-lookup", "Step this lookup", "Pauses and runs until the inspected lookup's next event (sent, "
                + "delivered, answered, timed out, stalled, finished), told in words; other traffic runs silently "
                + "(or count such steps).", args -> {
                    for (long i = args.whole("count", 1); i > 0; i--) {
                        if (vm.playback().stepLookup() < 0) {
                            throw new LessonException("step-lookup: " + vm.status().targetErrorProperty().get());
                        }
                    }
                    return caption();
                }, ActionSpec.Param.whole("count", 1, 1_000, "how many of the lookup's steps"));
        register("play", "Play", "Plays the simulation clock, optionally at a speed in virtual ms per real second.", args -> {
            if (args.has("speed")) {
                vm.playback().speedProperty().set(args.number("speed", Playback.DEFAULT_SPEED));
            }
            vm.playback().playingProperty().set(true);
            return "Playing.";
        }, ActionSpec.Param.number("speed", Playback.MIN_SPEED, Playback.MAX_SPEED, "virtual ms per real second"));
        register("pause", "Pause", "Pauses the simulation clock.", args -> {
            vm.playback().playingProperty().set(false);
            return "Paused.";
        });
        register("run-for", "Let time pass", "Lets virtual time pass at full speed: refresh, pings, republishing "
                + "and healing play out.", args -> checked(vm.playback().runFor(args.whole("duration", 0))),
                ActionSpec.Param.duration("duration", 1, Playback.MAX_RUN_FOR_MS, "how long").mustBeGiven());
    }

    /** Actions on the structure: a node added with a chosen id or in a bucket, a bucket marked on the views. */
    private void registerStructureActions() {
        register("add-node", "Add a node", "Adds one node with the given id, or with a free id in bucket `bucket` of the "
                + "selected node (a newcomer staged on purpose); it joins through a random live node.", args -> {
                    if (args.has("id") == args.has("bucket")) {
                        throw new LessonException("add-node: give either id or bucket");
                    }
                    boolean ok = args.has("id") ? vm.commands().addNodeWithId(args.text("id"))
                            : vm.commands().addNodeInBucket((int) args.whole("bucket", 0));
                    if (!ok) {
                        throw new LessonException("add-node: " + vm.status().targetErrorProperty().get());
                    }
                    return caption();
                }, ActionSpec.Param.whole("bucket", 0, 159, "a bucket of the selected node"),
                ActionSpec.Param.text("id", MAX_ID_CHARS, "a node id"));
        register("select-bucket", "Select the bucket", "Marks bucket `bucket` of the selected node: its row, its arc of "
                + "the ID ring, its ring in the XOR view, its subtree in the trie.", args -> {
                    int b = (int) args.whole("bucket", 0);
                    if (vm.selection().selectedNode() == null) {
                        throw new LessonException("select-bucket: select a node first");
                    }
                    if (b >= vm.keySpace().bits()) {
                        throw new LessonException("select-bucket: bucket " + b + " is outside 0 to " + (vm.keySpace().bits() - 1));
                    }
                    vm.bucketFocus().select(b);
                    return "Bucket " + b + " of " + vm.keySpace().hex(vm.selection().selectedNode()) + " is marked.";
                }, ActionSpec.Param.whole("bucket", 0, 159, "a bucket of the selected node").mustBeGiven());
    }

    // ------------------------------------------------------------------ handlers

    private String build(ActionSpec.Args args) throws LessonException {
        Preset preset = Preset.valueOf(args.text("preset") == null ? "DEFAULT" : args.text("preset").toUpperCase(Locale.ROOT));
        Map<String, String> fields = new HashMap<>(preset.settings().toText());
        args.values().forEach((name, value) -> {
            if (!name.equals("preset")) {
                fields.put(name, String.valueOf(value));
            }
        });
        int nodes = Integer.parseInt(fields.get("nodes"));
        if (!vm.builder().applySettings(fields, nodes > BUILD_AT_ONCE)) {
            throw new LessonException("build: " + vm.status().settingsErrorProperty().get());
        }
        return caption();
    }

    private String selectNode(ActionSpec.Args args) throws LessonException {
        NodeId id;
        if (args.has("id")) {
            id = node("select-node", args.text("id"));
        } else {
            List<NodeId> all = vm.network().nodeIds();
            long index = args.whole("index", 0);
            if (index >= all.size()) {
                throw new LessonException("select-node: index " + index + " is past the last node (" + (all.size() - 1) + ")");
            }
            id = all.get((int) index);
        }
        vm.selection().select(id);
        return "Selected " + vm.keySpace().hex(id) + ".";
    }

    private String killNode(ActionSpec.Args args) throws LessonException {
        NodeId selected = vm.selection().selectedNode();
        NodeId victim = selected;
        if (args.has("id")) {
            victim = node("kill-node", args.text("id"));
        } else if (args.has("head_of_bucket")) {
            int index = (int) args.whole("head_of_bucket", 0);
            TableSnapshot table = selected == null ? null : vm.network().table(selected);
            if (table == null || index >= vm.keySpace().bits() || table.bucket(index).contacts().isEmpty()) {
                throw new LessonException("kill-node: " + (table == null ? "select a node first"
                        : "bucket " + index + " of " + vm.keySpace().hex(selected) + " is empty"));
            }
            victim = table.bucket(index).contacts().get(0).id();
        }
        vm.selection().select(victim);
        boolean killed = vm.commands().killSelected();
        if (selected != null && !selected.equals(victim)) {
            vm.selection().select(selected);
        }
        checked(killed);
        return vm.keySpace().hex(victim) + " crashed: it stops answering and keeps its state.";
    }

    /** Selects the {@code from} node, if given, sets the pace, then starts the lookup. */
    private String lookup(ActionSpec.Args args, Start start, String what) throws LessonException {
        if (args.has("from")) {
            vm.selection().select(node("from", args.text("from")));
        }
        vm.playback().playingProperty().set(!args.flag("pause", false));
        checked(start.run());
        return "Started " + what + " from " + vm.keySpace().hex(vm.selection().selectedNode())
                + (args.flag("pause", false) ? "; paused: step it." : ".");
    }

    /** A lookup's start, which may read a required argument. */
    private interface Start {
        boolean run() throws LessonException;
    }

    /** The node of this network with id {@code text}, or a message naming what is wrong. */
    private NodeId node(String what, String text) throws LessonException {
        NodeId id;
        try {
            id = vm.keySpace().parse(text);
        } catch (IllegalArgumentException e) {
            throw new LessonException(what + ": " + e.getMessage());
        }
        if (!vm.network().contains(id)) {
            throw new LessonException(what + ": no node has id " + text + " in this network of "
                    + vm.network().nodeCount() + " nodes (the first is " + vm.keySpace().hex(vm.network().nodeIds().get(0)) + ")");
        }
        return id;
    }

    /** The caption, or the inline error as a failure when the action was refused. */
    private String checked(boolean ran) throws LessonException {
        if (!ran) {
            String why = vm.status().targetErrorProperty().get();
            throw new LessonException(why == null || why.isEmpty() ? "the window refused it" : why);
        }
        return caption();
    }

    private String caption() {
        return vm.status().captionProperty().get();
    }
}
