package dev.funnel.console.bench;

import dev.funnel.backend.BackendConfig;
import dev.funnel.backend.BackendServer;
import dev.funnel.backend.RunningBackend;
import dev.funnel.backend.conversations.Conversation;
import dev.funnel.backend.conversations.ConversationRepository;
import dev.funnel.backend.conversations.Message;
import dev.funnel.backend.conversations.MessageRepository;
import dev.funnel.backend.leads.LeadRepository;
import dev.funnel.backend.testing.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A data folder as a busy small business has it after a few weeks: one organisation with its WhatsApp
 * number, {@code leads} named leads, each with a conversation (the lead's question and the bot's
 * answer), and one in ten flagged for a person.
 */
record InboxSeed(String email, String password, String phoneNumberId, List<String> phones) {

    static final String REPLY = "Thanks! A colleague will confirm the details.";
    static final String APP_SECRET = "console-bench-secret";
    private static final String[] FIRST = {"Camille", "Noah", "Amira", "Lucas", "Sofia", "Yusuf", "Chloé", "Mateo",
        "Priya", "Jonas", "Lea", "Omar", "Inès", "Hugo", "Zara", "Elias", "Maya", "Tomás", "Aiko", "Samuel"};
    private static final String[] LAST = {"Martin", "Okafor", "Rossi", "Dubois", "Nguyen", "Schmidt", "Haddad",
        "García", "Kowalski", "Silva", "Moreau", "Tanaka", "Cohen", "Larsen", "Ali", "Novak", "Petit", "Costa"};
    static final String[] QUESTIONS = {"Hi, what does the 6 kW kit cost?", "Do you install on flat roofs?",
        "Can someone call me tomorrow morning?", "Is there a discount for two houses?",
        "How long does the installation take?", "Do you handle the grid connection paperwork?",
        "What warranty do the panels have?", "I sent you the roof photos, any news?",
        "Can I pay in instalments?", "Is the battery included in the price?"};

    /** The backend settings the seeding and the console under test share: same secret, model and Graph API. */
    static Map<String, String> environment(String dataDir, String llmBaseUrl, String graphUrl) {
        return Map.ofEntries(
                Map.entry("FUNNEL_DATA_DIR", dataDir),
                Map.entry("WHATSAPP_APP_SECRET", APP_SECRET),
                Map.entry("WHATSAPP_GRAPH_URL", graphUrl),
                Map.entry("LLM_BASE_URL", llmBaseUrl),
                Map.entry("LLM_API_KEY", "k"),
                Map.entry("LLM_MODEL", "bench"),
                Map.entry("FUNNEL_DEBOUNCE_MS", "0"),
                // Meta's pacing of one business number is not what this measures
                Map.entry("WHATSAPP_MESSAGES_PER_SECOND", "1000000"));
    }

    /** Seeds through a backend started in this JVM, stopped again so the console can open the folder. */
    static InboxSeed create(Map<String, String> environment, int leads) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("FUNNEL_PORT", "0");
        env.put("FUNNEL_HOST", "127.0.0.1");
        RunningBackend backend = BackendServer.start(BackendConfig.fromEnvironment(env));
        try {
            String email = "camille@lumiere.example";
            ApiClient api = new ApiClient(backend.baseUri());
            UUID organisationId = UUID.fromString(api.signUp("Lumière Solar", email)
                    .path("organisation").path("id").asText());
            String phoneNumberId = "5550001112223";
            api.put("/settings/whatsapp", "{\"phone_number_id\":\"%s\",\"access_token\":\"EAAG-bench\"}"
                    .formatted(phoneNumberId));
            List<String> phones = writeConversations(backend, organisationId, leads);
            flagEveryTenth(backend, organisationId);
            return new InboxSeed(email, "correct-horse-1", phoneNumberId, phones);
        } finally {
            backend.stop();
        }
    }

    /**
     * Each lead wrote once within the last 20 hours and the bot answered five seconds later, stored
     * through the repositories the worker uses, a thousand conversations to a transaction.
     */
    private static List<String> writeConversations(RunningBackend backend, UUID organisationId, int leads) {
        LeadRepository leadRepository = new LeadRepository();
        ConversationRepository conversations = new ConversationRepository();
        MessageRepository messages = new MessageRepository();
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        Instant now = Instant.now();
        List<String> phones = new ArrayList<>();
        for (int batch = 0; batch < leads; batch += 1000) {
            int first = batch;
            backend.db().inTransactionRun(tx -> {
                for (int i = first; i < Math.min(first + 1000, leads); i++) {
                    String phone = "3361" + (1000000 + i);
                    String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
                    Instant wrote = now.minusSeconds(random.nextLong(20 * 3600));
                    Instant answered = wrote.plusSeconds(5);
                    UUID leadId = leadRepository.create(tx, organisationId, phone, name, null, null, wrote).orElseThrow();
                    Conversation conversation = conversations.getOrCreate(tx, organisationId, leadId, wrote);
                    String question = QUESTIONS[random.nextInt(QUESTIONS.length)];
                    Message asked = messages.storeInbound(tx, conversation, new MessageRepository.Inbound(
                            "wamid.seed.in." + i, "seed-" + i, "text", question, "{}", null, wrote, null, null),
                            wrote).message();
                    conversations.recordLeadMessage(tx, conversation.id(), question, i % 3 == 0, wrote, wrote);
                    messages.finishTurn(tx, List.of(asked), "done", answered);
                    Message reply = messages.recordOutbound(tx, conversation, "bot", REPLY, null, "seed-reply-" + i,
                            null, answered);
                    messages.markSent(tx, reply.id(), "wamid.seed.out." + i, "delivered", answered);
                    conversations.recordOutboundMessage(tx, conversation.id(), REPLY, true, answered);
                    phones.add(phone);
                }
            });
        }
        return phones;
    }

    private static void flagEveryTenth(RunningBackend backend, UUID organisationId) {
        ConversationRepository conversations = new ConversationRepository();
        Instant now = Instant.now();
        backend.db().inTransactionRun(tx -> {
            List<UUID> ids = conversations.list(tx, organisationId, ConversationRepository.Filter.ALL,
                    Integer.MAX_VALUE, 0).stream().map(c -> c.id()).toList();
            for (int i = 0; i < ids.size(); i += 10) {
                conversations.flag(tx, ids.get(i), "The lead asked for a call back", false, now);
            }
        });
    }
}
