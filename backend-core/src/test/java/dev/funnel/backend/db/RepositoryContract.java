package dev.funnel.backend.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.funnel.backend.auth.UserRepository;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.followups.FollowupRepository;
import dev.funnel.backend.followups.ScheduledAction;
import dev.funnel.backend.leads.Lead;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.pipeline.PipelineStep;
import dev.funnel.backend.pipeline.PromptLibrary;
import dev.funnel.backend.pipeline.StepTrace;
import dev.funnel.backend.prompts.EffectivePrompt;
import dev.funnel.backend.prompts.OrganisationPrompts;
import dev.funnel.backend.queue.LocalQueue;
import dev.funnel.backend.queue.QueuedMessage;
import dev.funnel.backend.testing.DatabaseContract;
import dev.funnel.backend.trace.ModelPrices;
import dev.funnel.backend.trace.TraceRepository;
import dev.funnel.backend.trace.TraceRow;
import dev.funnel.backend.trace.Turn;
import dev.funnel.backend.whatsapp.IntegrationRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The repositories against the real migrations. Runs on H2 ({@link RepositoriesOnH2Test}) and on a
 * real PostgreSQL ({@link RepositoriesOnPostgresIT}): the same SQL must behave the same on both.
 */
abstract class RepositoryContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final UserRepository users = new UserRepository();
    private final IntegrationRepository integrations = new IntegrationRepository();
    private final LeadRepository leads = new LeadRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final MessageRepository messages = new MessageRepository();

    @Test
    void migrationsCreateTheWholeDataModel() {
        List<String> tables = List.of("organisations", "users", "whatsapp_integrations", "leads", "conversations",
                "messages", "ctas", "templates", "scheduled_actions", "conversation_events", "audit_log",
                "inbound_queue", "prompt_revisions");
        for (String table : tables) {
            List<Integer> count = db.inTransaction(tx -> tx.query("SELECT COUNT(*) FROM " + table, rs -> rs.getInt(1)));
            assertThat(count).as(table).containsExactly(0);
        }
    }

    @Test
    void timesSurviveTheRoundTripExactly() {
        Organisation org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW));

        assertThat(org.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aLeadIsCreatedOnceAndSimulatedLeadsAreKeptApart() {
        Organisation org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW));

        Lead first = db.inTransaction(tx -> leads.getOrCreate(tx, org.id(), "15550001", null, null, false, NOW));
        Lead again = db.inTransaction(tx -> leads.getOrCreate(tx, org.id(), "15550001", "Ravi", null, false, NOW));
        Lead simulated = db.inTransaction(tx -> leads.getOrCreate(tx, org.id(), "15550001", "Sim", null, true, NOW));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.name()).isEqualTo("Ravi");
        assertThat(simulated.id()).isNotEqualTo(first.id());
        assertThat(simulated.simulated()).isTrue();
    }

    @Test
    void anInboundMessageIsStoredOnceWhateverTheRedeliveries() {
        Conversation c = newConversation("Acme", "15550002");
        MessageRepository.Inbound in = new MessageRepository.Inbound("wamid.1", "key-1", "text", "hi", "{}", null, NOW,
                null, null);

        MessageRepository.Stored first = db.inTransaction(tx -> messages.storeInbound(tx, c, in, NOW));
        MessageRepository.Stored second = db.inTransaction(tx -> messages.storeInbound(tx, c, in, NOW));

        assertThat(first.inserted()).isTrue();
        assertThat(second.inserted()).isFalse();
        assertThat(second.message().id()).isEqualTo(first.message().id());
        assertThat(second.message().turnStatus()).isEqualTo("pending");
    }

    @Test
    void aReusedWhatsAppIdWithAnotherKeyIsAnotherMessage() {
        Conversation c = newConversation("Acme", "15550009");

        db.inTransaction(tx -> messages.storeInbound(tx, c,
                new MessageRepository.Inbound("wamid.xyzxyz", "key-a", "image", null, "{}", null, NOW, "m1", "image/jpeg"),
                NOW));
        MessageRepository.Stored other = db.inTransaction(tx -> messages.storeInbound(tx, c,
                new MessageRepository.Inbound("wamid.xyzxyz", "key-b", "audio", null, "{}", null, NOW, "m2", "audio/ogg"),
                NOW));
        List<Message> pending = db.inTransaction(tx -> messages.pendingTurn(tx, c.organisationId(), c.id()));

        assertThat(other.inserted()).isTrue();
        assertThat(pending).extracting(Message::mediaId).containsExactly("m1", "m2");
    }

    @Test
    void aTurnKeepsTheLeadsLanguageUntilAnotherIsNamed() {
        Conversation c = newConversation("Acme", "15550012");

        db.inTransactionRun(tx -> conversations.applyTurn(tx, c.id(), "pricing", "high", "curious", "s1", "es", NOW));
        db.inTransactionRun(tx -> conversations.applyTurn(tx, c.id(), "pricing", "high", "curious", "s2", null, NOW));
        String kept = db.inTransaction(tx -> conversations.find(tx, c.organisationId(), c.id())).orElseThrow().leadLanguage();
        db.inTransactionRun(tx -> conversations.applyTurn(tx, c.id(), "cta", "high", "curious", "s3", "hi-Latn", NOW));

        assertThat(kept).isEqualTo("es");
        assertThat(db.inTransaction(tx -> conversations.find(tx, c.organisationId(), c.id())).orElseThrow()
                .leadLanguage()).isEqualTo("hi-Latn");
    }

    @Test
    void aTurnClosesOnlyTheMessagesItAnswered() {
        Conversation c = newConversation("Acme", "15550010");
        MessageRepository.Stored first = db.inTransaction(tx -> messages.storeInbound(tx, c,
                new MessageRepository.Inbound("w1", "k1", "text", "one", "{}", null, NOW, null, null), NOW));
        db.inTransactionRun(tx -> messages.finishTurn(tx, List.of(first.message()), "done", NOW));
        db.inTransaction(tx -> messages.storeInbound(tx, c,
                new MessageRepository.Inbound("w2", "k2", "text", "two", "{}", null, NOW.plusSeconds(1), null, null),
                NOW));

        List<Message> pending = db.inTransaction(tx -> messages.pendingTurn(tx, c.organisationId(), c.id()));
        List<dev.funnel.backend.conversations.ConversationRef> waiting =
                db.inTransaction(messages::conversationsWithPendingTurns);

        assertThat(pending).extracting(Message::content).containsExactly("two");
        assertThat(waiting).extracting(dev.funnel.backend.conversations.ConversationRef::conversationId)
                .containsExactly(c.id());
    }

    @Test
    void statusesMoveForwardOnlyAndAreRecordedOnce() {
        Conversation c = newConversation("Acme", "15550011");
        Message reply = db.inTransaction(tx -> messages.recordOutbound(tx, c, "bot", "Hi", null, "reply:s", null, NOW));
        db.inTransactionRun(tx -> messages.markSent(tx, reply.id(), "wamid.OUT1", "sent", NOW));
        dev.funnel.backend.conversations.StatusRepository statuses = new dev.funnel.backend.conversations.StatusRepository();

        List<Message> read = db.inTransaction(tx -> statuses.apply(tx, c.organisationId(), status("read"), NOW));
        List<Message> lateDelivered = db.inTransaction(tx -> statuses.apply(tx, c.organisationId(), status("delivered"), NOW));
        List<Message> readAgain = db.inTransaction(tx -> statuses.apply(tx, c.organisationId(), status("read"), NOW));
        Message now = db.inTransaction(tx -> messages.find(tx, c.organisationId(), reply.id())).orElseThrow();

        assertThat(read).extracting(Message::status).containsExactly("read");
        assertThat(lateDelivered).isEmpty();
        assertThat(readAgain).isEmpty();
        assertThat(now.status()).isEqualTo("read");
        List<Integer> recorded = db.inTransaction(tx -> tx.query("SELECT COUNT(*) FROM message_statuses",
                rs -> rs.getInt(1)));
        assertThat(recorded).containsExactly(2);
    }

    private static dev.funnel.backend.webhook.StatusUpdate status(String status) {
        return new dev.funnel.backend.webhook.StatusUpdate("pn", "wamid.OUT1", status, NOW, "15550011", List.of(),
                null, null, null, null);
    }

    @Test
    void anOutboundMessageIsRecordedOncePerIdempotencyKey() {
        Conversation c = newConversation("Acme", "15550003");

        Message first = db.inTransaction(tx -> messages.recordOutbound(tx, c, "bot", "Hello", null, "reply:x", null, NOW));
        Message second = db.inTransaction(tx -> messages.recordOutbound(tx, c, "bot", "Hello again", null, "reply:x", null, NOW));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.content()).isEqualTo("Hello");
        assertThat(second.status()).isEqualTo("queued");
    }

    @Test
    void conversationsOfAnotherOrganisationAreInvisible() {
        Conversation mine = newConversation("Mine", "15550004");
        Conversation theirs = newConversation("Theirs", "15550005");

        List<Conversation> listed = db.inTransaction(tx -> conversations.list(tx, mine.organisationId(),
                ConversationRepository.Filter.ALL, 50, 0));

        assertThat(listed).extracting(Conversation::id).containsExactly(mine.id());
        Optional<Conversation> found = db.inTransaction(tx -> conversations.find(tx, mine.organisationId(), theirs.id()));
        assertThat(found).isEmpty();
    }

    @Test
    void takeoverAndFlagChangeTheMode() {
        Conversation c = newConversation("Acme", "15550006");

        db.inTransactionRun(tx -> conversations.flag(tx, c.id(), "needs a person", true, NOW));
        Conversation flagged = db.inTransaction(tx -> conversations.find(tx, c.organisationId(), c.id())).orElseThrow();
        db.inTransactionRun(tx -> conversations.setMode(tx, c.id(), "bot", null, NOW));
        Conversation released = db.inTransaction(tx -> conversations.find(tx, c.organisationId(), c.id())).orElseThrow();

        assertThat(flagged.mode()).isEqualTo("human");
        assertThat(flagged.needsAttention()).isTrue();
        assertThat(released.mode()).isEqualTo("bot");
        assertThat(released.needsAttention()).isFalse();
    }

    @Test
    void aPhoneNumberIdRoutesToItsOrganisationRealOrSimulated() {
        Organisation org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW));
        db.inTransactionRun(tx -> integrations.save(tx, org.id(), "1122334455667", null, null, "v1:x", NOW));

        Optional<OrganisationRepository.Route> real = db.inTransaction(tx -> organisations.route(tx, "1122334455667"));
        Optional<OrganisationRepository.Route> simulated =
                db.inTransaction(tx -> organisations.route(tx, org.simulatorPhoneNumberId()));
        Optional<OrganisationRepository.Route> unknown = db.inTransaction(tx -> organisations.route(tx, "999"));

        assertThat(real).contains(new OrganisationRepository.Route(org.id(), false));
        assertThat(simulated).contains(new OrganisationRepository.Route(org.id(), true));
        assertThat(unknown).isEmpty();
    }

    @Test
    void emailsAreUniqueAndCaseInsensitive() {
        Organisation org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW));
        db.inTransaction(tx -> users.create(tx, org.id(), "Asha", "Asha@Acme.test", "hash", "admin", NOW));

        Optional<dev.funnel.backend.auth.User> found = db.inTransaction(tx -> users.findByEmail(tx, "asha@acme.TEST"));
        assertThat(found).isPresent();
    }

    @Test
    void theLocalQueueHidesAReceivedMessageUntilItIsDeletedOrReleased() {
        LocalQueue queue = new LocalQueue(db, Clock.systemUTC(), Duration.ofMinutes(5));
        queue.enqueue("{\"a\":\"ü\"}".getBytes(StandardCharsets.UTF_8));

        List<QueuedMessage> first = queue.receive(10, Duration.ZERO);
        List<QueuedMessage> whileInWork = queue.receive(10, Duration.ZERO);
        queue.release(first.getFirst(), Duration.ZERO);
        List<QueuedMessage> redelivered = queue.receive(10, Duration.ZERO);
        queue.delete(List.of(redelivered.getFirst()));

        assertThat(first).hasSize(1);
        assertThat(first.getFirst().bodyText()).isEqualTo("{\"a\":\"ü\"}");
        assertThat(whileInWork).isEmpty();
        assertThat(redelivered).hasSize(1);
        assertThat(redelivered.getFirst().receiveCount()).isEqualTo(2);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void everySaveAndResetOfAPromptIsARevisionAndTheLatestIsInEffect() {
        Organisation org = db.inTransaction(tx -> organisations.create(tx, "Acme", NOW));
        PromptLibrary defaults = PromptLibrary.defaults();
        OrganisationPrompts prompts = new OrganisationPrompts(db, defaults);
        String own = "## system\nFunnel pipeline step: decide {{sales_playbook}}\n## user\n{{analysis}}\n";

        db.inTransaction(tx -> prompts.save(tx, org.id(), PipelineStep.DECIDE, own, null, NOW));
        EffectivePrompt second = db.inTransaction(tx -> prompts.save(tx, org.id(), PipelineStep.DECIDE, own + "v2",
                null, NOW));
        PromptLibrary inEffect = prompts.forOrganisation(org.id());
        EffectivePrompt reset = db.inTransaction(tx -> prompts.reset(tx, org.id(), PipelineStep.DECIDE, null, NOW));
        db.inTransaction(tx -> prompts.reset(tx, org.id(), PipelineStep.DECIDE, null, NOW));

        assertThat(second.version()).isEqualTo("org-2");
        assertThat(inEffect.forStep(PipelineStep.DECIDE).text()).isEqualTo(own + "v2");
        assertThat(inEffect.forStep(PipelineStep.ANALYZE)).isSameAs(defaults.forStep(PipelineStep.ANALYZE));
        assertThat(reset.overridden()).isFalse();
        assertThat(prompts.forOrganisation(org.id()).forStep(PipelineStep.DECIDE)).isSameAs(
                defaults.forStep(PipelineStep.DECIDE));
        List<Integer> revisions = db.inTransaction(tx -> tx.query(
                "SELECT revision FROM prompt_revisions ORDER BY revision", rs -> rs.getInt(1)));
        assertThat(revisions).containsExactly(1, 2, 3);
    }

    @Test
    void aTurnsTraceComesBackWithItsStepsInPipelineOrderAndTheirCost() {
        Conversation c = newConversation("Acme", "15550011");
        Message inbound = db.inTransaction(tx -> messages.storeInbound(tx, c,
                new MessageRepository.Inbound("w1", "k1", "text", "How much?", "{}", null, NOW, null, null), NOW))
                .message();
        TraceRepository traces = new TraceRepository(ModelPrices.parse("priced=1/2"));

        db.inTransactionRun(tx -> {
            traces.recordStep(tx, c.organisationId(), c.id(), inbound.id(),
                    new StepTrace(PipelineStep.SUMMARIZE, "org-3", "in", "{}", 40, 300, 50), "priced", NOW);
            traces.recordStep(tx, c.organisationId(), c.id(), inbound.id(),
                    new StepTrace(PipelineStep.ANALYZE, "default-0123456789ab", "in", "{}", 60, 100, 50), "priced", NOW);
            traces.recordOutcome(tx, c.organisationId(), c.id(), inbound.id(), "wait_decided", "later", NOW);
        });
        List<Turn> turns = db.inTransaction(tx -> traces.turns(tx, c.organisationId(), c.id(), 10));
        Optional<Turn> other = db.inTransaction(tx -> traces.turn(tx, c.organisationId(), c.id(), c.id()));

        assertThat(turns).hasSize(1);
        Turn turn = turns.getFirst();
        assertThat(turn.turnId()).isEqualTo(inbound.id());
        assertThat(turn.leadMessage()).isEqualTo("How much?");
        assertThat(turn.steps()).extracting(TraceRow::step, TraceRow::promptVersion).containsExactly(
                tuple("analyze", "default-0123456789ab"), tuple("summarize", "org-3"));
        assertThat(turn.steps().getFirst().costUsd()).isEqualByComparingTo("0.0002");
        assertThat(turn.outcomes()).extracting(TraceRow::eventType).containsExactly("wait_decided");
        assertThat(turn.totals().promptTokens()).isEqualTo(400);
        assertThat(turn.totals().latencyMs()).isEqualTo(100);
        assertThat(turn.totals().costUsd()).isEqualByComparingTo(new BigDecimal("0.0006"));
        assertThat(other).isEmpty();
    }

    @Test
    void twoBackendsClaimingDueFollowupsAtOnceNeverClaimTheSameOne() throws Exception {
        FollowupRepository followups = new FollowupRepository();
        int due = 30;
        for (int i = 0; i < due; i++) {
            Conversation c = newConversation("Acme " + i, "1555002" + i);
            db.inTransaction(tx -> followups.schedule(tx, c.organisationId(), c.id(), ScheduledAction.Type.FOLLOWUP,
                    NOW.minusSeconds(60), "nudge", NOW.minusSeconds(120)));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<UUID>> backend = () -> {
            together.await();
            List<UUID> claimed = new ArrayList<>();
            List<ScheduledAction> batch;
            do {
                batch = db.inTransaction(tx -> followups.claimDue(tx, NOW, Duration.ofMinutes(10), 3));
                batch.forEach(a -> claimed.add(a.id()));
            } while (!batch.isEmpty());
            return claimed;
        };

        List<UUID> all = new ArrayList<>();
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            List<Future<List<UUID>>> claims = two.invokeAll(List.of(backend, backend));
            for (Future<List<UUID>> claim : claims) {
                all.addAll(claim.get());
            }
        }

        assertThat(all).hasSize(due).doesNotHaveDuplicates();
        List<String> statuses = db.inTransaction(tx -> tx.query("SELECT DISTINCT status FROM scheduled_actions",
                rs -> rs.getString(1)));
        assertThat(statuses).containsExactly("running");
    }

    @Test
    void aFollowupLeftRunningIsClaimedAgainOnlyAfterTheClaimTimeout() {
        FollowupRepository followups = new FollowupRepository();
        Conversation c = newConversation("Acme", "15550030");
        Duration timeout = Duration.ofMinutes(10);
        db.inTransaction(tx -> followups.schedule(tx, c.organisationId(), c.id(), ScheduledAction.Type.FOLLOWUP,
                NOW, "nudge", NOW));

        List<ScheduledAction> notYetDue = db.inTransaction(tx -> followups.claimDue(tx, NOW.minusSeconds(1), timeout, 10));
        List<ScheduledAction> first = db.inTransaction(tx -> followups.claimDue(tx, NOW, timeout, 10));
        List<ScheduledAction> whileRunning = db.inTransaction(tx -> followups.claimDue(tx, NOW.plus(Duration.ofMinutes(9)),
                timeout, 10));
        List<ScheduledAction> afterACrash = db.inTransaction(tx -> followups.claimDue(tx, NOW.plus(Duration.ofMinutes(11)),
                timeout, 10));

        assertThat(notYetDue).isEmpty();
        assertThat(first).singleElement().satisfies(a -> assertThat(a.attempts()).isEqualTo(1));
        assertThat(whileRunning).isEmpty();
        assertThat(afterACrash).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(first.getFirst().id());
            assertThat(a.attempts()).isEqualTo(2);
            assertThat(a.status()).isEqualTo("running");
        });
    }

    @Test
    void aNewFollowupReplacesThePendingOneAndTheConversationMirrorsIt() {
        FollowupRepository followups = new FollowupRepository();
        Conversation c = newConversation("Acme", "15550031");

        ScheduledAction first = db.inTransaction(tx -> followups.schedule(tx, c.organisationId(), c.id(),
                ScheduledAction.Type.FOLLOWUP, NOW.plusSeconds(600), "nudge 1", NOW));
        ScheduledAction second = db.inTransaction(tx -> followups.schedule(tx, c.organisationId(), c.id(),
                ScheduledAction.Type.FOLLOWUP, NOW.plusSeconds(900), "the bot chose to wait", NOW));
        Instant mirrored = scheduledFollowupAt(c);
        int cancelled = db.inTransaction(tx -> followups.cancelPending(tx, c.id(), "the lead wrote", NOW));

        assertThat(db.inTransaction(tx -> followups.find(tx, c.organisationId(), first.id())).orElseThrow())
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo("cancelled");
                    assertThat(a.reason()).isEqualTo("replaced by a newer follow-up");
                });
        assertThat(mirrored).isEqualTo(second.scheduledAt());
        assertThat(cancelled).isEqualTo(1);
        assertThat(db.inTransaction(tx -> followups.find(tx, c.organisationId(), second.id())).orElseThrow().reason())
                .isEqualTo("the lead wrote");
        assertThat(scheduledFollowupAt(c)).isNull();
        Optional<ScheduledAction> fromAnotherOrganisation = db.inTransaction(tx ->
                followups.find(tx, UUID.randomUUID(), second.id()));
        assertThat(fromAnotherOrganisation).isEmpty();
    }

    private Instant scheduledFollowupAt(Conversation c) {
        return db.inTransaction(tx -> tx.query("SELECT scheduled_followup_at FROM conversations WHERE id = ?",
                rs -> Tx.instant(rs, "scheduled_followup_at"), c.id())).getFirst();
    }

    private Conversation newConversation(String orgName, String phone) {
        return db.inTransaction(tx -> {
            Organisation org = organisations.create(tx, orgName, NOW.truncatedTo(ChronoUnit.SECONDS));
            Lead lead = leads.getOrCreate(tx, org.id(), phone, null, null, false, NOW);
            return conversations.getOrCreate(tx, org.id(), lead.id(), NOW);
        });
    }
}
