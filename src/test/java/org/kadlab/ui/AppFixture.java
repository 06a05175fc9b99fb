package org.kadlab.ui;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TestFX set-up of every test that drives the whole window: a fresh {@link KadLabApp} before
 * each test (its robot clicks and types), closed with its windows after it. A subclass's own
 * {@code @BeforeEach} runs after the app started, its {@code @AfterEach} before the app stops.
 */
public abstract class AppFixture extends FxRobot {
    /** The running app. */
    protected KadLabApp app;

    @BeforeEach
    final void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (KadLabApp) FxToolkit.setupApplication(KadLabApp.class);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    final void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** See {@link FxFixture#fx(Callable)}. */
    protected static <T> T fx(Callable<T> c) throws Exception {
        return FxFixture.fx(c);
    }

    /** See {@link FxFixture#fx(Runnable)}. */
    protected static void fx(Runnable r) throws Exception {
        FxFixture.fx(r);
    }
}
