package org.kadlab.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kadlab.kad.KeySpace;
import org.kadlab.net.NodeHost;

/**
 * A node started by {@code kadlab node}: its host, its log and (with a data directory) the saver
 * that writes its records at most once a second after they change, and once more on stop.
 * {@link #close()} stops it once, from any thread (the shutdown hook, the parent watcher, a test).
 */
final class RunningNode implements AutoCloseable {
    private final NodeHost host;
    private final NodeLog log;
    private final Saver saver;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    RunningNode(NodeHost host, NodeLog log, Saver saver) {
        this.host = host;
        this.log = log;
        this.saver = saver;
    }

    NodeHost host() {
        return host;
    }

    /** Blocks until the node was stopped. */
    void awaitClosed() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        try {
            if (saver != null) {
                saver.stop();
            }
            host.close();
            log.always("stopped");
        } finally {
            done.countDown();
        }
    }

    /** Writes the node's records to its data directory when they changed, at most once a second, off the node's thread. */
    static final class Saver {
        private final NodeDataDir data;
        private final KeySpace space;
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kadlab-node-saver");
            t.setDaemon(true);
            return t;
        });
        private NodeHost host;
        private NodeLog log;

        Saver(NodeDataDir data, KeySpace space) {
            this.data = data;
            this.space = space;
        }

        /** The records changed (called on the node's thread: only sets a flag). */
        void changed() {
            dirty.set(true);
        }

        void start(NodeHost h, NodeLog l) {
            this.host = h;
            this.log = l;
            timer.scheduleWithFixedDelay(() -> {
                if (dirty.getAndSet(false)) {
                    save();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        /** Stops the timer and writes the records one last time (the host still running). */
        void stop() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (host != null) {
                save();
            }
        }

        private void save() {
            try {
                List<NodeDataDir.Saved> records = NodeDataDir.snapshot(host).get(5, TimeUnit.SECONDS);
                data.writeRecords(space, records);
            } catch (IOException e) {
                log.line("cannot save the records in " + data.dir() + ": " + CliInputs.oneLine(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.line("cannot read the records to save: " + CliInputs.oneLine(NodeCommand.rootMessage(e)));
            }
        }
    }
}
