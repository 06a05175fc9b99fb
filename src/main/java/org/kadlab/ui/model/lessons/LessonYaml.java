package org.kadlab.ui.model.lessons;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A lesson file read with Jackson's YAML parser into plain maps, lists and scalars that remember the
 * line they came from, as scenario files are read, so that every complaint names its line. A key
 * given twice in one mapping is refused.
 */
final class LessonYaml {
    private LessonYaml() {
    }

    /**
     * A value with the line it started on: a Map, a List, a String, a Number, a Boolean or null;
     * {@code text} is a scalar as it was written (so an id such as 0cb9 or 3357 keeps its digits).
     */
    record Located(Object value, int line, String text) {
        Located(Object value, int line) {
            this(value, line, value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value));
        }

        @SuppressWarnings("unchecked")
        Map<String, Located> map() {
            return (Map<String, Located>) value;
        }

        @SuppressWarnings("unchecked")
        List<Located> list() {
            return (List<Located>) value;
        }

        /** What the value is, in words, for messages. */
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
            return value instanceof Number ? "a number" : "text";
        }
    }

    /** Parses one YAML document of {@code file}; a syntax error names the line where it is. */
    static Located read(String text, String file) throws LessonException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw LessonException.at(file, 1, null, "the file is empty");
            }
            Located doc = value(p, t, file);
            if (p.nextToken() != null) {
                throw LessonException.at(file, p.currentTokenLocation().getLineNr(), null, "only one YAML document is allowed");
            }
            return doc;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark at = m.getProblemMark();
                String context = m.getContext() == null ? "" : m.getContext() + ", ";
                return fail(file, at.getLine() + 1, "not valid YAML: " + context + m.getProblem()
                        + (m.getProblem().startsWith("mapping values") ? " (check the indentation)" : ""));
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
            return fail(file, line, "not valid YAML: " + msg);
        } catch (IOException e) {
            throw new LessonException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Located fail(String file, int line, String why) throws LessonException {
        throw LessonException.at(file, line, null, why);
    }

    private static Located value(JsonParser p, JsonToken t, String file) throws IOException, LessonException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Located> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (map.containsKey(name)) {
                        throw LessonException.at(file, keyLine, name, "appears twice (first on line "
                                + map.get(name).line() + "); keep one");
                    }
                    Located v = value(p, p.nextToken(), file);
                    boolean nested = v.value() instanceof Map || v.value() instanceof List;
                    map.put(name, new Located(v.value(), nested ? keyLine : v.line(), v.text()));
                }
                return new Located(map, line);
            }
            case START_ARRAY -> {
                List<Located> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, next, file));
                }
                return new Located(list, line);
            }
            case VALUE_STRING -> {
                return new Located(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new Located(p.getBigIntegerValue(), line, p.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Located(p.getDoubleValue(), line, p.getText());
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
