package dev.funnel.console.backend;

/** A call to action: the concrete next step the bot may lead a lead to; only active ones are offered. */
public record Cta(String id, String name, String ctaType, String description, String url, boolean isActive) {
}
