package dev.funnel.backend.analytics;

import dev.funnel.backend.auth.Caller;
import dev.funnel.backend.auth.Tokens;
import dev.funnel.backend.db.Db;
import dev.funnel.backend.http.ApiException;
import dev.funnel.backend.http.Json;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code GET /analytics?from=YYYY-MM-DD&to=YYYY-MM-DD}: the organisation's funnel, states, handoffs,
 * response times, messages and model usage over a range of its own days (both ends included; the
 * last 30 days when not given). Leads are counted when they were created in the range.
 */
public final class AnalyticsService implements HttpService {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final Db db;
    private final Tokens tokens;
    private final Clock clock;
    private final AnalyticsRepository analytics = new AnalyticsRepository();

    public AnalyticsService(Db db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::report);
    }

    private void report(ServerRequest req, ServerResponse res) {
        Caller caller = tokens.caller(req);
        Optional<LocalDate> fromParam = date(req, "from");
        Optional<LocalDate> toParam = date(req, "to");
        Analytics.Report report = db.inTransaction(tx -> {
            ZoneId zone = analytics.zone(tx, caller.organisationId());
            LocalDate to = toParam.orElseGet(() -> LocalDate.ofInstant(clock.instant(), zone));
            LocalDate from = fromParam.orElseGet(() -> to.minusDays(DEFAULT_DAYS - 1));
            if (to.isBefore(from)) {
                throw ApiException.badRequest("to must be on or after from");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                throw ApiException.badRequest("from and to must be at most " + MAX_DAYS + " days apart");
            }
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
            return Analytics.report(from, to, zone, analytics.leadStates(tx, caller.organisationId(), start, end),
                    analytics.messages(tx, caller.organisationId(), start, end),
                    analytics.events(tx, caller.organisationId(), start, end),
                    analytics.takeovers(tx, caller.organisationId(), start, end));
        });
        Json.ok(res, report);
    }

    private static Optional<LocalDate> date(ServerRequest req, String name) {
        Optional<String> raw = req.query().first(name).filter(value -> !value.isBlank());
        try {
            return raw.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date like 2026-11-30");
        }
    }
}
