package dev.funnel.console.common;

import java.awt.GraphicsEnvironment;
import java.awt.Taskbar;
import java.util.logging.Logger;

/**
 * The count on the console's taskbar or dock icon, where the desktop has such a badge (macOS, some
 * Linux docks); elsewhere the window title carries the count alone, said once in the log.
 */
public final class TaskbarBadge {

    private static final Logger LOG = Logger.getLogger(TaskbarBadge.class.getName());

    private final Taskbar taskbar = supportedTaskbar();

    /** Zero clears the badge. */
    public void show(int count) {
        if (taskbar != null) {
            taskbar.setIconBadge(count > 0 ? Integer.toString(count) : null);
        }
    }

    private static Taskbar supportedTaskbar() {
        if (!GraphicsEnvironment.isHeadless() && Taskbar.isTaskbarSupported()
                && Taskbar.getTaskbar().isSupported(Taskbar.Feature.ICON_BADGE_NUMBER)) {
            return Taskbar.getTaskbar();
        }
        LOG.info("This desktop shows no badge on the taskbar icon; the window title counts the conversations"
                + " needing a person");
        return null;
    }
}
