package org.kadlab.net;

/** A message that parsed as protobuf but does not make a valid Kademlia request or answer. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
