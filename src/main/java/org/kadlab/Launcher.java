package org.kadlab;

import javafx.application.Application;
import org.kadlab.cli.KadLabCommand;
import org.kadlab.ui.KadLabApp;

/**
 * The entry point of {@code java -jar kadlab.jar}: without arguments it opens the desktop app;
 * with arguments it runs the command line ({@code run}, {@code bench}, {@code exactness}, {@code resilience},
 * {@code compare}, {@code merge}, and the real-network {@code node}, {@code cluster} and {@code ctl}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(KadLabApp.class, args);
            return;
        }
        System.exit(KadLabCommand.execute(args));
    }
}
