package org.kadlab.cli;

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
 * snake_case) and every field of the event record in snake_case; ids as padded lowercase hex.
 */
public final class EventJsonWriter implements SimListener, AutoCloseable {
    private final JsonGenerator g;
    private final KeySpace ks;

    public EventJsonWriter(OutputStream out, KeySpace ks) throws IOException {
        this.g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        this.g.setRootValueSeparator(new SerializedString("\n"));
        this.ks = ks;
    }

    @Override
    public void onEvent(SimEvent e) {
        try {
            g.writeStartObject();
            g.writeStringField("type", snake(e.getClass().getSimpleName()));
            for (RecordComponent c : e.getClass().getRecordComponents()) {
                g.writeFieldName(snake(c.getName()));
                value(c.getAccessor().invoke(e));
            }
            g.writeEndObject();
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
        g.writeRaw('\n');
        g.close();
    }
}
