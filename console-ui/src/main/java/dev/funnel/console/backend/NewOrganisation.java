package dev.funnel.console.backend;

/** First-run sign-up: creates the organisation and its first (admin) user. */
public record NewOrganisation(String organisationName, String name, String email, String password) {
}
