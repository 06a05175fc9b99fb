package org.kadlab.sim.scenario;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;
import org.kadlab.sim.SimEvent;
import org.kadlab.sim.SimListener;

/**
 * Writes simulation events as JSON Lines, one object per event: {@code type} (the event name in
 * snake_case) and every field of the event record in snake_case (a field itself called {@code type}
 * is written under the snake_case name of its class, so an RPC's type is {@code rpc_type}); ids as
 * padded lowercase hex.
 */
public final class EventJsonWriter implements SimListener, AutoCloseable {
    /** The fields of one event type, looked up once. */
    private record Shape(String type, RecordComponent[] components, String[] names) {
        static Shape of(Class<?> c) {
            RecordComponent[] comps = c.getRecordComponents();
            String[] names = new String[comps.length];
            for (int i = 0; i < comps.length; i++) {
                names[i] = snake(comps[i].getName());
                if (names[i].equals("type")) {
                    // "type" names the event; an RPC's own type field becomes "rpc_type" (from RpcType)
                    names[i] = snake(comps[i].getType().getSimpleName());
                }
            }
            return new Shape(snake(c.getSimpleName()), comps, names);
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final JsonGenerator g;
    private final KeySpace ks;
    private final boolean everyTouch;
    private boolean wroteAny;

    /**
     * A writer to {@code out}. Unless {@code everyTouch}, the routing-table "updated" events (one per
     * message heard, moving a known contact to the tail) are left out: they are most of the volume.
     */
    public EventJsonWriter(OutputStream out, KeySpace ks, boolean everyTouch) throws IOException {
        this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.g.setRootValueSeparator(new SerializedString("\n"));
        this.ks = ks;
        this.everyTouch = everyTouch;
    }

    @Override
    public void onEvent(SimEvent e) {
        if (!everyTouch && e instanceof SimEvent.BucketChanged b && b.change() == SimEvent.BucketChange.UPDATED) {
            return;
        }
        try {
            Shape shape = SHAPES.get(e.getClass());
            g.writeStartObject();
            g.writeStringField("type", shape.type());
            for (int i = 0; i < shape.components().length; i++) {
                g.writeFieldName(shape.names()[i]);
                value(shape.components()[i].getAccessor().invoke(e));
            }
            g.writeEndObject();
            wroteAny = true;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read event " + e, ex);
        }
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof NodeId id) {
            g.writeString(ks.hex(id));
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(o);
            }
            g.writeEndArray();
        } else if (v instanceof Enum<?> en) {
            g.writeString(en.name().toLowerCase(Locale.ROOT));
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (wroteAny) {
            g.writeRaw('\n'); // end the last line; an empty log stays empty, with no blank line
        }
        g.close();
    }
}
