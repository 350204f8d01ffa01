package dev.funnel.backend.webhook;

/**
 * The click-to-WhatsApp ad or post a lead came from. {@code ctwaClid} identifies the click for conversion
 * reporting back to Meta.
 */
public record Referral(String sourceUrl, String sourceId, String sourceType, String headline, String body,
                       String mediaType, String imageUrl, String videoUrl, String thumbnailUrl,
                       String ctwaClid) {
}
