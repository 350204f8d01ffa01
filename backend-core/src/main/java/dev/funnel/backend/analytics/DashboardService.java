package dev.funnel.backend.analytics;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.Json;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** {@code GET /dashboard/stats}: the organisation's figures now and for today (its own day, in its time zone). */
public final class DashboardService implements HttpService {

    /** The counts with the day they are for. */
    record Stats(LocalDate today, String timeZone, int leadsTotal, int leadsNewToday, int conversationsTotal,
                 int conversationsBot, int conversationsHuman, int needsAttention, int messagesInToday,
                 int messagesOutToday, int botRepliesToday, int handoffsToday, int followupsPending) {
    }

    private final Db db;
    private final Tokens tokens;
    private final Clock clock;
    private final AnalyticsRepository analytics = new AnalyticsRepository();

    public DashboardService(Db db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", this::stats);
    }

    private void stats(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Stats stats = db.inTransaction(tx -> {
            ZoneId zone = analytics.zone(tx, caller.organisationId());
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            AnalyticsRepository.Dashboard d = analytics.dashboard(tx, caller.organisationId(),
                    today.atStartOfDay(zone).toInstant());
            return new Stats(today, zone.getId(), d.leadsTotal(), d.leadsNewToday(),
                    d.conversationsBot() + d.conversationsHuman(), d.conversationsBot(), d.conversationsHuman(),
                    d.needsAttention(), d.messagesInToday(), d.messagesOutToday(), d.botRepliesToday(),
                    d.handoffsToday(), d.followupsPending());
        });
        Json.ok(res, stats);
    }
}
