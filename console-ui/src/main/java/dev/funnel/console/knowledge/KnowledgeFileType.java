package dev.funnel.console.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file the knowledge base takes, told apart by the file name's extension. */
public enum KnowledgeFileType {

    PDF("application/pdf", "PDF", List.of(".pdf")),
    MARKDOWN("text/markdown", "Markdown", List.of(".md", ".markdown")),
    TEXT("text/plain", "Text", List.of(".txt"));

    /** For the file chooser's filter. */
    public static final List<String> PATTERNS = List.of("*.pdf", "*.md", "*.markdown", "*.txt");

    private final String contentType;
    private final String label;
    private final List<String> extensions;

    KnowledgeFileType(String contentType, String label, List<String> extensions) {
        this.contentType = contentType;
        this.label = label;
        this.extensions = extensions;
    }

    public static Optional<KnowledgeFileType> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (KnowledgeFileType type : values()) {
            if (type.extensions.stream().anyMatch(name::endsWith)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** "PDF", "Markdown", "Text"; a content type this console does not know is shown as it is. */
    public static String label(String contentType) {
        for (KnowledgeFileType type : values()) {
            if (type.contentType.equals(contentType)) {
                return type.label;
            }
        }
        return contentType;
    }

    public String contentType() {
        return contentType;
    }
}
