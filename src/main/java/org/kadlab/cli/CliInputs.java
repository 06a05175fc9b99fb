package org.kadlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kadlab.kad.KeySpace;
import org.kadlab.kad.NodeId;

/** Small readers of the network commands' inputs, each failing with one line that names the input. */
final class CliInputs {
    /** Largest token file read. */
    static final int MAX_TOKEN_BYTES = 4_096;

    private CliInputs() {
    }

    /** The token in {@code file}: trimmed, non-empty, printable ASCII (it travels as a header). */
    static String readToken(Path file) {
        if (file == null) {
            return null;
        }
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--token-file " + file + ": not a readable file");
            }
            if (Files.size(file) > MAX_TOKEN_BYTES) {
                throw new IllegalArgumentException("--token-file " + file + ": larger than " + MAX_TOKEN_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--token-file " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        String token = new String(bytes, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--token-file " + file + ": the token is empty");
        }
        if (!token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("--token-file " + file
                    + ": the token must be one word of printable ASCII (no spaces or line breaks inside)");
        }
        return token;
    }

    /** Checks that {@code text} is hex (an optional 0x, at most 40 digits) before the key space is known. */
    static void requireHexSyntax(String text, String what) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (t.isEmpty() || t.length() > 40 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an id: write 1 to 40 hex digits");
        }
    }

    /** Parses a hex id of {@code space}, naming {@code what} when it is wrong. */
    static NodeId parseId(KeySpace space, String text, String what) {
        requireHexSyntax(text, what);
        try {
            return space.parse(text.startsWith("0b") && text.length() != space.hexDigits() ? "0x" + text : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + text + "': " + e.getMessage());
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
