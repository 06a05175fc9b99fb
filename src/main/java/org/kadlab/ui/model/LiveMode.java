package org.kadlab.ui.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.kadlab.kad.NodeId;
import org.kadlab.net.ChannelFactory;
import org.kadlab.net.NetLimits;
import org.kadlab.net.TcpEndpoints;
import org.kadlab.sim.SimEvent;
import org.kadlab.ui.model.live.LiveConnection;
import org.kadlab.ui.model.live.LiveEvents;
import org.kadlab.ui.model.live.LiveNetwork;

/**
 * The window attached to a live network of real nodes instead of a simulation: connecting in the
 * background (with progress, Cancel and a clear error), then, once per frame, the latest crawl and a
 * bounded batch of the nodes' events handed to the same views; {@link #disconnect()} returns to the
 * simulated network and closes every stream and channel. Queries, kills and revivals on the live
 * network go through {@link LiveOperations}.
 */
public final class LiveMode {
    /** Why a control of the simulation does nothing on a live network (its tooltip and message). */
    public static final String SIMULATION_ONLY = "Only for a simulated network: a live network runs on its own "
            + "(File \u2192 Disconnect returns to the simulation).";
    /** Most events handed to the views in one frame. */
    public static final int EVENTS_PER_FRAME = 2_000;
    /** Longest token file read. */
    public static final int MAX_TOKEN_BYTES = 4_096;
    private final NetworkViewModel vm;
    private final LiveOperations operations;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper connectError = new ReadOnlyStringWrapper(this, "connectError", "");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "");
    private final AtomicReference<Object> handOff = new AtomicReference<>();
    private volatile String progressText = "";
    private ChannelFactory channels = TcpEndpoints.channels(NetLimits.defaults());
    private Thread connector;
    private LiveNetwork network;
    private long droppedLocally;
    private final List<SimEvent> batch = new ArrayList<>();

    LiveMode(NetworkViewModel vm) {
        this.vm = vm;
        this.operations = new LiveOperations(vm, this);
    }

    /** Opens channels with {@code factory} from now on (in-process channels in tests). */
    public void useChannels(ChannelFactory factory) {
        channels = factory;
    }

    /** Whether the window shows a live network. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** Whether a connection is being made in the background. */
    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** What the connection under way is doing. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last connection failed, or "". */
    public ReadOnlyStringProperty connectErrorProperty() {
        return connectError.getReadOnlyProperty();
    }

    /** "Live: 12 nodes via 127.0.0.1:7000 · 3 events dropped", or "" while simulated. */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** Queries, kills and revivals on the live network. */
    public LiveOperations operations() {
        return operations;
    }

    /** The live network shown, or null. */
    LiveNetwork network() {
        return network;
    }

    /** Events the window dropped because they came faster than it shows them (this app, not the nodes). */
    public long droppedLocally() {
        return network == null ? droppedLocally : droppedLocally + network.connection().feeds().droppedHere();
    }

    /** Events the nodes dropped because this app read too slowly. */
    public long droppedByNodes() {
        return network == null ? 0 : network.connection().events().droppedByNodes();
    }

    /** Why {@code address} is not HOST:PORT, or null when it is. */
    public static String checkAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            return "Type the address of one node, such as 127.0.0.1:7000.";
        }
        int colon = a.lastIndexOf(':');
        if (colon <= 0 || colon == a.length() - 1) {
            return "Write the address as HOST:PORT, such as 127.0.0.1:7000.";
        }
        String host = a.substring(0, colon);
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)) || host.length() > 253) {
            return "The host \"" + host + "\" is not a host name or address.";
        }
        try {
            int port = Integer.parseInt(a.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                return "The port must be between 1 and 65535, not " + port + ".";
            }
        } catch (NumberFormatException e) {
            return "The port must be a number, such as 7000.";
        }
        return null;
    }

    /**
     * Connects to the node at {@code address} in the background, reading the token from
     * {@code tokenFile} (blank for none); the window switches to the live network on the frame after
     * the first crawl. Returns false, with the reason in {@link #connectErrorProperty()}, for a
     * malformed address or while a connection is under way.
     */
    public boolean connect(String address, String tokenFile) {
        String bad = checkAddress(address);
        if (bad != null || connecting.get()) {
            connectError.set(bad != null ? bad : "A connection is already being made.");
            return false;
        }
        String a = address.strip();
        connectError.set("");
        connecting.set(true);
        progressText = "Connecting to " + a + "\u2026";
        progress.set(progressText);
        ChannelFactory factory = channels;
        Thread t = new Thread(() -> {
            try {
                String token = readToken(tokenFile);
                handOff.set(LiveConnection.open(a, factory, token, s -> progressText = s));
            } catch (InterruptedException e) {
                handOff.set(new Failure(""));
            } catch (IOException e) {
                handOff.set(new Failure("Cannot read the token file: " + e.getMessage()));
            } catch (io.grpc.StatusRuntimeException e) {
                handOff.set(new Failure(reason(a, e)));
            } catch (RuntimeException e) {
                handOff.set(new Failure("Cannot connect to " + a + ": " + e.getMessage()));
            }
        }, "kadlab-live-connect");
        t.setDaemon(true);
        connector = t;
        t.start();
        return true;
    }

    private record Failure(String message) {
    }

    private static String readToken(String tokenFile) throws IOException {
        if (tokenFile == null || tokenFile.isBlank()) {
            return null;
        }
        Path p = Path.of(tokenFile.strip());
        if (Files.size(p) > MAX_TOKEN_BYTES) {
            throw new IOException("longer than " + MAX_TOKEN_BYTES + " bytes");
        }
        return Files.readString(p, StandardCharsets.UTF_8).strip();
    }

    private static String reason(String address, io.grpc.StatusRuntimeException e) {
        return switch (e.getStatus().getCode()) {
            case UNAVAILABLE -> "No node answers at " + address + ": is it running, and is the address right?";
            case DEADLINE_EXCEEDED -> "The node at " + address + " did not answer in time.";
            case PERMISSION_DENIED, UNAUTHENTICATED -> "The node at " + address + " refused: give its token file.";
            default -> "Cannot connect to " + address + ": " + e.getStatus().getCode() + " "
                    + (e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription());
        };
    }

    /** Stops the connection under way; nothing changes. */
    public void cancelConnect() {
        Thread t = connector;
        if (t != null && connecting.get()) {
            t.interrupt();
            connecting.set(false);
            progress.set("");
            connector = null;
            Object late = handOff.getAndSet(null);
            if (late instanceof LiveConnection c) {
                closeInBackground(c);
            }
        }
    }

    /** Returns to the simulated network; every stream and channel is closed in the background. */
    public void disconnect() {
        cancelConnect();
        if (network == null) {
            return;
        }
        LiveConnection c = network.connection();
        droppedLocally = 0;
        network = null;
        operations.reset();
        active.set(false);
        badge.set("");
        closeInBackground(c);
        vm.showSimulation();
        vm.status().caption("Disconnected from " + c.address() + "; back to the simulated network.");
    }

    /** Closes everything now (the window closes). */
    void shutdown() {
        cancelConnect();
        if (network != null) {
            network.connection().close();
            network = null;
            active.set(false);
        }
    }

    private static void closeInBackground(LiveConnection c) {
        Thread t = new Thread(c::close, "kadlab-live-close");
        t.setDaemon(true);
        t.start();
    }

    /** The live network's time: ms since connecting. */
    long now() {
        return network == null ? 0 : network.now();
    }

    /**
     * One frame: takes a finished connection, the latest crawl and at most {@link #EVENTS_PER_FRAME}
     * events, and hands them to the views. Returns whether anything changed.
     */
    boolean tick() {
        boolean changed = takeConnection();
        if (connecting.get() && !progress.get().equals(progressText)) {
            progress.set(progressText);
        }
        if (network == null) {
            return changed;
        }
        if (network.update(network.connection().latest())) {
            vm.membershipChanged();
            vm.tableChanged();
            changed = true;
        }
        batch.clear();
        network.connection().feeds().drainTo(batch, EVENTS_PER_FRAME);
        for (SimEvent e : batch) {
            route(e);
        }
        changed |= !batch.isEmpty();
        changed |= operations.poll();
        String text = "Live: " + network.liveCount() + " of " + network.nodeCount() + " nodes via "
                + network.connection().address() + dropped();
        if (!text.equals(badge.get())) {
            badge.set(text);
            changed = true;
        }
        return changed;
    }

    private String dropped() {
        long here = droppedLocally();
        long there = droppedByNodes();
        return here + there == 0 ? "" : " \u00b7 events dropped: " + there + " by nodes, " + here + " here";
    }

    private boolean takeConnection() {
        Object got = handOff.getAndSet(null);
        if (got == null) {
            return false;
        }
        connecting.set(false);
        progress.set("");
        connector = null;
        if (got instanceof Failure f) {
            connectError.set(f.message());
            if (!f.message().isEmpty()) {
                vm.status().error(f.message());
            }
            return true;
        }
        LiveConnection c = (LiveConnection) got;
        network = new LiveNetwork(c);
        active.set(true);
        vm.showLive(network, c.latest().isEmpty() ? null : c.latest().get(0).id());
        vm.status().caption("Connected to the live network through " + c.address() + ": " + network.nodeCount()
                + " nodes found. Select a node and type a target to send a lookup through it.");
        return true;
    }

    /** One event of the live network to the sessions, the versions and the views. */
    private void route(SimEvent e) {
        network.observe(e);
        if (e instanceof SimEvent.BucketChanged b) {
            NodeId sel = vm.selection().selectedNode();
            if (sel != null && b.node().equals(sel)) {
                vm.tableChanged();
            }
        } else if (e instanceof SimEvent.LookupStarted s) {
            operations.started(s);
        } else if (e instanceof SimEvent.LookupProgressed p) {
            LiveEvents.Candidate detail = network.connection().events().takeCandidate(p);
            LookupSession session = vm.selection().session(p.lookup());
            if (session != null) {
                session.progressed(p, Long.MAX_VALUE / 4);
                session.candidateDetail(p, detail);
            }
        } else if (e instanceof SimEvent.LookupFinished f) {
            LookupSession session = vm.selection().session(f.lookup());
            if (session != null) {
                session.truthFrom(network.liveCount());
            }
        }
        vm.router().apply(e);
    }
}
