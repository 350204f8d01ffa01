package dev.funnel.console.common;

/** Pops up a desktop notification; ViewModels call it so tests can record what would be shown. */
public interface Notifier {

    /** {@code open} runs when the person clicks the notification (it opens the conversation). */
    void attentionRequired(String title, String text, Runnable open);

    /** A short chime, for a person who turned sound on: heard even with the window minimised. */
    void chime();
}
