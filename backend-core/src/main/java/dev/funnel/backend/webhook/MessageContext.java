package dev.funnel.backend.webhook;

/**
 * A message's {@code context}: what it replies to ({@code from}, {@code id}) and whether it was forwarded.
 * The flags are null when Meta did not say.
 */
public record MessageContext(String from, String id, Boolean forwarded, Boolean frequentlyForwarded) {
}
