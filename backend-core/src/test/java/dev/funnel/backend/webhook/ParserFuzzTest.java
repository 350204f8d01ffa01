package dev.funnel.backend.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of broken variants of the real bodies: the parser either reads them or refuses them as
 * malformed, and never fails in any other way, since an unexpected exception in the worker would send
 * the delivery back to the queue again and again.
 */
class ParserFuzzTest {

    private static final long SEED = 20_250_611L;
    private static final int MUTANTS_PER_FIXTURE = 420;

    private final WebhookParser parser = new WebhookParser();

    @Test
    void everyMutatedBodyIsReadOrRefusedAsMalformed() {
        BodyMutator mutator = new BodyMutator(new Random(SEED));
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (String fixture : Fixtures.names()) {
            byte[] original = Fixtures.bytes(fixture);
            for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
                BodyMutator.Mutant mutant = mutator.mutate(original);
                try {
                    use(parser.parse(mutant.body()));
                    accepted++;
                } catch (MalformedWebhookException e) {
                    rejected++;
                    if (mutant.validJson()) {
                        failures.add(describe(fixture, i, mutant, e));
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(describe(fixture, i, mutant, e));
                }
            }
        }
        System.out.printf("ParserFuzzTest: %d mutated bodies, %d read, %d refused as malformed (seed %d)%n",
                accepted + rejected + failures.size(), accepted, rejected, SEED);

        assertThat(accepted + rejected).isGreaterThanOrEqualTo(10_000);
        assertThat(failures).as("bodies that failed otherwise (first shown)").isEmpty();
    }

    /** Everything a caller would touch must hold up too, and what comes out must be routable. */
    private static void use(ParsedWebhook parsed) {
        for (InboundMessage message : parsed.messages()) {
            message.displayText();
            message.dedupKey();
            if (message.waMessageId() == null || message.phoneNumberId() == null
                    || (message.from() == null && message.contactUserId() == null)) {
                throw new IllegalStateException("A message without id, route or sender came out: " + message);
            }
        }
        parsed.statuses().forEach(StatusUpdate::rank);
    }

    private static String describe(String fixture, int index, BodyMutator.Mutant mutant, Throwable e) {
        String body = new String(mutant.body(), StandardCharsets.UTF_8);
        return fixture + " #" + index + " (" + mutant.description().trim() + "): " + e + "\n  body: "
                + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }
}
