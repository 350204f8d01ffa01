package dev.funnel.console.common;

import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The count on the console's taskbar or dock icon, where the desktop has such a badge (macOS, some
 * Linux docks); elsewhere the window title carries the count alone, said once in the log. Finding
 * the taskbar starts AWT, which takes a while: it is done on a thread of its own, not the FX thread,
 * and the latest count is shown once it is found.
 */
public final class TaskbarBadge {

    private static final Logger LOG = Logger.getLogger(TaskbarBadge.class.getName());

    private final AtomicInteger latest = new AtomicInteger();
    private final CompletableFuture<Optional<Taskbar>> taskbar = new CompletableFuture<>();

    public TaskbarBadge() {
        Thread.ofPlatform().daemon().name("taskbar-badge").start(() -> taskbar.complete(supportedTaskbar()));
    }

    /** Zero clears the badge. */
    public void show(int count) {
        latest.set(count);
        // each waiting call shows the latest count, whatever order they run in
        taskbar.thenAccept(found -> found.ifPresent(bar -> {
            int shown = latest.get();
            bar.setIconBadge(shown > 0 ? Integer.toString(shown) : null);
        }));
    }

    private static Optional<Taskbar> supportedTaskbar() {
        if (!GraphicsEnvironment.isHeadless() && Taskbar.isTaskbarSupported()
                && Taskbar.getTaskbar().isSupported(Taskbar.Feature.ICON_BADGE_NUMBER)) {
            return Optional.of(Taskbar.getTaskbar());
        }
        LOG.info("This desktop shows no badge on the taskbar icon; the window title counts the conversations"
                + " needing a person");
        return Optional.empty();
    }
}
