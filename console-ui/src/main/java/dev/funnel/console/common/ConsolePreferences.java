package dev.funnel.console.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs: the last server choice, the last email and whether alerts
 * chime (off until the person turns it on). Never a password or token (those stay in memory).
 */
public final class ConsolePreferences {

    private static final String SERVER_MODE = "server.mode";
    private static final String SERVER_URL = "server.url";
    private static final String EMAIL = "login.email";
    private static final String SOUND = "alerts.sound";

    private final Preferences node;

    public ConsolePreferences(Preferences node) {
        this.node = node;
    }

    public static ConsolePreferences forCurrentUser() {
        return new ConsolePreferences(Preferences.userRoot().node("dev/funnel/console"));
    }

    public ServerChoice lastServer() {
        ServerChoice.Mode mode = "REMOTE".equals(node.get(SERVER_MODE, "")) ? ServerChoice.Mode.REMOTE
                : ServerChoice.Mode.EMBEDDED;
        return new ServerChoice(mode, node.get(SERVER_URL, ""));
    }

    public void rememberServer(ServerChoice choice) {
        node.put(SERVER_MODE, choice.mode().name());
        node.put(SERVER_URL, choice.url() == null ? "" : choice.url());
        flush();
    }

    public String lastEmail() {
        return node.get(EMAIL, "");
    }

    public void rememberEmail(String email) {
        node.put(EMAIL, email);
        flush();
    }

    public boolean soundOn() {
        return node.getBoolean(SOUND, false);
    }

    public void rememberSound(boolean on) {
        node.putBoolean(SOUND, on);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // remembering is a convenience; the console works without it
        }
    }
}
