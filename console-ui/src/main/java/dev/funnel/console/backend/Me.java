package dev.funnel.console.backend;

public record Me(UserAccount user, Organisation organisation) {
}
