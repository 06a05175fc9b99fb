package org.kadlab;

import org.kadlab.cli.KadLabCommand;

/**
 * The entry point of {@code java -jar kadlab.jar}: with arguments it runs the headless command
 * line ({@code run}, {@code bench}, {@code exactness}); without, it prints the usage.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(KadLabCommand.execute(args));
    }
}
