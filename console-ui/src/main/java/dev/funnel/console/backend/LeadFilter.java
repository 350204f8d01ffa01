package dev.funnel.console.backend;

/** Which leads to list or export; a null or blank part does not filter. {@code q} searches name, phone, email and company. */
public record LeadFilter(String stage, String intentLevel, String sentiment, String q) {

    public static final LeadFilter ALL = new LeadFilter(null, null, null, null);
}
