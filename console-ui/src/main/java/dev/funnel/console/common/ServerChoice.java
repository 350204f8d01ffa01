package dev.funnel.console.common;

/** Where the console's backend runs: inside this app, or on a team server at {@code url}. */
public record ServerChoice(Mode mode, String url) {

    public enum Mode { EMBEDDED, REMOTE }
}
