package dev.funnel.console.common;

import java.util.Optional;
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

    /** The server chosen last time, or "This computer" for a first start. */
    public ServerChoice lastServer() {
        return rememberedServer().orElse(new ServerChoice(ServerChoice.Mode.EMBEDDED, ""));
    }

    /** The server chosen last time; empty until a connection succeeded once. */
    public Optional<ServerChoice> rememberedServer() {
        String mode = node.get(SERVER_MODE, "");
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerChoice("REMOTE".equals(mode) ? ServerChoice.Mode.REMOTE
                : ServerChoice.Mode.EMBEDDED, node.get(SERVER_URL, "")));
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
