package org.kadlab.ui.model.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.ChannelFactory;
import org.kadlab.net.NodeClient;
import org.kadlab.net.wire.ClusterReply;
import org.kadlab.net.wire.NodeInfo;

/**
 * The app's link to a live network through one node's address: the crawler that finds the nodes
 * (again every {@link #RECRAWL_MS}), the event streams, and clients for the user's operations and
 * for the cluster that started the nodes. {@link #close()} ends every stream, call and channel.
 */
public final class LiveConnection implements AutoCloseable {
    /** How often the network is crawled again, to see joins and deaths. */
    public static final long RECRAWL_MS = 2_000;
    /** The deadline of the first call to the node given. */
    public static final long CONNECT_DEADLINE_MS = 3_000;
    /** The deadline of a user's operation (a lookup may take several RPC timeouts). */
    public static final long OPERATION_DEADLINE_MS = 30_000;
    private final String address;
    private final ChannelFactory channels;
    private final String token;
    private final NodeInfo seedInfo;
    private final KeySpace keySpace;
    private final long originMs;
    private final LiveCrawler crawler;
    private final LiveEvents events;
    private final LiveFeeds feeds;
    private final ScheduledExecutorService timer;
    private volatile List<LiveCrawler.Seen> latest;
    private volatile long crawls;
    private volatile boolean closed;

    private LiveConnection(String address, ChannelFactory channels, String token, NodeClient seed) {
        this.address = address;
        this.channels = channels;
        this.token = token;
        this.seedInfo = seed.info();
        this.keySpace = seed.keySpace();
        this.originMs = System.currentTimeMillis();
        this.crawler = new LiveCrawler(channels, token, seed);
        this.latest = crawler.seen();
        this.events = new LiveEvents(seed.codec(), keySpace, seedInfo.getK(), originMs, this::liveIds);
        this.feeds = new LiveFeeds(events);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kadlab-live-recrawl");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the node at {@code address}, crawls the network once and follows the event
     * streams; then crawls again every {@link #RECRAWL_MS}. Blocking: call it off the UI thread.
     *
     * @param progress told what happens ("Found 12 nodes..."), from this thread
     * @throws io.grpc.StatusRuntimeException when the node cannot be reached or refuses
     * @throws InterruptedException when cancelled
     */
    public static LiveConnection open(String address, ChannelFactory channels, String token, Consumer<String> progress)
            throws InterruptedException {
        progress.accept("Asking " + address + " who it is\u2026");
        NodeClient seed = NodeClient.connect(address, channels, token, CONNECT_DEADLINE_MS);
        LiveConnection c = new LiveConnection(address, channels, token, seed);
        try {
            progress.accept("Reading routing tables from " + address + "\u2026");
            c.crawlOnce();
            progress.accept("Found " + c.latest.size() + " nodes; following their events\u2026");
            c.timer.scheduleWithFixedDelay(c::recrawl, RECRAWL_MS, RECRAWL_MS, TimeUnit.MILLISECONDS);
            return c;
        } catch (InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void recrawl() {
        try {
            crawlOnce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // one failed crawl is not the end: the next one tries again
        }
    }

    /** Crawls once now and follows the new nodes' streams (blocking). */
    public void crawlOnce() throws InterruptedException {
        List<LiveCrawler.Seen> seen = crawler.crawl();
        if (closed) {
            return;
        }
        latest = seen;
        crawls++;
        feeds.follow(seen, crawler::client);
    }

    /** The nodes the last crawl saw, in the order found. */
    public List<LiveCrawler.Seen> latest() {
        return latest;
    }

    /** How many crawls ended so far. */
    public long crawls() {
        return crawls;
    }

    private List<NodeId> liveIds() {
        List<NodeId> out = new ArrayList<>();
        for (LiveCrawler.Seen s : latest) {
            if (s.alive()) {
                out.add(s.id());
            }
        }
        return out;
    }

    /** The address the app connected through. */
    public String address() {
        return address;
    }

    /** Who the node given said it was. */
    public NodeInfo seedInfo() {
        return seedInfo;
    }

    public KeySpace keySpace() {
        return keySpace;
    }

    /** Time since connecting, in ms: the live network's "now". */
    public long now() {
        return System.currentTimeMillis() - originMs;
    }

    public LiveEvents events() {
        return events;
    }

    public LiveFeeds feeds() {
        return feeds;
    }

    /** A client for one operation through the node at {@code nodeAddress}; the caller closes it. Blocking. */
    public NodeClient operationClient(String nodeAddress) {
        return NodeClient.connect(nodeAddress, channels, token, OPERATION_DEADLINE_MS);
    }

    /** Asks the cluster supervisor at {@code clusterAddress}. Blocking. */
    public ClusterReply cluster(String clusterAddress, NodeClient.ClusterAction action, int index) {
        return NodeClient.cluster(channels, clusterAddress, token, CONNECT_DEADLINE_MS, action, index);
    }

    /** Whether it was closed. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        feeds.close();
        crawler.close();
        try {
            timer.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
