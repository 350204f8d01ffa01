package dev.funnel.console.inbox;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/**
 * A lead's media in the chat: images and stickers are fetched for a thumbnail, other media (voice
 * notes, videos, documents) is offered as a labelled chip to open or save. Downloads go through the
 * executor, never the FX thread, and the last few are kept so scrolling back does not fetch them again.
 */
public final class ChatMedia {

    private static final int KEPT = 32;
    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", ".jpg", "image/png", ".png", "image/webp", ".webp", "audio/ogg", ".ogg",
            "audio/mpeg", ".mp3", "audio/mp4", ".m4a", "video/mp4", ".mp4", "application/pdf", ".pdf");

    private final BackendClient client;
    private final TaskExecutor executor;
    private final StringProperty error;
    private final Map<String, List<Consumer<byte[]>>> loading = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final Map<String, byte[]> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    /** @param error where a failed download is told, the chat's error line */
    ChatMedia(BackendClient client, TaskExecutor executor, StringProperty error) {
        this.client = client;
        this.executor = executor;
        this.error = error;
    }

    /** Images and stickers get a thumbnail; other media a chip. */
    public static boolean hasThumbnail(Message message) {
        return message.hasMedia() && ("image".equals(message.messageType()) || "sticker".equals(message.messageType()));
    }

    /** "📄 quote.pdf · application/pdf", "🎵 Audio · audio/ogg"... what the chip says. */
    public static String label(Message message) {
        String kind = switch (message.messageType() == null ? "" : message.messageType()) {
            case "image" -> "🖼 Image";
            case "sticker" -> "Sticker";
            case "audio" -> "🎵 Audio";
            case "video" -> "🎬 Video";
            case "document" -> "📄 " + (blank(message.mediaFilename()) ? "Document" : message.mediaFilename());
            default -> "📎 File";
        };
        return blank(message.mediaMimeType()) ? kind : kind + " · " + mimeType(message);
    }

    /** The name to save it under: the document's own name (made safe), or its type, id and extension. */
    public static String fileName(Message message) {
        if (!blank(message.mediaFilename())) {
            String safe = message.mediaFilename().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
            if (!safe.isEmpty() && !safe.startsWith(".")) {
                return safe;
            }
        }
        String type = blank(message.messageType()) ? "media" : message.messageType();
        return type + "-" + message.id() + EXTENSIONS.getOrDefault(mimeType(message), "");
    }

    /**
     * The media's bytes, handed to {@code loaded} on the FX thread. Cells ask again each time they are
     * redrawn: one download serves every ask, and one that failed (said in the chat's error line) is not
     * tried again until the chat is opened anew.
     */
    public void load(Message message, Consumer<byte[]> loaded) {
        byte[] cached = kept.get(message.id());
        if (cached != null) {
            loaded.accept(cached);
            return;
        }
        if (failed.contains(message.id())) {
            return;
        }
        List<Consumer<byte[]>> waiting = loading.get(message.id());
        if (waiting != null) {
            waiting.add(loaded);
            return;
        }
        loading.put(message.id(), new ArrayList<>(List.of(loaded)));
        executor.execute(() -> client.media(message.id()), bytes -> {
            kept.put(message.id(), bytes);
            loading.remove(message.id()).forEach(each -> each.accept(bytes));
        }, failure -> {
            loading.remove(message.id());
            failed.add(message.id());
            error.set("Could not load the " + message.messageType() + ": " + ErrorMessages.describe(failure));
        });
    }

    /** A chat opened anew tries the downloads that failed again. */
    void forgetFailures() {
        failed.clear();
    }

    /** Downloads it to {@code target}, a file the person chose. */
    public void save(Message message, Path target) {
        byte[] cached = kept.get(message.id());
        executor.execute(() -> {
            Files.write(target, cached != null ? cached : client.media(message.id()));
            return target;
        }, saved -> { }, failure -> error.set("Could not save " + fileName(message) + ": " + ErrorMessages.describe(failure)));
    }

    /**
     * Downloads it to a fresh temporary folder under its file name and has the desktop open it there
     * ({@code openOnDesktop} runs in the background: desktops may take a while to start an application).
     */
    public void openCopy(Message message, Consumer<Path> openOnDesktop) {
        byte[] cached = kept.get(message.id());
        executor.execute(() -> {
            Path target = Files.createTempDirectory("funnel-media").resolve(fileName(message));
            Files.write(target, cached != null ? cached : client.media(message.id()));
            openOnDesktop.accept(target);
            return target;
        }, opened -> { }, failure -> error.set("Could not open " + fileName(message) + ": "
                + ErrorMessages.describe(failure)));
    }

    private static String mimeType(Message message) {
        String mime = message.mediaMimeType() == null ? "" : message.mediaMimeType();
        int parameters = mime.indexOf(';');
        return (parameters < 0 ? mime : mime.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
