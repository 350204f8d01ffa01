package dev.funnel.console.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateDraft;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.backend.WhatsAppSettings;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import dev.funnel.console.templates.TemplateEditorViewModel.Field;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplatesViewModelTest {

    private static final String NO_ACCOUNT = "Templates belong to your WhatsApp Business Account: set"
            + " business_account_id (the WhatsApp Business Account id shown in Meta's WhatsApp Manager) in Settings > WhatsApp";

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final TemplatesViewModel screen = new TemplatesViewModel(backend, new CurrentThreadTaskExecutor(), navigator);

    @BeforeEach
    void connectedWithABusinessAccount() {
        backend.whatsApp = new WhatsAppSettings(true, "1065403", "2029", "+1 555 010 2030", "connected");
    }

    private void writeOffer() {
        TemplateEditorViewModel editor = screen.editor();
        editor.nameProperty().set("spring_offer");
        editor.bodyProperty().set("Hi {{1}}, panels are 10% off this week.");
        editor.bodyExamples().getFirst().valueProperty().set("Ana");
    }

    @Test
    void loadListsTheTemplatesWithAnEmptyFormForANewOne() {
        backend.templates.add(TestData.approvedTemplate("t1"));

        screen.load();

        assertThat(screen.templates()).extracting(Template::name).containsExactly("order_update");
        assertThat(screen.selectedProperty().get()).isNull();
        assertThat(screen.canSaveProperty().get()).isTrue();
        assertThat(screen.accountProblemProperty().get()).isEmpty();
    }

    @Test
    void aMissingBusinessAccountIdIsSaidOnLoad() {
        backend.whatsApp = new WhatsAppSettings(true, "1065403", null, null, "connected");

        screen.load();

        assertThat(screen.accountProblemProperty().get()).contains("business account id is missing");
    }

    @Test
    void saveStoresADraftAndSelectsIt() {
        screen.load();
        writeOffer();

        screen.save();

        assertThat(backend.calls).contains("createTemplate");
        assertThat(screen.selectedProperty().get().status()).isEqualTo(Template.DRAFT);
        assertThat(screen.templates()).hasSize(1);
        assertThat(screen.noticeProperty().get()).startsWith("Saved as a draft");
    }

    @Test
    void submitSavesThenSendsToMetaAndShowsPending() {
        screen.load();
        writeOffer();

        screen.submit();

        assertThat(backend.calls).containsSubsequence("createTemplate", "submitTemplate t1");
        assertThat(screen.templates()).singleElement().extracting(Template::status).isEqualTo(Template.PENDING);
        assertThat(screen.statusProperty().get()).startsWith("Pending");
        assertThat(screen.editor().editableProperty().get()).isFalse();
        assertThat(screen.canRefreshProperty().get()).isTrue();
    }

    @Test
    void anInvalidFormIsNotSent() {
        screen.load();
        screen.editor().nameProperty().set("Spring Offer!");

        screen.submit();

        assertThat(backend.calls).doesNotContain("createTemplate");
        assertThat(screen.errorProperty().get()).contains("need attention");
        assertThat(screen.editor().errorProperty(Field.NAME).get()).isNotEmpty();
    }

    @Test
    void theBackendsFieldErrorsAreShownNextToTheFields() {
        screen.load();
        writeOffer();
        backend.failNextWithFields("category must be one of MARKETING, UTILITY, AUTHENTICATION", List.of("category"));

        screen.save();

        assertThat(screen.editor().errorProperty(Field.CATEGORY).get()).startsWith("category must be one of");
        assertThat(screen.selectedProperty().get()).isNull();
    }

    @Test
    void aConflictAboutTheBusinessAccountGoesToTheBannerInTheBackendsWords() {
        screen.load();
        backend.failNext(409, NO_ACCOUNT);

        screen.sync();

        assertThat(screen.accountProblemProperty().get()).isEqualTo(NO_ACCOUNT);
        assertThat(screen.errorProperty().get()).isEmpty();
    }

    @Test
    void syncReplacesTheListAndSaysWhatChanged() {
        screen.load();
        backend.templates.add(TestData.approvedTemplate("t7"));

        screen.sync();

        assertThat(screen.templates()).extracting(Template::id).containsExactly("t7");
        assertThat(screen.noticeProperty().get()).isEqualTo("Synced from Meta: 0 new, 0 updated.");
        assertThat(screen.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedSyncSaysWhyAndEndsBusy() {
        screen.load();
        backend.failNext(502, "Meta did not answer: try again in a minute");

        screen.sync();

        assertThat(screen.errorProperty().get()).isEqualTo("Meta did not answer: try again in a minute");
        assertThat(screen.busyProperty().get()).isFalse();
    }

    @Test
    void refreshShowsMetasVerdict() {
        backend.templates.add(TestData.template("t1", new TemplateDraft("offer", "en", "MARKETING", List.of()),
                Template.PENDING, "meta-1"));
        screen.load();
        screen.select(screen.templates().getFirst());
        backend.templates.set(0, TestData.template("t1", new TemplateDraft("offer", "en", "MARKETING", List.of()),
                Template.REJECTED, "meta-1"));

        screen.refreshStatus();

        assertThat(screen.selectedProperty().get().status()).isEqualTo(Template.REJECTED);
        assertThat(screen.statusProperty().get()).startsWith("Rejected by Meta");
        assertThat(screen.editor().editableProperty().get()).isTrue();
    }

    @Test
    void deleteAsksFirstAndOnlyDeletesOnConfirmation() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        screen.load();
        screen.select(screen.templates().getFirst());

        screen.requestDelete();
        assertThat(screen.confirmingDeleteProperty().get()).isTrue();
        assertThat(screen.deleteQuestionProperty().get()).contains("order_update", "deleted at Meta too");
        assertThat(backend.calls).noneMatch(call -> call.startsWith("deleteTemplate"));

        screen.confirmDelete();

        assertThat(backend.calls).contains("deleteTemplate t1");
        assertThat(screen.templates()).isEmpty();
        assertThat(screen.selectedProperty().get()).isNull();
    }

    @Test
    void cancellingTheDeleteKeepsTheTemplate() {
        backend.templates.add(TestData.approvedTemplate("t1"));
        screen.load();
        screen.select(screen.templates().getFirst());

        screen.requestDelete();
        screen.cancelDelete();

        assertThat(screen.confirmingDeleteProperty().get()).isFalse();
        assertThat(screen.templates()).hasSize(1);
    }

    @Test
    void theBannerLinksToTheWhatsAppSettings() {
        screen.openWhatsAppSettings();

        assertThat(navigator.last()).isEqualTo("whatsapp");
    }
}
