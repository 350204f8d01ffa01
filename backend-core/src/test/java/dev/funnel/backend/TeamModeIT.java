package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.BackendProcess;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.LlmScripts;
import dev.funnel.backend.testing.ScriptedLlmServer;
import dev.funnel.backend.testing.TeamServers;
import dev.funnel.backend.testing.Waits;
import dev.funnel.backend.testing.Webhooks;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Team mode: two backend processes on one PostgreSQL database and one SQS queue (ElasticMQ), each
 * with a console's WebSocket connection. Both consume the queue; every message is stored and answered
 * once, every follow-up sent once, and each console hears every event, whichever backend logged it.
 *
 * <p>The scripted model writes replies that name the lead messages they answer ("L3M1": those of the
 * conversation in the prompt that no bot reply names yet), so the Graph API's recording shows which
 * turn answered which message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamModeIT {

    private static final int LEADS = 40;
    private static final int MESSAGES_PER_LEAD = 5;
    private static final int FOLLOWUP_LEADS = 30;
    private static final String APP_SECRET = "team-secret";
    private static final String PHONE_NUMBER_ID = "8880001112223";
    private static final String NUDGE = "Just checking in: shall I share the plan details?";
    private static final String QUIET_PHONES = "4917199";
    private static final String QUIET_CONVERSATIONS = "SELECT c.id FROM conversations c JOIN leads l"
            + " ON l.id = c.lead_id WHERE l.phone LIKE '%" + QUIET_PHONES + "%'";
    private static final Pattern MESSAGE_NAME = Pattern.compile("L\\d+M\\d+");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static TeamServers servers;
    private static final List<BackendProcess> backends = new ArrayList<>();
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        servers = new TeamServers("team-inbound");
        LlmScripts.sendNow(servers.llm, "unused: the reply names the messages it answers");
        servers.llm.answerWith(PipelineStep.GENERATE, TeamModeIT::replyNamingTheMessages);
        // a model that takes a moment, so a lead's next message often reaches the other backend mid-turn
        servers.llm.delay(Duration.ofMillis(100));
        servers.llm.script(PipelineStep.FOLLOWUP, """
                {"message_text":"%s","message_language":"en","cta_type":null,
                 "reasoning":"The lead went quiet","self_check":{"guardrails_pass":true,"violations":[]}}"""
                .formatted(NUDGE));
        Map<String, String> env = new HashMap<>(servers.environment(APP_SECRET));
        env.put("FUNNEL_FOLLOWUP_POLL_MS", "20");
        for (int i = 0; i < 2; i++) {
            backends.add(new BackendProcess(Files.createTempDirectory("funnel-team-" + i), env).launch());
        }
        api = new ApiClient(backends.getFirst().baseUri());
        api.signUp("Team Solar", "ops@team.test");
        api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-team\"}"
                .formatted(PHONE_NUMBER_ID));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (BackendProcess backend : backends) {
            backend.kill();
        }
        servers.close();
    }

    @Test
    @Order(1)
    void bothBackendsConsumeEachMessageIsAnsweredOnceAndBothConsolesHearEveryEvent() {
        long before = count("SELECT COALESCE(MAX(seq), 0) FROM live_events");
        try (EventsClient onFirst = new EventsClient(backends.get(0).baseUri(), api.token());
             EventsClient onSecond = new EventsClient(backends.get(1).baseUri(), api.token())) {
            long firstWrote = Webhooks.aMinuteAgo();
            for (int m = 0; m < MESSAGES_PER_LEAD; m++) {
                for (int lead = 0; lead < LEADS; lead++) {
                    queue(phone(lead), "wamid.team." + lead + "." + m, firstWrote + m, name(lead, m) + ": hello");
                }
            }

            Waits.until("every message stored and its turn done", WAIT, () -> count(
                    "SELECT COUNT(*) FROM messages WHERE message_from = 'lead' AND turn_status = 'done'")
                    == LEADS * MESSAGES_PER_LEAD);
            Waits.until("every reply sent", WAIT, () -> count(
                    "SELECT COUNT(*) FROM messages WHERE message_from = 'bot' AND status = 'queued'") == 0);
            Waits.until("the queue to drain", WAIT, servers::queueDrained);
            // the last events (statuses, planned follow-ups) may still be logged now: wait until both consoles
            // heard the latest, then compare what they heard with the log up to there
            Waits.until("both consoles to hear the latest event", WAIT, () -> {
                long latest = count("SELECT COALESCE(MAX(seq), 0) FROM live_events");
                return last(onFirst) == latest && last(onSecond) == latest;
            });
            List<Long> heardOnFirst = onFirst.seqs();
            List<Long> heardOnSecond = onSecond.seqs();
            List<Long> logged = loggedAfter(before);
            System.out.printf("team mode: %d messages, %d replies, %d turns dropped because the other backend"
                            + " answered first, %d events; message_created published by the backends: %d and %d%n",
                    LEADS * MESSAGES_PER_LEAD, servers.graph.sends().size(),
                    count("SELECT COUNT(*) FROM conversation_events WHERE event_type = 'turn_superseded'"),
                    logged.size(), messagesCreatedBy(backends.get(0)), messagesCreatedBy(backends.get(1)));

            assertThat(count("SELECT COUNT(*) FROM messages WHERE message_from = 'lead'"))
                    .isEqualTo(LEADS * MESSAGES_PER_LEAD);
            assertThat(count("SELECT COUNT(DISTINCT inbound_key) FROM messages WHERE message_from = 'lead'"))
                    .isEqualTo(LEADS * MESSAGES_PER_LEAD);
            List<String> answered = servers.graph.sends().stream()
                    .flatMap(send -> names(send.body().path("text").path("body").asText()).stream()).toList();
            assertThat(answered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(IntStream.range(0, LEADS)
                    .boxed().flatMap(l -> IntStream.range(0, MESSAGES_PER_LEAD).mapToObj(m -> name(l, m))).toList());
            assertThat(servers.graph.sends())
                    .hasSize(count("SELECT COUNT(*) FROM messages WHERE message_from = 'bot'"));
            assertThat(backends).allSatisfy(b -> assertThat(messagesCreatedBy(b)).isPositive());
            assertThat(logged).hasSizeGreaterThan(LEADS * MESSAGES_PER_LEAD);
            assertThat(heardOnFirst).containsExactlyElementsOf(logged.subList(0, heardOnFirst.size()));
            assertThat(heardOnSecond).containsExactlyElementsOf(logged.subList(0, heardOnSecond.size()));
        }
    }

    @Test
    @Order(2)
    void eachDueFollowupIsSentOnceThoughBothBackendsPoll() {
        for (int lead = 0; lead < FOLLOWUP_LEADS; lead++) {
            queue(QUIET_PHONES + (1000 + lead), "wamid.quiet." + lead, Webhooks.aMinuteAgo(), "How much is it?");
        }
        Waits.until("every lead answered and a follow-up planned", WAIT, () -> count("""
                SELECT COUNT(*) FROM scheduled_actions WHERE status = 'pending' AND action_type = 'followup'
                AND conversation_id IN (%s)""".formatted(QUIET_CONVERSATIONS)) == FOLLOWUP_LEADS);

        // as if the leads wrote eleven minutes ago: every first nudge is due now
        servers.db.inTransactionRun(tx -> {
            tx.update("UPDATE conversations SET last_user_message_at = ? WHERE id IN (" + QUIET_CONVERSATIONS + ")",
                    Instant.now().minus(Duration.ofMinutes(11)));
            tx.update("UPDATE scheduled_actions SET scheduled_at = ? WHERE status = 'pending' AND conversation_id IN ("
                    + QUIET_CONVERSATIONS + ")", Instant.now().minusSeconds(1));
        });

        Waits.until("every nudge sent", WAIT, () -> nudgesPerLead().size() == FOLLOWUP_LEADS
                && count("SELECT COUNT(*) FROM messages WHERE idempotency_key LIKE 'followup:%'") == FOLLOWUP_LEADS);

        assertThat(nudgesPerLead().values()).hasSize(FOLLOWUP_LEADS).containsOnly(1L);
        assertThat(count("SELECT COUNT(*) FROM scheduled_actions WHERE status = 'executed'")).isEqualTo(FOLLOWUP_LEADS);
    }

    /** GENERATE's answer: a reply naming the lead messages in the prompt's conversation that no bot reply names. */
    private static String replyNamingTheMessages(ScriptedLlmServer.RecordedRequest request) {
        Set<String> unanswered = new LinkedHashSet<>();
        Set<String> answered = new HashSet<>();
        for (String line : request.user().split("\n")) {
            if (line.startsWith("lead:") || line.startsWith("lead ")) {
                unanswered.addAll(names(line));
            } else if (line.startsWith("bot:") || line.startsWith("bot ")) {
                answered.addAll(names(line));
            }
        }
        unanswered.removeAll(answered);
        return """
                {"message_text":"Thanks, noted: %s.","message_language":"en","cta_type":null,"next_stage":"pricing",
                 "state_patch":{"intent_level":"high","user_sentiment":"curious"},
                 "self_check":{"guardrails_pass":true,"violations":[]}}""".formatted(String.join(" ", unanswered));
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = MESSAGE_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static void queue(String from, String messageId, long epochSeconds, String text) {
        servers.queue(Webhooks.text(PHONE_NUMBER_ID, from, messageId, epochSeconds, text));
    }

    /** How the scripted model's replies name the lead's m-th message. */
    private static String name(int lead, int m) {
        return "L" + lead + "M" + m;
    }

    private static String phone(int lead) {
        return "49170" + (1_000_000 + lead);
    }

    private static long last(EventsClient console) {
        List<Long> heard = console.seqs();
        return heard.isEmpty() ? 0 : heard.getLast();
    }

    private static List<Long> loggedAfter(long seq) {
        return servers.db.inTransaction(tx -> tx.query("SELECT seq FROM live_events WHERE seq > ? ORDER BY seq",
                rs -> rs.getLong(1), seq));
    }

    private static long messagesCreatedBy(BackendProcess backend) {
        Matcher published = Pattern.compile("funnel_events_published_total\\{event=\"message_created\"} (\\d+)")
                .matcher(new ApiClient(backend.baseUri()).getRaw("/metrics").body());
        return published.find() ? Long.parseLong(published.group(1)) : 0;
    }

    private static Map<String, Long> nudgesPerLead() {
        return servers.graph.sends().stream()
                .filter(send -> NUDGE.equals(send.body().path("text").path("body").asText()))
                .collect(Collectors.groupingBy(send -> send.body().path("to").asText(), Collectors.counting()));
    }

    private static int count(String sql) {
        return servers.count(sql);
    }
}
