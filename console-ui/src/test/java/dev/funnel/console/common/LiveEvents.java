package dev.funnel.console.common;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** For tests of whole screens: live events reach the FX thread in batches ({@link FxThreadListener#INTERVAL}). */
public final class LiveEvents {

    private LiveEvents() {
    }

    /** Returns once the events given so far have been handed to the screens. */
    public static void handedOver() {
        WaitForAsyncUtils.sleep(FxThreadListener.INTERVAL.toMillis() * 2, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
