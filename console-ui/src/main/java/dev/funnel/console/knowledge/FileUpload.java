package dev.funnel.console.knowledge;

/**
 * One file of an upload batch as the screen lists it.
 *
 * @param detail     the chunk count once ready, the reason once failed or refused; empty otherwise
 * @param documentId the backend's document once uploaded; null before
 */
public record FileUpload(String fileName, Stage stage, String detail, String documentId) {

    /** Where a file is: the first three while it moves, the last four once settled. */
    public enum Stage { WAITING, UPLOADING, INDEXING, READY, FAILED, REFUSED, DELETED }

    public boolean settled() {
        return stage.ordinal() >= Stage.READY.ordinal();
    }

    FileUpload of(String uploadedAs) {
        return new FileUpload(fileName, stage, detail, uploadedAs);
    }

    FileUpload at(Stage next, String nextDetail) {
        return new FileUpload(fileName, next, nextDetail, documentId);
    }

    /** "waiting", "uploading…", "ready: 14 chunks", "failed: the PDF has no text layer". */
    public String statusText() {
        return switch (stage) {
            case WAITING -> "waiting";
            case UPLOADING -> "uploading\u2026";
            case INDEXING -> "indexing\u2026";
            case READY -> "ready: " + detail;
            case FAILED -> "failed: " + detail;
            case REFUSED -> "refused: " + detail;
            case DELETED -> "deleted";
        };
    }
}
