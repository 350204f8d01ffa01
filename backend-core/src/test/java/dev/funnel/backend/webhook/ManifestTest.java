package dev.funnel.backend.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnel.backend.webhook.ManifestKeys.Key;
import dev.funnel.backend.webhook.ManifestKeys.Kind;
import dev.funnel.backend.webhook.ManifestKeys.Observed;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every real body in the fixture set parses to exactly what {@code MANIFEST.tsv} says. */
class ManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEMPLATE_KEYS = List.of("template_event", "template", "template_id", "lang");

    private final WebhookParser parser = new WebhookParser();

    @TestFactory
    Stream<DynamicTest> everyFixtureParsesAsTheManifestSays() {
        return Manifest.load().stream()
                .map(row -> dynamicTest(row.file() + " [" + row.expected() + "]", () -> checkNamed(row)));
    }

    @Test
    void theManifestListsEveryFixtureBody() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/meta-webhooks/MANIFEST.tsv").toURI()).getParent();
        List<String> bodies;
        try (Stream<Path> files = Files.list(folder)) {
            bodies = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        }
        assertThat(Fixtures.names()).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void aKeyTheTestDoesNotKnowFailsTheRow() {
        Manifest.Row row = new Manifest.Row("text__pywa_ad_referral.json", "text", "accept;msgs=1;colour=red");

        assertThatThrownBy(() -> check(row)).isInstanceOf(AssertionError.class).hasMessageContaining("colour");
    }

    @Test
    void aValueThatDiffersFailsTheRow() {
        Manifest.Row row = new Manifest.Row("reaction__pywa_escaped_emoji.json", "reaction",
                "accept;msgs=1;type=reaction;emoji=U+1F600");

        assertThatThrownBy(() -> check(row)).isInstanceOf(AssertionError.class).hasMessageContaining("emoji");
    }

    @Test
    void quotedTsvFieldsKeepTabsAndDoubledQuotes() {
        List<List<String>> records = Manifest.parse("a\t\"b\"\"c\td\"\te\n\"x\"\n");

        assertThat(records).containsExactly(List.of("a", "b\"c\td", "e"), List.of("x"));
    }

    // surefire's report names dynamic tests by index, so a failure names its fixture itself
    private void checkNamed(Manifest.Row row) throws IOException {
        try {
            check(row);
        } catch (AssertionError e) {
            throw new AssertionError(row.file() + ": " + e.getMessage(), e);
        }
    }

    private void check(Manifest.Row row) throws IOException {
        ManifestExpectation expectation = ManifestExpectation.parse(row.expected());
        byte[] body = Fixtures.bytes(row.file());
        switch (expectation.verdict()) {
            case "reject" -> {
                assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhookException.class);
                assertThat(expectation.values()).as("keys of a rejected body").isEmpty();
            }
            case "accept", "ignore" -> checkParsed(expectation, new Observed(parser.parse(body), JSON.readTree(body)));
            default -> fail("Unknown verdict '" + expectation.verdict() + "' in " + row.expected());
        }
    }

    private static void checkParsed(ManifestExpectation expectation, Observed observed) {
        ParsedWebhook parsed = observed.parsed();
        Map<String, String> values = expectation.values();
        assertThat(parsed.isEmpty()).as("nothing comes out").isEqualTo(expectation.verdict().equals("ignore"));
        assertThat(parsed.skipped()).as("skipped").isEmpty();
        // "exactly the listed messages/statuses come out": a count the row leaves out is zero
        assertThat(parsed.messages()).as("msgs").hasSize(Integer.parseInt(values.getOrDefault("msgs", "0")));
        assertThat(parsed.statuses()).as("statuses").hasSize(Integer.parseInt(values.getOrDefault("statuses", "0")));
        assertThat(parsed.templateUpdates()).as("template updates").hasSize(templateCount(values));
        values.forEach((key, value) -> {
            if (key.equals("field")) {
                checkFields(value, parsed);
                return;
            }
            Key known = ManifestKeys.KEYS.get(key);
            if (known == null) {
                fail("Manifest key '" + key + "' is not checked by this test; teach ManifestKeys what it means");
            }
            assertThat(normalise(known.kind(), known.actual().apply(observed), false)).as(key)
                    .containsExactlyElementsOf(normalise(known.kind(),
                            ManifestExpectation.decode(value, known.kind() == Kind.JSON_TEXT), true));
        });
    }

    private static int templateCount(Map<String, String> values) {
        return TEMPLATE_KEYS.stream().filter(values::containsKey)
                .mapToInt(key -> ManifestExpectation.decode(values.get(key), key.equals("template")).size())
                .max().orElse(0);
    }

    /** A field we handle must yield something; any other must be reported as ignored. */
    private static void checkFields(String value, ParsedWebhook parsed) {
        for (String field : ManifestExpectation.decode(value, false)) {
            switch (field) {
                case "messages" -> assertThat(parsed.messages().size() + parsed.statuses().size()).as(field).isPositive();
                case "message_template_status_update" -> assertThat(parsed.templateUpdates()).as(field).isNotEmpty();
                default -> assertThat(parsed.ignoredFields()).as("ignored fields").contains(field);
            }
        }
    }

    private static List<String> normalise(Kind kind, List<String> values, boolean fromManifest) {
        List<String> normalised = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                normalised.add(null);
            } else if (kind == Kind.NUMBER) {
                normalised.add(new BigDecimal(value).stripTrailingZeros().toPlainString());
            } else if (kind == Kind.CODE_POINTS && fromManifest) {
                normalised.add(ManifestExpectation.fromCodePoints(value));
            } else {
                normalised.add(value);
            }
        }
        return normalised;
    }
}
