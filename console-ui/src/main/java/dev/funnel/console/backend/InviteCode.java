package dev.funnel.console.backend;

/** The code a colleague signs up with to join the organisation (as an agent). */
public record InviteCode(String inviteCode) {
}
