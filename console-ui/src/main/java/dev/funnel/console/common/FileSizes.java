package dev.funnel.console.common;

import java.util.Locale;

/** A file's size in words, for progress lines and tables. */
public final class FileSizes {

    private FileSizes() {
    }

    /** "812 bytes", "2.1 KB", "4.8 MB". */
    public static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
