package org.kadlab.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.kadlab.kad.LookupPurpose;
import org.kadlab.kad.NodeId;
import org.kadlab.net.MalformedMessageException;
import org.kadlab.net.NodeClient;
import org.kadlab.net.WireCodec;
import org.kadlab.net.wire.ClusterNode;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.LookupReply;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.StoreReply;
import org.kadlab.sim.OperationRecord;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.live.LiveConnection;
import org.kadlab.ui.model.live.LiveNetwork;

/**
 * The user's queries on a live network, each sent through the selected node on a background thread,
 * and kills and revivals through the cluster that started the nodes. The session of a query follows
 * the lookup the node starts for it (matched by origin, target and purpose, or by the lookup id in
 * the answer) and ends with the node's own answer; if the node's event stream is not followed, the
 * answer alone ends it.
 */
public final class LiveOperations {
    /** How long after the answer the lookup's own end event may still come, in ms. */
    static final long END_GRACE_MS = 1_500;
    /** Most queries waiting for their lookup to start. */
    static final int MAX_PENDING = 50;
    private final NetworkViewModel vm;
    private final LiveMode mode;
    private final ArrayDeque<LookupSession> awaitingStart = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> done = new ConcurrentLinkedQueue<>();
    private final List<Ended> answered = new ArrayList<>();
    private ExecutorService worker = newWorker();

    /** A node's answer: the lookup's reply, the peers that acknowledged a store (else null), and the codec of its ids. */
    private record Answer(LookupSession session, LookupReply reply, List<NodeId> acks, WireCodec codec) {
    }

    private record Ended(LookupSession session, OperationRecord record, long at) {
    }

    LiveOperations(NetworkViewModel vm, LiveMode mode) {
        this.vm = vm;
        this.mode = mode;
    }

    private static ExecutorService newWorker() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kadlab-live-ops");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends find_node for {@code target} through {@code origin}. */
    boolean findNode(NodeId origin, NodeId target) {
        LookupSession s = new LookupSession(origin, target, vm.network().now());
        return send(s, c -> {
            return new Answer(s, c.findNode(target), null, c.codec());
        });
    }

    /** Sends find_value for {@code key} through {@code origin}. */
    boolean findValue(NodeId origin, String key) {
        LookupSession s = new LookupSession(LookupPurpose.FIND_VALUE, origin, vm.keySpace().keyId(key), vm.network().now(),
                key, null);
        return send(s, c -> {
            return new Answer(s, c.findValue(key), null, c.codec());
        });
    }

    /** Sends store of {@code key} = {@code value} through {@code origin}. */
    boolean store(NodeId origin, String key, String value) {
        LookupSession s = new LookupSession(LookupPurpose.STORE, origin, vm.keySpace().keyId(key), vm.network().now(),
                key, value);
        return send(s, c -> {
            StoreReply r = c.store(key, value);
            return new Answer(s, r.getLookup(), ids(c.codec(), r.getAcknowledgedList()), c.codec());
        });
    }

    private boolean send(LookupSession s, Function<NodeClient, Answer> call) {
        LiveNetwork net = mode.network();
        String address = net == null ? null : net.addressOf(s.origin());
        if (address == null) {
            vm.status().error("Select a node of the live network first.");
            return false;
        }
        s.followLive();
        s.ranUnder("live, through " + address);
        vm.selection().inspect(s);
        vm.selection().remember(s);
        awaitingStart.addLast(s);
        while (awaitingStart.size() > MAX_PENDING) {
            awaitingStart.pollFirst();
        }
        LiveConnection c = net.connection();
        worker.submit(() -> {
            try (NodeClient client = c.operationClient(address)) {
                Answer a = call.apply(client);
                done.add(() -> answered(a));
            } catch (RuntimeException e) {
                done.add(() -> failed(s, e));
            }
        });
        vm.status().caption("Sent " + s.title(vm.keySpace()) + " through " + address + "; its RPCs show as they happen.");
        vm.bump();
        return true;
    }

    /** The operation's record from the node's answer, judged against the ground truth from the ids known now. */
    private OperationRecord record(Answer a, LiveNetwork net) {
        LookupSession s = a.session();
        LookupReply r = a.reply();
        WireCodec codec = a.codec();
        String op = switch (s.purpose()) {
            case FIND_VALUE -> "find_value";
            case STORE -> "store";
            default -> "find_node";
        };
        List<NodeId> result = ids(codec, r.getClosestList());
        List<NodeId> truth = net.connection().events().groundTruth(s.origin(), s.target());
        List<NodeId> missed = new ArrayList<>(truth);
        missed.removeAll(result);
        NodeId from = null;
        if (r.hasValueFrom()) {
            from = ids(codec, List.of(r.getValueFrom())).stream().findFirst().orElse(null);
        }
        boolean fv = "find_value".equals(op);
        return new OperationRecord(op, s.origin(), s.target(), s.startedAt(), s.startedAt() + r.getElapsedMs(),
                a.acks() != null ? a.acks() : result,
                fv ? r.getFound() : null, fv && r.getFound() ? r.getValue() : null, r.getHops(), r.getRpcs(),
                r.getFailures(), truth, result.equals(truth), missed, null, from);
    }

    private static List<NodeId> ids(WireCodec codec, List<Peer> peers) {
        List<NodeId> out = new ArrayList<>();
        for (Peer p : peers) {
            try {
                out.add(codec.nodeId(p.getId(), "peer id"));
            } catch (MalformedMessageException e) {
                // an id we cannot read is left out
            }
        }
        return out;
    }

    /** The node started a lookup: the oldest query of the same origin, target and purpose waiting for one follows it. */
    void started(SimEvent.LookupStarted e) {
        for (Iterator<LookupSession> it = awaitingStart.iterator(); it.hasNext(); ) {
            LookupSession s = it.next();
            if (s.origin().equals(e.origin()) && s.target().equals(e.target()) && s.purpose() == e.purpose()) {
                it.remove();
                bind(s, e.lookup());
                return;
            }
        }
    }

    private void bind(LookupSession s, long id) {
        if (s.simId() < 0) {
            s.started(id);
            vm.selection().follow(s);
        }
    }

    private void answered(Answer a) {
        LookupSession s = a.session();
        LiveNetwork net = mode.network();
        if (net == null) {
            return;
        }
        if (s.simId() < 0) {
            awaitingStart.remove(s);
            bind(s, net.connection().events().lookupId(s.origin(), a.reply().getLookupId()));
        }
        OperationRecord rec = record(a, net);
        s.completed(rec, null);
        answered.add(new Ended(s, rec, System.currentTimeMillis()));
        tell(s);
    }

    private void failed(LookupSession s, RuntimeException e) {
        awaitingStart.remove(s);
        s.completed(null, e);
        if (!s.isOver()) {
            s.abandon();
        }
        tell(s);
    }

    private void tell(LookupSession s) {
        String text = s.result(vm.keySpace());
        if (text != null) {
            if (s == vm.selection().selectedLookup()) {
                vm.operations().showResultOf(s);
            }
            vm.status().caption(text);
        }
    }

    /**
     * Runs what the background threads finished, and ends the sessions whose lookup end never came
     * (their node's stream is not followed). Returns whether anything changed.
     */
    boolean poll() {
        boolean changed = false;
        for (Runnable r; (r = done.poll()) != null; ) {
            r.run();
            changed = true;
        }
        long now = System.currentTimeMillis();
        for (Iterator<Ended> it = answered.iterator(); it.hasNext(); ) {
            Ended a = it.next();
            LookupSession s = a.session();
            if (s.isOver()) {
                it.remove();
            } else if (now - a.at() >= END_GRACE_MS || !mode.network().connection().feeds().follows(s.origin())) {
                it.remove();
                OperationRecord r = a.record();
                vm.router().apply(new SimEvent.LookupFinished(vm.network().now(), s.simId(), s.origin(), s.target(),
                        s.purpose(), r.result(), r.hops(), r.rpcs(), r.failures(), r.found(), r.truth(), r.exact(), r.missed()));
                changed = true;
            }
        }
        return changed;
    }

    /** Kills the selected node through its cluster; false, with a message, when it has none. */
    public boolean killSelected() {
        return cluster(NodeClient.ClusterAction.KILL, "kill");
    }

    /** Revives the selected node (when it is down) through its cluster; false, with a message, when it has none. */
    public boolean reviveSelected() {
        return cluster(NodeClient.ClusterAction.REVIVE, "revive");
    }

    /** Why Kill / Revive cannot act on the selected node, or null when its cluster can. */
    public String cannotControl() {
        LiveNetwork net = mode.network();
        NodeId sel = vm.selection().selectedNode();
        if (net == null || sel == null) {
            return "Select a node first.";
        }
        if (net.clusterOf(sel).isEmpty()) {
            return "This node was not started by a kadlab cluster, so the app cannot kill or revive it.";
        }
        return null;
    }

    private boolean cluster(NodeClient.ClusterAction action, String verb) {
        String why = cannotControl();
        if (why != null) {
            vm.status().error(why);
            return false;
        }
        LiveNetwork net = mode.network();
        NodeId sel = vm.selection().selectedNode();
        String hex = vm.keySpace().hex(sel);
        String clusterAddress = net.clusterOf(sel);
        LiveConnection c = net.connection();
        WireCodec codec = new WireCodec(c.keySpace());
        worker.submit(() -> {
            String said;
            try {
                ClusterReply list = c.cluster(clusterAddress, NodeClient.ClusterAction.LIST, 0);
                int index = -1;
                for (ClusterNode n : list.getNodesList()) {
                    if (sel.equals(codec.nodeId(n.getId(), "id"))) {
                        index = n.getIndex();
                    }
                }
                said = index < 0 ? "The cluster at " + clusterAddress + " does not know " + hex + "."
                        : describe(c.cluster(clusterAddress, action, index), verb, hex);
            } catch (RuntimeException | MalformedMessageException e) {
                said = "Could not " + verb + " " + hex + ": " + e.getMessage();
            }
            String text = said;
            done.add(() -> vm.status().caption(text));
        });
        vm.status().caption("Asking the cluster at " + clusterAddress + " to " + verb + " " + hex + "\u2026");
        return true;
    }

    private static String describe(ClusterReply r, String verb, String hex) {
        return r.getMessage().isEmpty() ? "Asked the cluster to " + verb + " " + hex + "; the next crawl shows it."
                : r.getMessage();
    }

    /** Forgets the queries of a network left; their threads end on their own. */
    void reset() {
        awaitingStart.clear();
        answered.clear();
        done.clear();
        worker.shutdownNow();
        worker = newWorker();
    }
}
