package org.kadlab.net;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.wire.KadMessage;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.Record;
import org.kadlab.net.wire.Refusal;

/**
 * Maps the core's requests, answers and contacts to the wire message and back. Decoding checks
 * everything a peer could get wrong (id width, missing fields, bad UTF-8, too many peers) and
 * throws {@link MalformedMessageException} instead of guessing.
 */
public final class WireCodec {
    /** Most contacts one answer may carry (a node answers with at most k). */
    public static final int MAX_PEERS = 1_000;
    /** Longest address accepted from a peer. */
    public static final int MAX_ADDRESS_CHARS = 255;

    private final KeySpace keySpace;
    private final int idBytes;

    public WireCodec(KeySpace keySpace) {
        this.keySpace = Objects.requireNonNull(keySpace, "keySpace");
        this.idBytes = (keySpace.bits() + 7) / 8;
    }

    // ------------------------------------------------------------------ encoding

    /** The wire form of {@code request} sent by {@code sender}. */
    public KadMessage encodeRequest(Contact sender, KadRequest request) {
        KadMessage.Builder m = KadMessage.newBuilder()
                .setRequestId(request.requestId())
                .setSender(peer(sender));
        if (request instanceof KadRequest.Ping) {
            m.setType(KadMessage.Type.PING);
        } else if (request instanceof KadRequest.FindNode f) {
            m.setType(KadMessage.Type.FIND_NODE).setKey(id(f.target()));
        } else if (request instanceof KadRequest.FindValue f) {
            m.setType(KadMessage.Type.GET_VALUE).setKey(id(f.key()));
        } else if (request instanceof KadRequest.Store s) {
            m.setType(KadMessage.Type.PUT_VALUE).setKey(id(s.key()))
                    .setRecord(Record.newBuilder().setKey(id(s.key()))
                            .setValue(ByteString.copyFromUtf8(s.value())).setTtlMs(s.ttlMs()));
        }
        return m.build();
    }

    /** The wire form of {@code response}, the answer to a request of type {@code type}. */
    public KadMessage encodeResponse(KadMessage.Type type, KadResponse response) {
        KadMessage.Builder m = KadMessage.newBuilder().setType(type).setRequestId(response.requestId());
        if (response instanceof KadResponse.Nodes n) {
            for (Contact c : n.closest()) {
                m.addCloserPeers(peer(c));
            }
        } else if (response instanceof KadResponse.Value v) {
            m.setRecord(Record.newBuilder().setValue(ByteString.copyFromUtf8(v.value())).setTtlMs(v.ttlMs()));
        } else if (response instanceof KadResponse.Error e) {
            Refusal.Code code = e.code() == KadResponse.ErrorCode.STORE_FULL
                    ? Refusal.Code.STORE_FULL : Refusal.Code.BAD_REQUEST;
            m.setRefusal(Refusal.newBuilder().setCode(code).setMessage(e.message() == null ? "" : e.message()));
        }
        return m.build();
    }

    /** A contact as a wire peer. */
    public Peer peer(Contact c) {
        return Peer.newBuilder().setId(id(c.id())).addAddresses(c.address()).build();
    }

    /** The id as exactly as many big-endian bytes as the key space needs. */
    public ByteString id(NodeId id) {
        byte[] raw = id.toBigInteger().toByteArray(); // may carry a leading sign byte or be shorter
        byte[] out = new byte[idBytes];
        int n = Math.min(raw.length, idBytes);
        System.arraycopy(raw, raw.length - n, out, idBytes - n, n);
        return ByteString.copyFrom(out);
    }

    // ------------------------------------------------------------------ decoding

    /** The sender of a request. */
    public Contact decodeSender(KadMessage m) throws MalformedMessageException {
        if (!m.hasSender()) {
            throw new MalformedMessageException("a request must name its sender");
        }
        return contact(m.getSender());
    }

    /** The core's request carried by {@code m}. */
    public KadRequest decodeRequest(KadMessage m) throws MalformedMessageException {
        long rid = m.getRequestId();
        switch (m.getType()) {
            case PING:
                return new KadRequest.Ping(rid);
            case FIND_NODE:
                return new KadRequest.FindNode(rid, nodeId(m.getKey(), "key"));
            case GET_VALUE:
                return new KadRequest.FindValue(rid, nodeId(m.getKey(), "key"));
            case PUT_VALUE: {
                if (!m.hasRecord()) {
                    throw new MalformedMessageException("PUT_VALUE without a record");
                }
                NodeId key = nodeId(m.getKey(), "key");
                Record r = m.getRecord();
                if (!r.getKey().isEmpty() && !r.getKey().equals(m.getKey())) {
                    throw new MalformedMessageException("PUT_VALUE record key differs from the message key");
                }
                if (r.getTtlMs() <= 0) {
                    throw new MalformedMessageException("PUT_VALUE ttl must be positive: " + r.getTtlMs());
                }
                return new KadRequest.Store(rid, key, text(r.getValue()), r.getTtlMs());
            }
            default:
                throw new MalformedMessageException("unknown message type " + m.getTypeValue());
        }
    }

    /** The core's answer carried by {@code m}, an answer to a request of type {@code asked}. */
    public KadResponse decodeResponse(KadMessage.Type asked, KadMessage m) throws MalformedMessageException {
        long rid = m.getRequestId();
        if (m.getType() != asked) {
            throw new MalformedMessageException("answer of type " + m.getType() + " to a " + asked);
        }
        if (m.hasRefusal()) {
            KadResponse.ErrorCode code = m.getRefusal().getCode() == Refusal.Code.STORE_FULL
                    ? KadResponse.ErrorCode.STORE_FULL : KadResponse.ErrorCode.BAD_REQUEST;
            return new KadResponse.Error(rid, code, m.getRefusal().getMessage());
        }
        switch (asked) {
            case PING:
                return new KadResponse.Pong(rid);
            case PUT_VALUE:
                return new KadResponse.Stored(rid);
            case GET_VALUE:
                if (m.hasRecord()) {
                    return new KadResponse.Value(rid, text(m.getRecord().getValue()), m.getRecord().getTtlMs());
                }
                return new KadResponse.Nodes(rid, contacts(m));
            case FIND_NODE:
                return new KadResponse.Nodes(rid, contacts(m));
            default:
                throw new MalformedMessageException("unknown message type " + m.getTypeValue());
        }
    }

    private List<Contact> contacts(KadMessage m) throws MalformedMessageException {
        if (m.getCloserPeersCount() > MAX_PEERS) {
            throw new MalformedMessageException("too many peers: " + m.getCloserPeersCount());
        }
        List<Contact> out = new ArrayList<>(m.getCloserPeersCount());
        for (Peer p : m.getCloserPeersList()) {
            out.add(contact(p));
        }
        return List.copyOf(out);
    }

    /** A wire peer as a contact (checked: id width, one address of a sane length). */
    public Contact contact(Peer p) throws MalformedMessageException {
        if (p.getAddressesCount() == 0) {
            throw new MalformedMessageException("a peer without an address");
        }
        String address = p.getAddresses(0);
        if (address.isBlank() || address.length() > MAX_ADDRESS_CHARS) {
            throw new MalformedMessageException("bad peer address of " + address.length() + " characters");
        }
        return new Contact(nodeId(p.getId(), "peer id"), address);
    }

    /** Bytes as an id of this key space (checked: width and range); {@code what} names the field in the message. */
    public NodeId nodeId(ByteString bytes, String what) throws MalformedMessageException {
        if (bytes.size() != idBytes) {
            throw new MalformedMessageException(what + " must be " + idBytes + " bytes, got " + bytes.size());
        }
        NodeId id = NodeId.of(new BigInteger(1, bytes.toByteArray()));
        if (!keySpace.contains(id)) {
            throw new MalformedMessageException(what + " lies outside the " + keySpace.bits() + "-bit key space");
        }
        return id;
    }

    private static String text(ByteString bytes) throws MalformedMessageException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("a value that is not UTF-8 text");
        }
    }

    /** The wire type of a request. */
    public static KadMessage.Type typeOf(KadRequest request) {
        if (request instanceof KadRequest.Ping) {
            return KadMessage.Type.PING;
        } else if (request instanceof KadRequest.FindNode) {
            return KadMessage.Type.FIND_NODE;
        } else if (request instanceof KadRequest.FindValue) {
            return KadMessage.Type.GET_VALUE;
        }
        return KadMessage.Type.PUT_VALUE;
    }
}
