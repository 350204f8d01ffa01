package dev.funnel.console.knowledge;

import java.util.Locale;

/** How the console names a chunk of a knowledge document, in search hits and in traces alike. */
public final class Passages {

    private Passages() {
    }

    /** "shipping.md · chunk 2 · score 0.83". */
    public static String where(String documentName, int chunkIndex, double score) {
        return documentName + "  \u00b7  chunk " + chunkIndex + "  \u00b7  score "
                + String.format(Locale.ROOT, "%.2f", score);
    }
}
