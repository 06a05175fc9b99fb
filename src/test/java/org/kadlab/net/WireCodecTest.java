package org.kadlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kadlab.kad.Contact;
import org.kadlab.kad.KadRequest;
import org.kadlab.kad.KadResponse;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.net.wire.KadMessage;
import org.kadlab.net.wire.Peer;
import org.kadlab.net.wire.Record;

/** The wire mapping: every request and answer survives the round trip; what a peer gets wrong is refused. */
class WireCodecTest {
    private final KeySpace space = new KeySpace(20);
    private final WireCodec codec = new WireCodec(space);
    private final Contact me = new Contact(space.id(0xABCDEL), "host-a:7000");

    @Test
    void requestsSurviveTheRoundTripWithTheirIdAndSender() throws Exception {
        List<KadRequest> requests = List.of(new KadRequest.Ping(1), new KadRequest.FindNode(2, space.id(5)),
                new KadRequest.FindValue(3, space.id(0xFFFFFL)), new KadRequest.Store(Long.MAX_VALUE, space.id(7), "wert ü", 900));
        for (KadRequest r : requests) {
            KadMessage m = KadMessage.parseFrom(codec.encodeRequest(me, r).toByteArray());
            assertThat(codec.decodeRequest(m)).isEqualTo(r);
            Contact sender = codec.decodeSender(m);
            assertThat(sender.id()).isEqualTo(me.id());
            assertThat(sender.address()).isEqualTo(me.address());
        }
    }

    @Test
    void answersSurviveTheRoundTrip() throws Exception {
        Contact other = new Contact(space.id(3), "host-b:7001");
        assertThat(roundTrip(KadMessage.Type.PING, new KadResponse.Pong(9))).isEqualTo(new KadResponse.Pong(9));
        assertThat(roundTrip(KadMessage.Type.PUT_VALUE, new KadResponse.Stored(9))).isEqualTo(new KadResponse.Stored(9));
        KadResponse.Nodes nodes = (KadResponse.Nodes) roundTrip(KadMessage.Type.FIND_NODE,
                new KadResponse.Nodes(4, List.of(me, other)));
        assertThat(nodes.closest()).extracting(Contact::address).containsExactly("host-a:7000", "host-b:7001");
        assertThat(nodes.closest()).containsExactly(me, other);
        assertThat(roundTrip(KadMessage.Type.GET_VALUE, new KadResponse.Value(5, "v", 40)))
                .isEqualTo(new KadResponse.Value(5, "v", 40));
        assertThat(roundTrip(KadMessage.Type.GET_VALUE, new KadResponse.Nodes(6, List.of(other))))
                .isInstanceOf(KadResponse.Nodes.class);
        assertThat(roundTrip(KadMessage.Type.PUT_VALUE, new KadResponse.Error(7, KadResponse.ErrorCode.STORE_FULL, "full")))
                .isEqualTo(new KadResponse.Error(7, KadResponse.ErrorCode.STORE_FULL, "full"));
    }

    @Test
    void idsTakeExactlyTheBytesOfTheKeySpace() {
        assertThat(codec.id(space.id(0xFFFFFL)).size()).isEqualTo(3);
        assertThat(new WireCodec(new KeySpace(160)).id(NodeId.of(1)).size()).isEqualTo(20);
    }

    @Test
    void malformedRequestsAreRefusedWithAReason() {
        KadMessage good = codec.encodeRequest(me, new KadRequest.FindNode(1, space.id(5)));
        assertThatThrownBy(() -> codec.decodeRequest(good.toBuilder().setKey(ByteString.copyFrom(new byte[4])).build()))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> codec.decodeRequest(good.toBuilder().setKey(ByteString.copyFrom(new byte[] {(byte) 0xF0, 0, 0})).build()))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("key space");
        assertThatThrownBy(() -> codec.decodeSender(good.toBuilder().clearSender().build()))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decodeSender(good.toBuilder().setSender(Peer.newBuilder().setId(codec.id(space.id(1)))).build()))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("address");
        assertThatThrownBy(() -> codec.decodeRequest(good.toBuilder().setTypeValue(42).build()))
                .isInstanceOf(MalformedMessageException.class);
        KadMessage put = codec.encodeRequest(me, new KadRequest.Store(1, space.id(5), "x", 10));
        assertThatThrownBy(() -> codec.decodeRequest(put.toBuilder().clearRecord().build()))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decodeRequest(put.toBuilder().setRecord(Record.newBuilder()
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xC3, 0x28})).setTtlMs(10)).build()))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> codec.decodeRequest(put.toBuilder().setRecord(put.getRecord().toBuilder().setTtlMs(0)).build()))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("ttl");
    }

    @Test
    void anAnswerOfAnotherTypeIsRefused() {
        KadMessage pong = codec.encodeResponse(KadMessage.Type.PING, new KadResponse.Pong(1));
        assertThatThrownBy(() -> codec.decodeResponse(KadMessage.Type.FIND_NODE, pong))
                .isInstanceOf(MalformedMessageException.class);
    }

    private KadResponse roundTrip(KadMessage.Type type, KadResponse r) throws Exception {
        return codec.decodeResponse(type, KadMessage.parseFrom(codec.encodeResponse(type, r).toByteArray()));
    }
}
