package dev.funnel.console.backend;

/** A lead added by hand: the phone is required, the rest may be null. */
public record NewLead(String phone, String name, String email, String company) {
}
