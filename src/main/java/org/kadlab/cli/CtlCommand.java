package org.kadlab.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kadlab.kad.NodeId;
import org.kadlab.net.NetLimits;
import org.kadlab.net.NodeClient;
import org.kadlab.net.TcpEndpoints;
import org.kadlab.net.wire.ClusterNode;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.NodeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kadlab ctl}: one operation through a running node ({@code --node HOST:PORT ping |
 * find-node ID | store KEY VALUE | find-value KEY | table | kill}) or a cluster ({@code --cluster
 * HOST:PORT list | kill I | revive I}), printed readably or as JSON. Bad input exits 2, a node that
 * cannot be reached or refuses exits 1, each with one line.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
        description = "Sends one operation to a running node or cluster: ping, find-node ID, store KEY VALUE, find-value KEY, table, kill"
                + " (with --node); list, kill I, revive I (with --cluster).")
final class CtlCommand implements Callable<Integer> {
    private static final Map<String, Integer> NODE_OPS = Map.of("ping", 0, "find-node", 1, "store", 2, "find-value", 1,
            "table", 0, "kill", 0);
    private static final Map<String, Integer> CLUSTER_OPS = Map.of("list", 0, "kill", 1, "revive", 1);

    @Option(names = "--node", paramLabel = "HOST:PORT", description = "the node to send the operation through") String node;
    @Option(names = "--cluster", paramLabel = "HOST:PORT", description = "a cluster's control address") String cluster;
    @Option(names = "--json", description = "print the result as JSON") boolean json;
    @Option(names = "--token-file", paramLabel = "FILE", description = "the node's token (needed from another host)") Path tokenFile;
    @Option(names = "--timeout-ms", defaultValue = "30000", description = "deadline of the call (default ${DEFAULT-VALUE})") long timeoutMs;
    @Parameters(index = "0", paramLabel = "OPERATION", description = "what to do") String op;
    @Parameters(index = "1..*", paramLabel = "ARG", description = "the operation's arguments") List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A failure reported as one line with an exit code. */
    static final class Failure extends RuntimeException {
        final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            String token = validate();
            CtlOutput print = new CtlOutput(out, json);
            if (node != null) {
                onNode(HostPort.parse(node, "--node", false).toString(), token, print);
            } else {
                onCluster(HostPort.parse(cluster, "--cluster", false).toString(), token, print);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(KadLabCommand.BAD_INPUT, e.getMessage());
        } catch (Failure e) {
            return fail(e.code, e.getMessage());
        }
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("kadlab ctl: " + CliInputs.oneLine(message));
        spec.commandLine().getErr().flush();
        return code;
    }

    /** Checks everything that can be checked without a connection; returns the token (or null). */
    private String validate() {
        if ((node == null) == (cluster == null)) {
            throw new IllegalArgumentException("give exactly one of --node HOST:PORT and --cluster HOST:PORT");
        }
        if (timeoutMs < 1 || timeoutMs > 3_600_000) {
            throw new IllegalArgumentException("--timeout-ms must be 1..3600000, was " + timeoutMs);
        }
        Map<String, Integer> ops = node != null ? NODE_OPS : CLUSTER_OPS;
        Integer arity = ops.get(op);
        if (arity == null) {
            throw new IllegalArgumentException("unknown operation '" + op + "' with " + (node != null ? "--node" : "--cluster")
                    + "; use one of " + String.join(", ", ops.keySet().stream().sorted().toList()));
        }
        if (args.size() != arity) {
            throw new IllegalArgumentException(op + " takes " + arity + " argument" + (arity == 1 ? "" : "s")
                    + ", got " + args.size() + " " + args);
        }
        if (node != null && op.equals("find-node")) {
            CliInputs.requireHexSyntax(args.get(0), "find-node ID");
        }
        if (cluster != null && arity == 1) {
            index(args.get(0));
        }
        HostPort.parse(node != null ? node : cluster, node != null ? "--node" : "--cluster", false);
        return CliInputs.readToken(tokenFile);
    }

    private static int index(String text) {
        try {
            int i = Integer.parseInt(text);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("node index '" + text + "' is not a number from 0");
    }

    private void onNode(String address, String token, CtlOutput print) {
        long start = System.nanoTime();
        try (NodeClient client = call(address, () -> NodeClient.connect(address, TcpEndpoints.channels(NetLimits.defaults()),
                token, timeoutMs))) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            switch (op) {
                case "ping" -> print.ping(address, client.info(), ms);
                case "find-node" -> {
                    NodeId target = CliInputs.parseId(client.keySpace(), args.get(0), "find-node ID");
                    print.findNode(client, call(address, () -> client.findNode(target)));
                }
                case "store" -> print.store(client, args.get(0), call(address, () -> client.store(args.get(0), args.get(1))));
                case "find-value" -> print.findValue(client, args.get(0), call(address, () -> client.findValue(args.get(0))));
                case "table" -> {
                    var table = call(address, client::table);
                    NodeInfo now = call(address, client::refreshInfo);
                    print.table(client, table, now.getNowMs());
                }
                case "kill" -> killThroughCluster(address, client.info(), token, print);
                default -> throw new IllegalArgumentException("unknown operation " + op);
            }
        }
    }

    private void killThroughCluster(String address, NodeInfo info, String token, CtlOutput print) {
        String clusterAddress = info.getCluster();
        if (clusterAddress.isEmpty()) {
            throw new Failure(KadLabCommand.INTERNAL_ERROR, address + " was not started by a cluster (its Info names none):"
                    + " nothing can kill it from here; stop its process instead");
        }
        ClusterReply list = clusterCall(clusterAddress, token, NodeClient.ClusterAction.LIST, 0);
        ClusterNode match = list.getNodesList().stream()
                .filter(n -> n.getAddress().equals(address) || n.getId().equals(info.getSelf().getId()))
                .findFirst().orElseThrow(() -> new Failure(KadLabCommand.INTERNAL_ERROR,
                        "the cluster at " + clusterAddress + " does not list " + address));
        print.cluster(clusterCall(clusterAddress, token, NodeClient.ClusterAction.KILL, match.getIndex()), info.getBits());
    }

    private void onCluster(String address, String token, CtlOutput print) {
        NodeClient.ClusterAction action = switch (op) {
            case "list" -> NodeClient.ClusterAction.LIST;
            case "kill" -> NodeClient.ClusterAction.KILL;
            default -> NodeClient.ClusterAction.REVIVE;
        };
        int i = args.isEmpty() ? 0 : index(args.get(0));
        ClusterReply reply = clusterCall(address, token, action, i);
        print.cluster(reply, bitsOf(reply, token));
    }

    /** The id width of the cluster's nodes, asked of a live one; 0 when none answers. */
    private int bitsOf(ClusterReply reply, String token) {
        for (ClusterNode n : reply.getNodesList()) {
            if (n.getAlive()) {
                try (NodeClient c = NodeClient.connect(n.getAddress(), token, Math.min(timeoutMs, 2_000))) {
                    return c.info().getBits();
                } catch (StatusRuntimeException e) {
                    // try the next one
                }
            }
        }
        return 0;
    }

    private ClusterReply clusterCall(String address, String token, NodeClient.ClusterAction action, int index) {
        return call(address, () -> NodeClient.cluster(TcpEndpoints.channels(NetLimits.defaults()), address, token, timeoutMs,
                action, index));
    }

    private interface Remote<T> {
        T get();
    }

    /** Runs a remote call, turning its failure into one line. */
    private <T> T call(String address, Remote<T> remote) {
        try {
            return remote.get();
        } catch (StatusRuntimeException e) {
            throw describe(address, e);
        }
    }

    private Failure describe(String address, StatusRuntimeException e) {
        Status s = e.getStatus();
        String why = s.getCause() != null ? NodeCommand.rootMessage(s.getCause())
                : s.getDescription() != null ? s.getDescription() : s.getCode().name();
        return switch (s.getCode()) {
            case UNAVAILABLE -> new Failure(KadLabCommand.INTERNAL_ERROR, "cannot reach " + address + ": "
                    + (why.contains("Connection refused") ? "connection refused (is a node listening there?)" : why));
            case DEADLINE_EXCEEDED -> new Failure(KadLabCommand.INTERNAL_ERROR, address + " did not answer within " + timeoutMs + " ms");
            case PERMISSION_DENIED, UNAUTHENTICATED -> new Failure(KadLabCommand.INTERNAL_ERROR, address + " refused: " + why);
            case INVALID_ARGUMENT -> new Failure(KadLabCommand.BAD_INPUT, address + ": " + why);
            case UNIMPLEMENTED -> new Failure(KadLabCommand.INTERNAL_ERROR, address + " does not serve this call (is it a "
                    + (node != null ? "node" : "cluster's control port") + "?)");
            default -> new Failure(KadLabCommand.INTERNAL_ERROR, address + ": " + why);
        };
    }
}
