package org.kadlab.ui.model;

import java.util.List;
import java.util.Locale;

/**
 * Writes the YAML scenario that rebuilds the window's network, readable by the headless runner's
 * ScenarioReader: the settings as top-level fields, then the recorded steps ({@code - add: N},
 * {@code - lookup: {...}}, ...). Text values are double-quoted with backslash escapes.
 */
public final class ScenarioText {
    private ScenarioText() {
    }

    /** The scenario text for {@code s} and the recorded step lines (each already a {@code - name: value} line). */
    public static String write(NetworkSettings s, List<String> steps) {
        StringBuilder b = new StringBuilder();
        b.append("# KadLab network, saved from the desktop app. Run it: java -jar kadlab.jar run this.yaml\n");
        b.append("seed: ").append(s.seed()).append('\n');
        b.append("bits: ").append(s.bits()).append('\n');
        b.append("k: ").append(s.k()).append('\n');
        b.append("alpha: ").append(s.alpha()).append('\n');
        b.append("lookup_mode: ").append(s.mode().name().toLowerCase(Locale.ROOT)).append('\n');
        b.append("latency_ms: [").append(s.latencyMinMs()).append(", ").append(s.latencyMaxMs()).append("]\n");
        b.append("loss: ").append(s.loss()).append('\n');
        b.append("rpc_timeout_ms: ").append(NetworkSettings.RPC_TIMEOUT_MS).append('\n');
        b.append("steps:\n");
        for (String step : steps) {
            b.append("  ").append(step).append('\n');
        }
        return b.toString();
    }

    /** {@code - add: n}. */
    public static String add(int n) {
        return "- add: " + n;
    }

    /** {@code - lookup: {from: ..., target: ...}}. */
    public static String lookup(String fromHex, String targetHex) {
        return "- lookup: {from: " + quote(fromHex) + ", target: " + quote(targetHex) + "}";
    }

    /** {@code - store: {key: ..., value: ..., from: ...}}. */
    public static String store(String key, String value, String fromHex) {
        return "- store: {key: " + quote(key) + ", value: " + quote(value) + ", from: " + quote(fromHex) + "}";
    }

    /** {@code - find_value: {key: ..., from: ...}}. */
    public static String findValue(String key, String fromHex) {
        return "- find_value: {key: " + quote(key) + ", from: " + quote(fromHex) + "}";
    }

    /** {@code - kill: "30%"}: crash that share of the live nodes, drawn from the simulation's random source. */
    public static String killPercent(int percent) {
        return "- kill: " + quote(percent + "%");
    }

    /** {@code - kill: n}: crash n random live nodes. */
    public static String kill(int n) {
        return "- kill: " + n;
    }

    /** {@code - kill: {node: "<hex>"}}: crash one chosen node. */
    public static String killNode(String hex) {
        return "- kill: {node: " + quote(hex) + "}";
    }

    /** {@code - revive: all}. */
    public static String reviveAll() {
        return "- revive: all";
    }

    /** A comment line. */
    public static String comment(String text) {
        return "# " + text.replace('\n', ' ');
    }

    /** {@code text} as a double-quoted YAML string. */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
