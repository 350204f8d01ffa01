package dev.funnel.backend.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.funnel.backend.ctas.Cta;
import dev.funnel.backend.ctas.CtaRepository;
import dev.funnel.backend.organisations.FollowupTemplate;
import dev.funnel.backend.organisations.Organisation;
import dev.funnel.backend.organisations.OrganisationRepository;
import dev.funnel.backend.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CTA and template repositories against the real migrations, on H2
 * ({@link CtaAndTemplateRepositoriesOnH2Test}) and on a real PostgreSQL
 * ({@link CtaAndTemplateRepositoriesOnPostgresIT}).
 */
abstract class CtaAndTemplateRepositoryContract extends DatabaseContract {

    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private static final String BODY = "[{\"type\":\"BODY\",\"text\":\"Hi\"}]";

    private final OrganisationRepository organisations = new OrganisationRepository();
    private final CtaRepository ctas = new CtaRepository();
    private final TemplateRepository templates = new TemplateRepository();

    private UUID organisation(String name) {
        return db.inTransaction(tx -> organisations.create(tx, name, NOW)).id();
    }

    private Template draft(UUID org, String name, String language) {
        return db.inTransaction(tx -> templates.create(tx, org,
                new TemplateRepository.Draft(name, language, "UTILITY", BODY), NOW));
    }

    @Test
    void aCtaIsCreatedUpdatedAndOnlyActiveOnesAreOffered() {
        UUID org = organisation("Acme");
        Cta survey = db.inTransaction(tx -> ctas.create(tx, org,
                new CtaRepository.Values("site_survey", "booking", "Free survey", "https://a.example/b", true), NOW));
        Cta call = db.inTransaction(tx -> ctas.create(tx, org,
                new CtaRepository.Values("call_back", "call", null, null, true), NOW));

        Cta paused = db.inTransaction(tx -> ctas.update(tx, call,
                new CtaRepository.Values("call_back", "call", "We call you", null, false), LATER));

        assertThat(paused.active()).isFalse();
        assertThat(paused.description()).isEqualTo("We call you");
        assertThat(paused.updatedAt()).isEqualTo(LATER);
        assertThat(paused.createdAt()).isEqualTo(NOW);
        List<Cta> offered = db.inTransaction(tx -> ctas.active(tx, org));
        List<Cta> all = db.inTransaction(tx -> ctas.list(tx, org));
        assertThat(offered).extracting(Cta::id).containsExactly(survey.id());
        assertThat(all).extracting(Cta::name).containsExactly("call_back", "site_survey");
    }

    @Test
    void ctasOfAnotherOrganisationAreNeitherFoundNorDeleted() {
        UUID org = organisation("Acme");
        UUID other = organisation("Other");
        Cta cta = db.inTransaction(tx -> ctas.create(tx, org,
                new CtaRepository.Values("demo", "demo", null, null, true), NOW));

        Optional<Cta> found = db.inTransaction(tx -> ctas.find(tx, other, cta.id()));
        boolean deleted = db.inTransaction(tx -> ctas.delete(tx, other, cta.id()));
        Optional<Cta> lookalike = db.inTransaction(tx -> ctas.findNamedLike(tx, org, "Demo", null));
        Optional<Cta> itself = db.inTransaction(tx -> ctas.findNamedLike(tx, org, "Demo", cta.id()));

        assertThat(found).isEmpty();
        assertThat(deleted).isFalse();
        assertThat(lookalike).isPresent();
        assertThat(itself).isEmpty();
    }

    @Test
    void aDraftIsSubmittedAndItsStatusApplied() {
        UUID org = organisation("Acme");
        Template t = draft(org, "order_update", "en_US");

        Template submitted = db.inTransaction(tx -> templates.markSubmitted(tx, t, "1700", "PENDING", LATER));
        List<Template> applied = db.inTransaction(tx -> templates.applyStatus(tx, org, "1700", "order_update",
                "en_US", "REJECTED", "INVALID_FORMAT", LATER));

        assertThat(t.status()).isEqualTo("DRAFT");
        assertThat(submitted.metaTemplateId()).isEqualTo("1700");
        assertThat(submitted.status()).isEqualTo("PENDING");
        assertThat(applied).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("REJECTED");
            assertThat(a.statusReason()).isEqualTo("INVALID_FORMAT");
            assertThat(a.editable()).isTrue();
        });
    }

    @Test
    void aStatusIsAppliedByNameAndLanguageWhenTheIdIsUnknownAndNeverToAnotherOrganisation() {
        UUID org = organisation("Acme");
        UUID other = organisation("Other");
        draft(org, "welcome", "en");
        Template theirs = draft(other, "welcome", "en");

        List<Template> applied = db.inTransaction(tx -> templates.applyStatus(tx, org, "999", "welcome", "en",
                "APPROVED", null, LATER));

        assertThat(applied).extracting(Template::status).containsExactly("APPROVED");
        assertThat(db.inTransaction(tx -> templates.find(tx, other, theirs.id())).orElseThrow().status())
                .isEqualTo("DRAFT");
    }

    @Test
    void anUpsertFromMetaAddsNewTemplatesAndUpdatesOnlyChangedOnes() {
        UUID org = organisation("Acme");
        draft(org, "order_update", "en_US");
        TemplateRepository.FromMeta ours = new TemplateRepository.FromMeta("1701", "order_update", "en_US",
                "UTILITY", "APPROVED", null, BODY);
        TemplateRepository.FromMeta fresh = new TemplateRepository.FromMeta("1702", "spring_sale", "de",
                "MARKETING", "PAUSED", "low quality", BODY);

        TemplateRepository.Upserted updated = db.inTransaction(tx -> templates.upsert(tx, org, ours, LATER));
        TemplateRepository.Upserted again = db.inTransaction(tx -> templates.upsert(tx, org, ours, LATER));
        TemplateRepository.Upserted created = db.inTransaction(tx -> templates.upsert(tx, org, fresh, LATER));

        assertThat(updated).isEqualTo(TemplateRepository.Upserted.UPDATED);
        assertThat(again).isEqualTo(TemplateRepository.Upserted.UNCHANGED);
        assertThat(created).isEqualTo(TemplateRepository.Upserted.CREATED);
        List<Template> stored = db.inTransaction(tx -> templates.list(tx, org));
        assertThat(stored).extracting(Template::name, Template::status, Template::metaTemplateId)
                .containsExactly(tuple("order_update", "APPROVED", "1701"),
                        tuple("spring_sale", "PAUSED", "1702"));
    }

    @Test
    void aChangedRejectedTemplateIsADraftAgainAndKeepsMetasId() {
        UUID org = organisation("Acme");
        Template t = draft(org, "fix_me", "en");
        Template rejected = db.inTransaction(tx -> templates.setStatus(tx,
                templates.markSubmitted(tx, t, "1703", "PENDING", NOW), "REJECTED", "INVALID_FORMAT", NOW));

        Template changed = db.inTransaction(tx -> templates.updateDraft(tx, rejected,
                new TemplateRepository.Draft("fix_me", "en", "MARKETING", "[{\"type\":\"BODY\",\"text\":\"Ho\"}]"),
                LATER));

        assertThat(changed.status()).isEqualTo("DRAFT");
        assertThat(changed.statusReason()).isNull();
        assertThat(changed.metaTemplateId()).isEqualTo("1703");
        assertThat(changed.category()).isEqualTo("MARKETING");
        assertThat(changed.components().component("BODY").orElseThrow().text()).isEqualTo("Ho");
    }

    @Test
    void theFollowupTemplateIsChosenReplacedAndGoesWithItsTemplate() {
        UUID org = organisation("Nudges");
        Template first = draft(org, "first", "en");
        Template second = draft(org, "second", "en");
        FollowupTemplate chosen = new FollowupTemplate(first.id(), List.of("lead_name"),
                List.of("business_name", "custom:Still keen?"), List.of(), "friend");

        db.inTransactionRun(tx -> organisations.updateFollowupTemplate(tx, org, chosen, NOW));
        Optional<FollowupTemplate> saved = db.inTransaction(tx -> organisations.followupTemplate(tx, org));
        db.inTransactionRun(tx -> organisations.updateFollowupTemplate(tx, org,
                new FollowupTemplate(second.id(), null, List.of("lead_name"), null, null), LATER));
        Optional<FollowupTemplate> replaced = db.inTransaction(tx -> organisations.followupTemplate(tx, org));
        db.inTransactionRun(tx -> templates.delete(tx, org, second.id()));

        assertThat(saved).contains(chosen);
        assertThat(replaced).contains(new FollowupTemplate(second.id(), List.of(), List.of("lead_name"), List.of(),
                "there"));
        Optional<FollowupTemplate> afterDelete = db.inTransaction(tx -> organisations.followupTemplate(tx, org));
        assertThat(afterDelete).as("deleted with its template").isEmpty();
    }
}
