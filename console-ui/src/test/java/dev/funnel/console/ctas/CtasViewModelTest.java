package dev.funnel.console.ctas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Cta;
import dev.funnel.console.backend.CtaInput;
import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

class CtasViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final CtasViewModel ctas = new CtasViewModel(backend, new CurrentThreadTaskExecutor());

    private final Cta visit = new Cta("c1", "Free site visit", "visit", "We measure the roof", null, true);

    @Test
    void listsTheCallsToAction() {
        backend.ctaList.add(visit);

        ctas.load();

        assertThat(ctas.ctas()).containsExactly(visit);
        assertThat(CtasViewModel.summary(new Cta("c2", "Pay", "payment", null, null, false))).isEqualTo("payment · paused");
    }

    @Test
    void createsANewOneFromTheForm() {
        ctas.load();
        ctas.nameProperty().set(" Book a demo ");
        ctas.typeProperty().set("demo");
        ctas.descriptionProperty().set("30 minutes online");
        ctas.urlProperty().set("https://acme.example/demo");

        ctas.save();

        assertThat(backend.requests).containsExactly(
                new CtaInput("Book a demo", "demo", "30 minutes online", "https://acme.example/demo", true));
        assertThat(ctas.ctas()).extracting(Cta::name).containsExactly("Book a demo");
        assertThat(ctas.selectedProperty().get().id()).isEqualTo("cta-1");
        assertThat(ctas.statusProperty().get()).isEqualTo("Saved Book a demo.");
    }

    @Test
    void choosingOneFillsTheFormAndSavingUpdatesIt() {
        backend.ctaList.add(visit);
        ctas.load();

        ctas.selectedProperty().set(visit);
        assertThat(ctas.nameProperty().get()).isEqualTo("Free site visit");
        assertThat(ctas.formTitleProperty().get()).isEqualTo("Edit Free site visit");
        ctas.activeProperty().set(false);
        ctas.save();

        assertThat(backend.calls).contains("updateCta c1");
        assertThat(backend.requests).containsExactly(
                new CtaInput("Free site visit", "visit", "We measure the roof", "", false));
        assertThat(ctas.ctas().getFirst().isActive()).isFalse();
    }

    @Test
    void aNameIsNeededToSave() {
        ctas.nameProperty().set("  ");

        assertThat(ctas.canSaveProperty().get()).isFalse();
        ctas.save();
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void aLinkThatIsNotAWebAddressIsMarked() {
        ctas.nameProperty().set("Pay online");
        ctas.urlProperty().set("acme.example/pay");

        ctas.save();

        assertThat(ctas.problemProperty(CtasViewModel.URL).get()).contains("http://");
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void theServersFieldProblemsAndConflictsAreShown() {
        ctas.nameProperty().set("Free site visit");
        backend.failNextWithFields("description must be at most 2000 characters", "description");
        ctas.save();
        assertThat(ctas.problemProperty(CtasViewModel.DESCRIPTION).get()).isEqualTo("Must be at most 2000 characters");

        backend.failNext(409, "A call to action named Free site visit already exists");
        ctas.save();
        assertThat(ctas.problemProperty(CtasViewModel.DESCRIPTION).get()).isEmpty();
        assertThat(ctas.errorProperty().get()).isEqualTo("A call to action named Free site visit already exists");
    }

    @Test
    void deleteAsksFirstThenRemovesItAndClearsTheForm() {
        backend.ctaList.add(visit);
        ctas.load();
        ctas.selectedProperty().set(visit);

        ctas.askDelete();
        assertThat(ctas.deleteQuestionProperty().get()).contains("Free site visit");
        assertThat(backend.calls).doesNotContain("deleteCta c1");
        ctas.confirmDelete();

        assertThat(backend.calls).contains("deleteCta c1");
        assertThat(ctas.ctas()).isEmpty();
        assertThat(ctas.nameProperty().get()).isEmpty();
        assertThat(ctas.formTitleProperty().get()).isEqualTo("New call to action");
    }
}
