package dev.funnel.console.dashboard;

/** One of today's figures: "Needs a person / 4 / conversations waiting". {@code alert} draws the eye to it. */
public record DashboardTile(String label, String value, String detail, boolean alert) {
}
