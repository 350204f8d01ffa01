package dev.funnel.console.backend;

public record Organisation(String id, String name) {
}
