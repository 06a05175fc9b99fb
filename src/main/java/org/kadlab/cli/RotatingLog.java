package org.kadlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Copies a child process's output into a log file that never grows past a bound: at
 * {@code maxBytes} the file is renamed to {@code NAME.1} (replacing the older one) and a new one
 * begins, so at most twice the bound is kept. Lines longer than 4,096 characters are cut.
 */
final class RotatingLog {
    private static final int MAX_LINE = 4_096;

    private final Path file;
    private final long maxBytes;
    private OutputStream out;
    private long written;

    RotatingLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** Starts a daemon thread that copies {@code in} line by line until it ends. */
    static Thread pump(InputStream in, Path file, long maxBytes, String name) {
        RotatingLog log = new RotatingLog(file, maxBytes);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.write(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " ..." : line);
                }
            } catch (IOException e) {
                // the child is gone
            } finally {
                log.close();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    synchronized void write(String line) throws IOException {
        byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        if (out == null) {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written = Files.size(file);
        }
        if (written + bytes.length > maxBytes && written > 0) {
            out.close();
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            written = 0;
        }
        out.write(bytes);
        out.flush();
        written += bytes.length;
    }

    synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
            out = null;
        }
    }
}
