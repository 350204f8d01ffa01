package dev.funnel.console.common;

import java.util.ArrayList;
import java.util.List;

/** Remembers the notifications that would have popped up; {@link #clickLast()} plays the person's click. */
public final class RecordingNotifier implements Notifier {

    public record Shown(String title, String text) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public int chimes;
    private final List<Runnable> actions = new ArrayList<>();

    @Override
    public void attentionRequired(String title, String text, Runnable open) {
        shown.add(new Shown(title, text));
        actions.add(open);
    }

    @Override
    public void chime() {
        chimes++;
    }

    public void clickLast() {
        actions.getLast().run();
    }
}
