package org.kadlab.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read with Jackson's YAML parser into plain maps, lists and scalars that remember
 * the line they came from, so that every complaint about a scenario can name its line.
 */
final class Yaml {
    private Yaml() {
    }

    /** A value with the line it started on. {@code value} is a Map, a List, a String, a Number, a Boolean or null. */
    record Located(Object value, int line) {
        @SuppressWarnings("unchecked")
        Map<String, Located> map() {
            return (Map<String, Located>) value;
        }

        @SuppressWarnings("unchecked")
        List<Located> list() {
            return (List<Located>) value;
        }

        String kind() {
            if (value == null) {
                return "nothing";
            }
            if (value instanceof Map) {
                return "a mapping";
            }
            if (value instanceof List) {
                return "a list";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "text";
        }
    }

    /** Parses one YAML document; syntax errors carry the line in their message. */
    static Located read(Reader in, String file) throws ScenarioException {
        try (JsonParser p = new YAMLFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw ScenarioException.at(file, 1, null, "the file is empty");
            }
            Located doc = value(p, t);
            if (p.nextToken() != null) {
                throw ScenarioException.at(file, p.currentTokenLocation().getLineNr(), null,
                        "only one YAML document is allowed");
            }
            return doc;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ScenarioException.at(file, line, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Located value(JsonParser p, JsonToken t) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Located> map = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    Located v = value(p, p.nextToken());
                    map.put(name, new Located(v.value(), v.value() instanceof Map || v.value() instanceof List ? keyLine : v.line()));
                }
                return new Located(map, line);
            }
            case START_ARRAY -> {
                List<Located> list = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, t));
                }
                return new Located(list, line);
            }
            case VALUE_STRING -> {
                return new Located(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new Located(p.getBigIntegerValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Located(p.getDoubleValue(), line);
            }
            case VALUE_TRUE -> {
                return new Located(Boolean.TRUE, line);
            }
            case VALUE_FALSE -> {
                return new Located(Boolean.FALSE, line);
            }
            case VALUE_NULL -> {
                return new Located(null, line);
            }
            default -> throw new IOException("unexpected YAML token " + t);
        }
    }
}
