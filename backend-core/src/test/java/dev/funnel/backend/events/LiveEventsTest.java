package dev.funnel.backend.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.testing.ApiClient;
import dev.funnel.backend.testing.EventsClient;
import dev.funnel.backend.testing.SoloBackend;
import dev.funnel.backend.testing.SoloServers;
import dev.funnel.backend.testing.Waits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code /ws} live connection: numbered events, resuming after a reconnect, one organisation's
 * events kept from another, the client's own messages. Organisations here have no model, so a
 * simulated lead's message is flagged for a person.
 */
class LiveEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger ORGANISATIONS = new AtomicInteger();

    private static SoloServers servers;
    private static RunningBackend backend;

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        servers = SoloServers.start(dataDir, "live-app-secret", Map.of("FUNNEL_DEBOUNCE_MS", "0"));
        backend = servers.backend();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void eventsArriveNumberedInIncreasingOrderAndAFlagIsAnnounced() {
        Organisation org = signUp();

        try (EventsClient events = new EventsClient(base(), org.api().token())) {
            String conversation = simulateLead(org);

            JsonNode flagged = events.await("action_conversations_flagged", p -> true, WAIT);
            events.await("action_human_attention_required", p -> true, WAIT);
            assertThat(flagged.path("payload").path("conversation_ids").get(0).asText()).isEqualTo(conversation);
            assertThat(flagged.path("payload").path("reason").asText()).contains("No language model is configured");
            assertThat(events.seqs()).isNotEmpty().isSorted().doesNotHaveDuplicates()
                    .containsExactlyElementsOf(logged(org, 0));
        }
    }

    @Test
    void aConsoleThatReconnectsWithACursorGetsExactlyWhatItMissedThenLiveEvents() {
        Away away = consoleHeardEverythingAndLeft();
        away.change("takeover");
        away.change("release");
        List<Long> missed = away.missed();

        try (EventsClient back = away.reconnect(OptionalLong.of(away.seen()))) {
            back.awaitSeq(missed.getLast(), WAIT);
            away.change("takeover");
            back.awaitSeq(away.missed().getLast(), WAIT);

            assertThat(missed).hasSize(4);
            assertThat(back.seqs()).containsExactlyElementsOf(away.missed());
            assertThat(back.events().stream().filter(e -> e.has("seq")).map(e -> e.path("event").asText()).toList())
                    .containsExactly("takeover_started", "conversation_updated", "takeover_ended",
                            "conversation_updated", "takeover_started", "conversation_updated");
        }
    }

    @Test
    void aResumeMessageReplaysWhatWasMissedWithoutRepeatingAnything() {
        Away away = consoleHeardEverythingAndLeft();
        away.change("takeover");

        try (EventsClient back = away.reconnect(OptionalLong.empty())) {
            back.send(away.resumeMessage());
            // the resume is answered before the next change, which then arrives live after it
            back.awaitSeq(away.missed().getLast(), WAIT);
            away.change("release");
            back.awaitSeq(away.missed().getLast(), WAIT);

            assertThat(back.seqs()).containsExactlyElementsOf(away.missed());
        }
    }

    @Test
    void aLateResumeMessageSendsOnlyTheEventsTheConsoleHasNotHeardOnThisConnection() {
        Away away = consoleHeardEverythingAndLeft();
        away.change("takeover");

        try (EventsClient back = away.reconnect(OptionalLong.empty())) {
            away.change("release");
            back.awaitSeq(away.missed().getLast(), WAIT);
            back.send(away.resumeMessage());
            back.send("{\"type\":\"ack\",\"seq\":0}");
            back.await("ack", p -> true, WAIT);

            assertThat(back.seqs()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(away.missed());
        }
    }

    @Test
    void eventsPublishedWhileAConsoleResumesArriveOnceEachWithNoGap() throws Exception {
        Away away = consoleHeardEverythingAndLeft();
        Thread changes = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 30; i++) {
                away.change(i % 2 == 0 ? "takeover" : "release");
            }
        });

        try (EventsClient back = away.reconnect(OptionalLong.of(away.seen()))) {
            changes.join();
            List<Long> expected = away.missed();
            back.awaitSeq(expected.getLast(), WAIT);

            assertThat(expected).hasSize(60);
            assertThat(back.seqs()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anotherOrganisationsConsoleNeverHearsTheEvents() {
        Organisation mine = signUp();
        Organisation theirs = signUp();

        try (EventsClient them = new EventsClient(base(), theirs.api().token(), OptionalLong.of(0));
             EventsClient me = new EventsClient(base(), mine.api().token())) {
            simulateLead(mine);
            me.await("action_human_attention_required", p -> true, WAIT);
            try (EventsClient themAgain = new EventsClient(base(), theirs.api().token(), OptionalLong.of(0))) {
                themAgain.await("server_hello", p -> true, WAIT);
                them.send("{\"type\":\"ack\",\"seq\":1}");
                them.await("ack", p -> true, WAIT);

                assertThat(logged(mine, 0)).isNotEmpty();
                assertThat(them.seqs()).isEmpty();
                assertThat(themAgain.seqs()).isEmpty();
            }
        }
    }

    @Test
    void aFrameTheServerCannotReadIsAnsweredWithAnErrorAndTheConnectionStaysOpen() {
        Organisation org = signUp();

        try (EventsClient events = new EventsClient(base(), org.api().token())) {
            events.send("hello?");
            events.send("{\"type\":\"subscribe\"}");
            events.send("{\"type\":\"resume\",\"after\":-3}");
            events.send("{\"type\":\"ack\",\"seq\":42}");

            JsonNode ack = events.await("ack", p -> true, WAIT);
            assertThat(ack.path("payload").path("seq").asLong()).isEqualTo(42);
            assertThat(events.events().stream().filter(e -> "error".equals(e.path("event").asText()))
                    .map(e -> e.path("payload").path("error").asText()).toList())
                    .satisfiesExactly(
                            notJson -> assertThat(notJson).contains("not JSON"),
                            unknown -> assertThat(unknown).contains("Unknown message type 'subscribe'"),
                            badCursor -> assertThat(badCursor).contains("resume needs \"after\""));
        }
    }

    @Test
    void aHeartbeatIsAnsweredWithAHeartbeat() {
        Organisation org = signUp();

        try (EventsClient events = new EventsClient(base(), org.api().token())) {
            events.send("{\"type\":\"heartbeat\"}");

            events.await("heartbeat", p -> true, WAIT);
        }
    }

    @Test
    void withoutAValidTokenOrCursorTheUpgradeIsRefused() {
        Organisation org = signUp();
        String token = org.api().token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(EventsClient.refusedUpgrade(base(), "")).isBetween(400, 499);
        assertThat(EventsClient.refusedUpgrade(base(), "token=" + tampered)).isBetween(400, 499);
        assertThat(EventsClient.refusedUpgrade(base(), "token=" + token + "&after=yesterday")).isBetween(400, 499);
    }

    @Test
    void theServerSendsHeartbeatsOfItsOwn(@TempDir Path dataDir) {
        RunningBackend quick = SoloBackend.start(dataDir, Map.of("FUNNEL_WS_HEARTBEAT_MS", "200"));
        try {
            ApiClient api = new ApiClient(quick.baseUri());
            api.signUp("Quiet Co", "quiet@quiet.test");
            try (EventsClient events = new EventsClient(quick.baseUri(), api.token())) {
                Waits.until("two heartbeats", WAIT, () -> events.events().stream()
                        .filter(e -> "heartbeat".equals(e.path("event").asText())).count() >= 2);
            }
        } finally {
            quick.stop();
        }
    }

    private record Organisation(ApiClient api, UUID id) {
    }

    private static Organisation signUp() {
        int n = ORGANISATIONS.incrementAndGet();
        ApiClient api = new ApiClient(base());
        JsonNode session = api.signUp("Live Co " + n, "ops" + n + "@live.test");
        return new Organisation(api, UUID.fromString(session.path("user").path("organisation_id").asText()));
    }

    /** A simulated lead writes; returns the conversation once its flag has been announced. */
    private static String simulateLead(Organisation org) {
        int before = logged(org, 0).size();
        org.api().post("/debug/simulate", "{\"from_phone\":\"1555000" + (1000 + ORGANISATIONS.get())
                + "\",\"text\":\"price?\"}");
        Waits.until("the flag to be announced", WAIT, () -> eventNames(org).contains("action_human_attention_required")
                && logged(org, 0).size() > before);
        return org.api().get("/conversations").body().get(0).path("id").asText();
    }

    /** An organisation with a conversation whose console heard every event so far and disconnected at {@code seen}. */
    private record Away(Organisation org, String conversation, long seen) {

        void change(String action) {
            setMode(org, conversation, action);
        }

        /** The organisation's cursors logged since the console left. */
        List<Long> missed() {
            return logged(org, seen);
        }

        /** The console again, once the server said hello. */
        EventsClient reconnect(OptionalLong after) {
            EventsClient back = new EventsClient(base(), org.api().token(), after);
            back.await("server_hello", p -> true, WAIT);
            return back;
        }

        String resumeMessage() {
            return "{\"type\":\"resume\",\"after\":" + seen + "}";
        }
    }

    private static Away consoleHeardEverythingAndLeft() {
        Organisation org = signUp();
        String conversation = simulateLead(org);
        long last = logged(org, 0).getLast();
        try (EventsClient first = new EventsClient(base(), org.api().token(), OptionalLong.of(0))) {
            first.awaitSeq(last, WAIT);
            return new Away(org, conversation, first.seqs().getLast());
        }
    }

    private static void setMode(Organisation org, String conversation, String action) {
        ApiClient.Response r = org.api().post("/conversations/" + conversation + "/" + action, "{}");
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }

    /** The organisation's logged cursors after {@code after}, in order, as the table has them. */
    private static List<Long> logged(Organisation org, long after) {
        return backend.db().inTransaction(tx -> tx.query(
                "SELECT seq FROM live_events WHERE organisation_id = ? AND seq > ? ORDER BY seq",
                rs -> rs.getLong(1), org.id(), after));
    }

    private static List<String> eventNames(Organisation org) {
        return backend.db().inTransaction(tx -> tx.query(
                "SELECT event FROM live_events WHERE organisation_id = ? ORDER BY seq", rs -> rs.getString(1), org.id()));
    }

    private static URI base() {
        return backend.baseUri();
    }
}
