package dev.funnel.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.WhatsAppSettings;
import dev.funnel.console.backend.WhatsAppSettingsUpdate;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import dev.funnel.console.shell.RecordingNavigator;
import org.junit.jupiter.api.Test;

class WhatsAppSettingsViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final RecordingNavigator navigator = new RecordingNavigator();

    private WhatsAppSettingsViewModel settings(boolean onboarding) {
        return new WhatsAppSettingsViewModel(backend, new CurrentThreadTaskExecutor(), navigator, onboarding);
    }

    @Test
    void showsTheConnectedNumber() {
        backend.whatsApp = new WhatsAppSettings(true, "1065403", "2029", "+1 555 010 2030", "active");
        WhatsAppSettingsViewModel settings = settings(false);

        settings.load();

        assertThat(settings.connectedProperty().get()).isTrue();
        assertThat(settings.connectionStatusProperty().get()).isEqualTo("Connected: +1 555 010 2030 (active)");
        assertThat(settings.phoneNumberIdProperty().get()).isEqualTo("1065403");
    }

    @Test
    void savingNeedsThePhoneNumberIdAndTheToken() {
        WhatsAppSettingsViewModel settings = settings(false);
        settings.phoneNumberIdProperty().set("1065403");
        assertThat(settings.canSaveProperty().get()).isFalse();

        settings.accessTokenProperty().set("EAAG-secret");

        assertThat(settings.canSaveProperty().get()).isTrue();
    }

    @Test
    void saveConnectsAndForgetsTheTypedToken() {
        WhatsAppSettingsViewModel settings = settings(false);
        settings.phoneNumberIdProperty().set(" 1065403 ");
        settings.accessTokenProperty().set("EAAG-secret");

        settings.save();

        assertThat(backend.requests).containsExactly(new WhatsAppSettingsUpdate("1065403", "EAAG-secret", "", ""));
        assertThat(settings.connectedProperty().get()).isTrue();
        assertThat(settings.accessTokenProperty().get()).isEmpty();
    }

    @Test
    void metasRejectionIsShown() {
        WhatsAppSettingsViewModel settings = settings(false);
        settings.phoneNumberIdProperty().set("1065403");
        settings.accessTokenProperty().set("bad");
        backend.failNext(400, "Meta rejected the access token: it has expired");

        settings.save();

        assertThat(settings.errorProperty().get()).isEqualTo("Meta rejected the access token: it has expired");
        assertThat(settings.connectedProperty().get()).isFalse();
    }

    @Test
    void disconnectShowsTheNotConnectedState() {
        backend.whatsApp = new WhatsAppSettings(true, "1065403", null, null, "active");
        WhatsAppSettingsViewModel settings = settings(false);
        settings.load();

        settings.disconnect();

        assertThat(backend.calls).contains("disconnectWhatsApp");
        assertThat(settings.connectedProperty().get()).isFalse();
        assertThat(settings.connectionStatusProperty().get()).startsWith("Not connected");
    }

    @Test
    void duringOnboardingItCanBeSkippedForASimulatedLead() {
        WhatsAppSettingsViewModel settings = settings(true);

        settings.leave();

        assertThat(settings.leaveLabel()).isEqualTo("Skip — try with a simulated lead first");
        assertThat(navigator.last()).isEqualTo("inbox");
    }
}
