package dev.funnel.console.backend;

public record UserAccount(String id, String name, String email, String role, String organisationId) {
}
