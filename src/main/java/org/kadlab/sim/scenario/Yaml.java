package org.kadlab.sim.scenario;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read with Jackson's YAML parser into plain maps, lists and scalars that remember
 * the line they came from, so that every complaint about a scenario (or a lesson) can name its line.
 * A key given twice in one mapping is refused (YAML forbids it; the parser alone would keep the last
 * silently).
 */
public final class Yaml {
    /** A line that starts a mapping entry ("k: 4", "  - add: 3"): group 1 is the key. */
    private static final Pattern KEY = Pattern.compile("^\\s*(?:-\\s+)?[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\\s*:(?:\\s|$).*");

    private Yaml() {
    }

    /**
     * A value with the line it started on. {@code value} is a Map, a List, a String, a Number, a
     * Boolean or null; {@code text} is a scalar as it was written (so an id such as 0cb9 or 3357
     * keeps its digits), null for a mapping, a list or nothing.
     */
    public record Located(Object value, int line, String text) {
        Located(Object value, int line) {
            this(value, line, value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value));
        }

        @SuppressWarnings("unchecked")
        public Map<String, Located> map() {
            return (Map<String, Located>) value;
        }

        @SuppressWarnings("unchecked")
        public List<Located> list() {
            return (List<Located>) value;
        }

        /** What the value is, in words, for messages. */
        public String kind() {
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
    public static Located read(Reader in, String file) throws ScenarioException {
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            text = sb.toString();
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return read(text, file);
    }

    /** Parses one YAML document given as text; syntax errors carry the line in their message. */
    public static Located read(String text, String file) throws ScenarioException {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw ScenarioException.at(file, 1, null, "the file is empty");
            }
            Located doc = value(p, t, file);
            if (p.nextToken() != null) {
                throw ScenarioException.at(file, p.currentTokenLocation().getLineNr(), null,
                        "only one YAML document is allowed");
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, text, file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * A syntax error at the line where the problem is (Jackson's own location can be a line early or
     * late), with the field on that line. An unclosed bracket is blamed on the line that opened it.
     */
    private static ScenarioException syntaxError(JsonProcessingException e, String text, String file) {
        if (!(e.getCause() instanceof MarkedYAMLException m) || m.getProblemMark() == null) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return ScenarioException.at(file, line, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        Mark problemAt = m.getProblemMark();
        Mark contextAt = m.getContextMark();
        String context = m.getContext();
        boolean unclosed = context != null && contextAt != null && context.startsWith("while parsing a flow");
        int line = (unclosed ? contextAt : problemAt).getLine() + 1;
        StringBuilder why = new StringBuilder("not valid YAML: ");
        if (unclosed) {
            why.append("the ").append(context.contains("mapping") ? "'{'" : "'['").append(" opened here is not closed (")
                    .append(m.getProblem()).append(" on line ").append(problemAt.getLine() + 1).append(')');
        } else {
            if (context != null) {
                why.append(context);
                if (contextAt != null && contextAt.getLine() != problemAt.getLine()) {
                    why.append(" started on line ").append(contextAt.getLine() + 1);
                }
                why.append(", ");
            }
            why.append(m.getProblem());
            if ((context != null && context.contains("block")) || m.getProblem().startsWith("mapping values")) {
                why.append(" (check the indentation)");
            }
        }
        return ScenarioException.at(file, line, fieldOnLine(text, line), why.toString());
    }

    /** The mapping key that line {@code line} (1-based) starts with, or null. */
    private static String fieldOnLine(String text, int line) {
        String[] lines = text.split("\\R", -1);
        if (line < 1 || line > lines.length) {
            return null;
        }
        Matcher k = KEY.matcher(lines[line - 1]);
        return k.matches() ? k.group(1) : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Located value(JsonParser p, JsonToken t, String file) throws IOException, ScenarioException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Located> map = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (map.containsKey(name)) {
                        throw ScenarioException.at(file, keyLine, name, "appears twice (first on line "
                                + map.get(name).line() + "); keep one");
                    }
                    Located v = value(p, p.nextToken(), file);
                    map.put(name, new Located(v.value(), v.value() instanceof Map || v.value() instanceof List ? keyLine : v.line(),
                            v.text()));
                }
                return new Located(map, line);
            }
            case START_ARRAY -> {
                List<Located> list = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, t, file));
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
