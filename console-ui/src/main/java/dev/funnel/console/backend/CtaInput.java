package dev.funnel.console.backend;

/** A new call to action or a change to one; an empty description or url clears it. */
public record CtaInput(String name, String ctaType, String description, String url, boolean isActive) {
}
