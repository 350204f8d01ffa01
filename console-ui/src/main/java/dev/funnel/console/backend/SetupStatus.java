package dev.funnel.console.backend;

/** Whether the server already has an organisation; a fresh install has none and needs the first-run form. */
public record SetupStatus(boolean hasOrganisation) {
}
