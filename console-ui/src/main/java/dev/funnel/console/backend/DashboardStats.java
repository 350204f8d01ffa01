package dev.funnel.console.backend;

import java.time.LocalDate;

/** The organisation's figures now and for {@code today}, its own day in its time zone. */
public record DashboardStats(
        LocalDate today,
        String timeZone,
        int leadsTotal,
        int leadsNewToday,
        int conversationsTotal,
        int conversationsBot,
        int conversationsHuman,
        int needsAttention,
        int messagesInToday,
        int messagesOutToday,
        int botRepliesToday,
        int handoffsToday,
        int followupsPending) {
}
