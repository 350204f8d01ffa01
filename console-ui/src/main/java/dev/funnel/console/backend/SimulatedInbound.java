package dev.funnel.console.backend;

/** A lead's message injected through the backend's real webhook path, for trying Funnel without WhatsApp. */
public record SimulatedInbound(String fromPhone, String name, String text) {
}
