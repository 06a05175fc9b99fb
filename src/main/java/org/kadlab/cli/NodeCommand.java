package org.kadlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadConfig;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.HostOptions;
import org.kadlab.net.NetLimits;
import org.kadlab.net.NodeClient;
import org.kadlab.net.NodeHost;
import org.kadlab.net.TcpEndpoints;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kadlab node}: runs one real node in the foreground until SIGINT/SIGTERM. Loopback only
 * unless {@code --allow-remote}; joins through {@code --bootstrap} seeds ({@code HOST:PORT}, whose
 * id is asked through its Info call, or {@code HEXID@HOST:PORT}); keeps its id and records in
 * {@code --data-dir}; logs one line per notable event, bounded per second.
 */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Runs one Kademlia node on a real network (gRPC over TCP) in the foreground; Ctrl-C stops it.")
final class NodeCommand implements Callable<Integer> {
    /** Log lines a second before lines are skipped (and counted). */
    static final int LOG_LINES_PER_SECOND = 20;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "where to listen; port 0 picks a free port; a non-loopback host needs --allow-remote")
    String listen;
    @Option(names = "--bootstrap", paramLabel = "[ID@]HOST:PORT", description = "a node to join through (repeatable)")
    List<String> bootstrap = new ArrayList<>();
    @Option(names = "--id", paramLabel = "HEX", description = "this node's id (default: the one in --data-dir, else random)")
    String id;
    @Mixin
    ProtocolOptions protocol = new ProtocolOptions();
    @Option(names = "--seed", description = "seed of the node's randomness (its id when none is given, refresh targets)")
    Long seed;
    @Option(names = "--data-dir", paramLabel = "DIR", description = "keeps the node's id and records here")
    Path dataDir;
    @Option(names = "--token-file", paramLabel = "FILE", description = "a shared token: control calls from other hosts must present it")
    Path tokenFile;
    @Option(names = "--allow-remote", description = "allow listening on a non-loopback address")
    boolean allowRemote;
    @Option(names = "--advertise", paramLabel = "HOST",
            description = "the host name or address other nodes reach this node at (default: the --listen host; for 0.0.0.0 this host's first network address)")
    String advertise;
    @Option(names = "--cluster", hidden = true, description = "the control address of the cluster that started this node")
    String cluster;
    @Option(names = "--exit-with-parent", hidden = true, description = "stop when standard input ends (the parent died)")
    boolean exitWithParent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RunningNode node;
        try {
            node = start(spec.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            err.println("kadlab node: " + CliInputs.oneLine(e.getMessage()));
            return KadLabCommand.BAD_INPUT;
        } catch (IllegalStateException e) {
            err.println("kadlab node: " + CliInputs.oneLine(e.getMessage()));
            return KadLabCommand.INTERNAL_ERROR;
        }
        Thread hook = new Thread(node::close, "kadlab-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (exitWithParent) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                node.close();
            }, "kadlab-node-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        node.awaitClosed();
        return 0;
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // nothing is expected; only the end matters
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }

    /**
     * Validates the options, starts the node, restores its records, joins and returns it running.
     *
     * @throws IllegalArgumentException bad input (one line naming it)
     * @throws IllegalStateException    the node could not start or join
     */
    RunningNode start(PrintWriter out) {
        KadConfig config = protocol.config();
        KeySpace space = config.keySpace();
        HostPort at = HostPort.parse(listen, "--listen", true);
        boolean loopback = resolve(at, "--listen", at::isLoopback);
        if (!loopback && !allowRemote) {
            throw new IllegalArgumentException("--listen " + at + " is not a loopback address: other hosts could reach the node;"
                    + " add --allow-remote to mean it");
        }
        String token = CliInputs.readToken(tokenFile);
        List<Object> seeds = new ArrayList<>();
        for (String b : bootstrap) {
            int atSign = b.indexOf('@');
            if (atSign >= 0) {
                NodeId seedId = CliInputs.parseId(space, b.substring(0, atSign), "--bootstrap id");
                seeds.add(new Contact(seedId, HostPort.parse(b.substring(atSign + 1), "--bootstrap", false).toString()));
            } else {
                seeds.add(HostPort.parse(b, "--bootstrap", false));
            }
        }
        NodeDataDir data = dataDir == null ? null : NodeDataDir.open(dataDir);
        NodeId self = id != null ? CliInputs.parseId(space, id, "--id") : data == null ? null : data.readId(space);
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        if (self == null) {
            self = space.randomId(random);
        }
        List<NodeDataDir.Saved> saved = data == null ? List.of() : data.readRecords(space);
        if (data != null) {
            try {
                data.writeId(space, self);
            } catch (IOException e) {
                throw new IllegalArgumentException("--data-dir " + data.dir() + ": cannot write " + NodeDataDir.ID_FILE
                        + " (" + e.getMessage() + ")");
            }
        }
        if (advertise != null && (advertise.isBlank() || advertise.strip().chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("--advertise '" + advertise + "' is not a host name or address");
        }
        int port = at.port() == 0 ? freePort(at) : at.port();
        boolean wildcard = resolve(at, "--listen", at::isWildcard);
        String reachHost = advertise != null ? advertise.strip() : wildcard ? networkAddress() : at.host();
        HostPort reach = new HostPort(reachHost, port);
        Contact me = new Contact(self, reach.toString());
        NetLimits limits = NetLimits.defaults();
        RunningNode.Saver saver = data == null ? null : new RunningNode.Saver(data, space);
        NodeLog watcher = new NodeLog(out, space, LOG_LINES_PER_SECOND, System::currentTimeMillis,
                saver == null ? () -> { } : saver::changed);
        NodeHost host;
        try {
            host = NodeHost.start(me, config, limits, TcpEndpoints.server(at.host(), port, limits),
                    TcpEndpoints.channels(limits), random.nextLong(), watcher,
                    HostOptions.defaults().withToken(token).withCluster(cluster));
        } catch (IOException e) {
            throw new IllegalArgumentException("--listen " + at.withPort(port) + ": cannot listen there ("
                    + CliInputs.oneLine(rootMessage(e)) + ")");
        }
        RunningNode node = new RunningNode(host, watcher, saver);
        try {
            watcher.always(String.format(Locale.ROOT, "listening on %s as %s (%d-bit ids, k=%d, alpha=%d, %s, rpc timeout %d ms)",
                    reach, space.hex(self), space.bits(), config.k(), config.alpha(),
                    config.lookupMode().name().toLowerCase(Locale.ROOT), config.rpcTimeoutMs()));
            if (!loopback) {
                watcher.always("exposed on " + at.withPort(port) + ": the Kademlia calls to anyone who can reach the port; control calls "
                        + (token == null ? "refused from other hosts (no --token-file)" : "from other hosts only with the token")
                        + "; peers are told to reach this node at " + reach);
            }
            if (saver != null) {
                int restored = NodeDataDir.restore(host, saved).get(10, TimeUnit.SECONDS);
                watcher.always("data dir " + data.dir() + ": " + restored + " of " + saved.size() + " saved records restored");
                saver.start(host, watcher);
            }
            join(node, seeds, token, config, watcher);
            return node;
        } catch (RuntimeException | java.util.concurrent.ExecutionException | TimeoutException e) {
            node.close();
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("the node failed to start: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
            throw new IllegalStateException("interrupted while starting");
        }
    }

    private void join(RunningNode node, List<Object> seeds, String token, KadConfig config, NodeLog log)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        if (seeds.isEmpty()) {
            log.always("no --bootstrap: waiting for other nodes to join through this one");
            return;
        }
        List<Contact> contacts = new ArrayList<>();
        for (Object s : seeds) {
            if (s instanceof Contact c) {
                contacts.add(c);
                continue;
            }
            String addr = s.toString();
            try (NodeClient c = NodeClient.connect(addr, token, Math.max(2_000, 2 * config.rpcTimeoutMs()))) {
                if (c.info().getBits() != config.bits()) {
                    log.always("seed " + addr + " runs " + c.info().getBits() + "-bit ids, not " + config.bits() + ": skipped");
                    continue;
                }
                contacts.add(new Contact(c.id(), addr));
            } catch (RuntimeException e) {
                log.always("cannot reach seed " + addr + ": " + CliInputs.oneLine(rootMessage(e)));
            }
        }
        if (contacts.isEmpty()) {
            throw new IllegalStateException("cannot reach any --bootstrap node (" + seeds + ")");
        }
        long bound = 60L * config.rpcTimeoutMs();
        try {
            int size = node.host().bootstrap(contacts).get(bound, TimeUnit.MILLISECONDS);
            log.always("joined through " + contacts.size() + " seed" + (contacts.size() == 1 ? "" : "s") + ": the routing table has "
                    + size + " contacts");
        } catch (TimeoutException e) {
            log.always("the join is still running after " + bound + " ms; the node keeps going");
        }
    }

    private interface Check {
        boolean test() throws UnknownHostException;
    }

    private static boolean resolve(HostPort at, String what, Check check) {
        try {
            return check.test();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + " " + at + ": unknown host " + at.host());
        }
    }

    /** A free port on the listen host (bind port 0, read it, release it). */
    private static int freePort(HostPort at) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(at.host(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalArgumentException("--listen " + at + ": cannot listen there (" + CliInputs.oneLine(e.getMessage()) + ")");
        }
    }

    /** This host's first non-loopback IPv4 address (what peers on other hosts are told), else the host name. */
    private static String networkAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalArgumentException("--listen on every interface: cannot tell this host's address; give --advertise HOST");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
