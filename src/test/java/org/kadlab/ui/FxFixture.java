package org.kadlab.ui;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The TestFX set-up every view test shares, as a JUnit extension ({@code @ExtendWith(FxFixture.class)}):
 * the toolkit and its primary stage once per class, every window closed after each test; and
 * {@link #fx} to run code on the FX thread and wait for it and for the events it posted.
 */
public final class FxFixture implements BeforeAllCallback, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        FxToolkit.cleanupStages();
    }

    /** The toolkit's primary stage (registered once), for tests that show a scene in it themselves. */
    public static javafx.stage.Stage primaryStage() throws Exception {
        return FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code c} on the FX thread and returns its result once the FX events it posted ran. */
    public static <T> T fx(Callable<T> c) throws Exception {
        T t = WaitForAsyncUtils.asyncFx(c).get();
        WaitForAsyncUtils.waitForFxEvents();
        return t;
    }

    /** Runs {@code r} on the FX thread and waits for it and for the FX events it posted. */
    public static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
