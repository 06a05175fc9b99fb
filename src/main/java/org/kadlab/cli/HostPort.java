package org.kadlab.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A {@code HOST:PORT} address as the network commands take it ({@code [::1]:7000} for IPv6), parsed
 * with a message naming the option when it is malformed.
 */
record HostPort(String host, int port) {
    /**
     * Parses {@code text}; {@code allowZero} lets port 0 through ("pick a free port").
     *
     * @throws IllegalArgumentException naming {@code what} and what is wrong
     */
    static HostPort parse(String text, String what, boolean allowZero) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException(what + " '" + text + "' is not HOST:PORT (for example 127.0.0.1:7000)");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(what + " '" + text + "': write an IPv6 host in brackets, as [::1]:7000");
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " '" + text + "' has no valid host");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "': the port '" + t.substring(colon + 1) + "' is not a number");
        }
        if (port < (allowZero ? 0 : 1) || port > 65_535) {
            throw new IllegalArgumentException(what + " '" + text + "': the port must be " + (allowZero ? 0 : 1)
                    + ".." + 65_535 + (allowZero ? " (0 picks a free port)" : ""));
        }
        return new HostPort(host, port);
    }

    /** Whether the host is a loopback address (resolving a name). */
    boolean isLoopback() throws UnknownHostException {
        return InetAddress.getByName(host).isLoopbackAddress();
    }

    /** Whether the host is a wildcard address (0.0.0.0 or ::), listening on every interface. */
    boolean isWildcard() throws UnknownHostException {
        return InetAddress.getByName(host).isAnyLocalAddress();
    }

    /** This host with another port. */
    HostPort withPort(int p) {
        return new HostPort(host, p);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
