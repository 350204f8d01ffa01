package dev.funnel.backend.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file the knowledge base reads. */
public enum DocumentType {
    PDF("application/pdf", ".pdf"),
    MARKDOWN("text/markdown", ".md", ".markdown"),
    TEXT("text/plain", ".txt");

    private final String contentType;
    private final String[] extensions;

    DocumentType(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** By the stored content type. */
    public static Optional<DocumentType> of(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    /**
     * By a request's Content-Type (parameters such as charset ignored); a generic one
     * ({@code application/octet-stream} or none) is read from the file name's extension.
     */
    public static Optional<DocumentType> of(String contentType, String fileName) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/x-markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (!type.isEmpty() && !type.equals("application/octet-stream")) {
            return of(type);
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> Arrays.stream(t.extensions).anyMatch(name::endsWith)).findFirst();
    }
}
