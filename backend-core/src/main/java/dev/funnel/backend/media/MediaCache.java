package dev.funnel.backend.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Media already downloaded from Meta, on disk in the data folder, so a chat shows an image again
 * without another Graph API call. Bounded: the least recently used files go first.
 */
public final class MediaCache {

    /** A cached file and its type. */
    public record Entry(byte[] bytes, String mimeType) {
    }

    private final Path dir;
    private final long maxBytes;

    public MediaCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public Optional<Entry> get(String key) {
        Path data = dir.resolve(name(key) + ".bin");
        Path type = dir.resolve(name(key) + ".type");
        try {
            if (!Files.exists(data) || !Files.exists(type)) {
                return Optional.empty();
            }
            Files.setLastModifiedTime(data, FileTime.from(Instant.now()));
            return Optional.of(new Entry(Files.readAllBytes(data), Files.readString(type)));
        } catch (IOException e) {
            return Optional.empty(); // a half-evicted entry is just a miss
        }
    }

    public synchronized void put(String key, Entry entry) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "media", ".tmp");
            Files.write(tmp, entry.bytes());
            Files.writeString(dir.resolve(name(key) + ".type"), entry.mimeType(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name(key) + ".bin"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            evict();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the media cache in " + dir, e);
        }
    }

    private void evict() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".bin"))
                    .sorted(Comparator.comparing(MediaCache::lastUsed)).toList();
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        for (Path f : files) {
            if (total <= maxBytes) {
                return;
            }
            total -= Files.size(f);
            Files.deleteIfExists(f);
            Files.deleteIfExists(Path.of(f.toString().replace(".bin", ".type")));
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String name(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
