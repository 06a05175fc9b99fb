package org.kadlab.ui.model.lessons;

import org.kadlab.sim.scenario.NearestName;
import org.kadlab.sim.scenario.ScenarioException;
import org.kadlab.sim.scenario.Yaml;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lesson file and checks every field, naming the file, the line and the field of the first
 * problem, as scenario errors do: an unknown field, a missing text, an unknown action (listing the
 * known ones), an argument of the wrong kind or out of range, an unknown view.
 */
public final class LessonReader {
    /** Most steps in one lesson. */
    public static final int MAX_STEPS = 40;
    /** Longest step text, in characters: a few sentences a class can read from the back of the room. */
    public static final int MAX_TEXT_CHARS = 600;
    /** Longest lesson file read, in characters. */
    public static final int MAX_FILE_CHARS = 200_000;
    private static final Set<String> TOP = Set.of("title", "summary", "steps");
    private static final Set<String> STEP = Set.of("text", "do", "button", "watch");
    private static final Set<String> WATCH = Set.of("text", "view");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final String file;
    private final LessonActions actions;

    private LessonReader(String file, LessonActions actions) {
        this.file = file;
        this.actions = actions;
    }

    /** Reads and checks the lesson at {@code path} against the actions of {@code actions}. */
    public static Lesson read(Path path, LessonActions actions) throws LessonException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            if (Files.size(path) > MAX_FILE_CHARS) {
                throw new LessonException(name + ": too long for a lesson (at most " + MAX_FILE_CHARS + " characters)");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LessonException(name + ": no such file");
        } catch (CharacterCodingException e) {
            throw new LessonException(name + ": not UTF-8 text (a lesson is a YAML text file saved as UTF-8)");
        } catch (IOException e) {
            throw new LessonException(name + ": cannot read: " + e.getMessage());
        }
        return parse(text, name, actions);
    }

    /** Reads and checks a lesson given as text; {@code name} is used in messages. */
    public static Lesson parse(String yaml, String name, LessonActions actions) throws LessonException {
        if (yaml.length() > MAX_FILE_CHARS) {
            throw new LessonException(name + ": too long for a lesson (at most " + MAX_FILE_CHARS + " characters)");
        }
        Yaml.Located doc;
        try {
            doc = Yaml.read(yaml, name);
        } catch (ScenarioException e) {
            throw new LessonException(e.getMessage()); // file:line: what is wrong, as for scenarios
        }
        return new LessonReader(name, actions).lesson(doc);
    }

    private Lesson lesson(Yaml.Located doc) throws LessonException {
        if (!(doc.value() instanceof Map)) {
            throw fail(doc.line(), null, "a lesson is a mapping of fields (title, summary, steps), not " + doc.kind());
        }
        Map<String, Yaml.Located> top = doc.map();
        checkKnown(top, TOP, null);
        String title = requiredText(top, doc, "title", "title", 200);
        String summary = top.containsKey("summary") ? text(top.get("summary"), "summary", MAX_TEXT_CHARS) : "";
        if (!top.containsKey("steps") || !(top.get("steps").value() instanceof List)
                || top.get("steps").list().isEmpty()) {
            int line = top.containsKey("steps") ? top.get("steps").line() : doc.line();
            throw fail(line, "steps", "needs a list of at least one step, each like '- text: ...'");
        }
        List<Yaml.Located> items = top.get("steps").list();
        if (items.size() > MAX_STEPS) {
            throw fail(top.get("steps").line(), "steps", "at most " + MAX_STEPS + " steps in one lesson, was " + items.size());
        }
        List<Lesson.Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            steps.add(step(items.get(i), "steps[" + (i + 1) + "]"));
        }
        return new Lesson(file, title, summary, steps);
    }

    private Lesson.Step step(Yaml.Located item, String where) throws LessonException {
        if (!(item.value() instanceof Map)) {
            throw fail(item.line(), where, "a step is a mapping with text, and optionally do, button and watch; not " + item.kind());
        }
        Map<String, Yaml.Located> m = item.map();
        checkKnown(m, STEP, where);
        String text = requiredText(m, item, "text", where + ".text", MAX_TEXT_CHARS);
        Lesson.Action action = m.containsKey("do") ? action(m.get("do"), where + ".do") : null;
        if (m.containsKey("button")) {
            if (action == null) {
                throw fail(m.get("button").line(), where + ".button", "a button needs an action: add 'do:'");
            }
            action = new Lesson.Action(action.name(), action.args(), text(m.get("button"), where + ".button", 80), action.line());
        }
        Lesson.Watch watch = m.containsKey("watch") ? watch(m.get("watch"), where + ".watch") : null;
        return new Lesson.Step(item.line(), text, action, watch);
    }

    private Lesson.Action action(Yaml.Located v, String where) throws LessonException {
        String name;
        Map<String, Yaml.Located> given = Map.of();
        if (v.value() instanceof String s) {
            name = s.strip();
        } else if (v.value() instanceof Map) {
            given = new LinkedHashMap<>(v.map());
            if (!given.containsKey("action")) {
                throw fail(v.line(), where + ".action", "is required: name the action, e.g. {action: kill-percent, percent: 30}");
            }
            name = text(given.remove("action"), where + ".action", 80);
        } else {
            throw fail(v.line(), where, "must be an action's name or a mapping such as {action: kill-percent, percent: 30}, not "
                    + v.kind());
        }
        ActionSpec spec = actions.spec(name);
        if (spec == null) {
            throw fail(v.line(), where, "unknown action '" + name + "'" + NearestName.suggestion(name, actions.names())
                    + "; known actions: " + String.join(", ", actions.names()));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> known = spec.params().stream().map(ActionSpec.Param::name).toList();
        for (Map.Entry<String, Yaml.Located> e : given.entrySet()) {
            ActionSpec.Param p = spec.params().stream().filter(q -> q.name().equals(e.getKey())).findFirst().orElse(null);
            if (p == null) {
                throw fail(e.getValue().line(), where + "." + e.getKey(), "'" + name + "' takes no such argument"
                        + NearestName.suggestion(e.getKey(), known)
                        + (known.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", known)));
            }
            args.put(p.name(), argument(e.getValue(), p, where + "." + p.name()));
        }
        for (ActionSpec.Param p : spec.params()) {
            if (p.required() && !args.containsKey(p.name())) {
                throw fail(v.line(), where + "." + p.name(), "is required by '" + name + "': " + p.help() + ", " + p.form());
            }
        }
        return new Lesson.Action(name, new ActionSpec.Args(name, args), spec.button(), v.line());
    }

    private Object argument(Yaml.Located v, ActionSpec.Param p, String field) throws LessonException {
        switch (p.kind()) {
            case WHOLE -> {
                if (!(v.value() instanceof BigInteger b)) {
                    throw fail(v.line(), field, "must be " + p.form() + ", was " + describe(v));
                }
                if (b.compareTo(BigDecimal.valueOf(p.min()).toBigInteger()) < 0
                        || b.compareTo(BigDecimal.valueOf(p.max()).toBigInteger()) > 0) {
                    throw fail(v.line(), field, "must be " + p.form() + ", was " + b);
                }
                return b.longValue();
            }
            case NUMBER -> {
                if (!(v.value() instanceof Number n) || !(n.doubleValue() >= p.min() && n.doubleValue() <= p.max())) {
                    throw fail(v.line(), field, "must be " + p.form() + ", was " + describe(v));
                }
                return n.doubleValue();
            }
            case CHOICE -> {
                String s = text(v, field, 80).toLowerCase(Locale.ROOT);
                if (!p.choices().contains(s)) {
                    throw fail(v.line(), field, "must be " + p.form() + ", was '" + s + "'" + NearestName.suggestion(s, p.choices()));
                }
                return s;
            }
            case DURATION -> {
                Matcher m = v.value() instanceof String s ? DURATION.matcher(s.strip()) : null;
                if (m == null || !m.matches()) {
                    throw fail(v.line(), field, "must be " + p.form() + " (ms, s, m, h or d), was " + describe(v));
                }
                double unit = switch (m.group(2)) {
                    case "ms" -> 1;
                    case "s" -> 1_000;
                    case "m" -> 60_000;
                    case "h" -> 3_600_000;
                    default -> 86_400_000;
                };
                double ms = Double.parseDouble(m.group(1)) * unit;
                if (ms < p.min() || ms > p.max()) {
                    throw fail(v.line(), field, "must be between " + (long) p.min() + " ms and " + (long) (p.max() / 86_400_000)
                            + " days, was " + v.value());
                }
                return Math.round(ms);
            }
            case FLAG -> {
                if (!(v.value() instanceof Boolean b)) {
                    throw fail(v.line(), field, "must be true or false, was " + describe(v));
                }
                return b;
            }
            default -> {
                return text(v, field, (int) p.max());
            }
        }
    }

    private Lesson.Watch watch(Yaml.Located v, String where) throws LessonException {
        if (v.value() instanceof String) {
            return new Lesson.Watch(text(v, where, MAX_TEXT_CHARS), null);
        }
        if (!(v.value() instanceof Map)) {
            throw fail(v.line(), where, "must be text, or a mapping {text: ..., view: ring}, not " + v.kind());
        }
        checkKnown(v.map(), WATCH, where);
        String text = requiredText(v.map(), v, "text", where + ".text", MAX_TEXT_CHARS);
        String view = null;
        if (v.map().containsKey("view")) {
            Yaml.Located w = v.map().get("view");
            view = text(w, where + ".view", 40).toLowerCase(Locale.ROOT);
            if (!LessonActions.VIEWS.contains(view)) {
                throw fail(w.line(), where + ".view", "unknown view '" + view + "'" + NearestName.suggestion(view, LessonActions.VIEWS)
                        + "; known views: " + String.join(", ", LessonActions.VIEWS));
            }
        }
        return new Lesson.Watch(text, view);
    }

    // ------------------------------------------------------------------ field helpers

    private void checkKnown(Map<String, Yaml.Located> m, Set<String> known, String parent) throws LessonException {
        for (Map.Entry<String, Yaml.Located> e : m.entrySet()) {
            if (!known.contains(e.getKey())) {
                String field = parent == null ? e.getKey() : parent + "." + e.getKey();
                List<String> sorted = known.stream().sorted().toList();
                throw fail(e.getValue().line(), field, "unknown field" + NearestName.suggestion(e.getKey(), sorted)
                        + "; known fields: " + String.join(", ", sorted));
            }
        }
    }

    private String requiredText(Map<String, Yaml.Located> m, Yaml.Located parent, String name, String field,
                                int max) throws LessonException {
        if (!m.containsKey(name) || m.get(name).value() == null) {
            throw fail(m.containsKey(name) ? m.get(name).line() : parent.line(), field, "is required");
        }
        return text(m.get(name), field, max);
    }

    private String text(Yaml.Located v, String field, int max) throws LessonException {
        if (v.value() instanceof Map || v.value() instanceof List || v.value() == null) {
            throw fail(v.line(), field, "must be text, was " + v.kind());
        }
        String s = v.text().strip();
        if (s.isEmpty()) {
            throw fail(v.line(), field, "is empty");
        }
        if (s.length() > max) {
            throw fail(v.line(), field, "is " + s.length() + " characters long; at most " + max);
        }
        return s.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String describe(Yaml.Located v) {
        return v.value() instanceof String s ? "'" + s + "'" : v.kind();
    }

    private LessonException fail(int line, String field, String problem) {
        return LessonException.at(file, line, field, problem);
    }
}
