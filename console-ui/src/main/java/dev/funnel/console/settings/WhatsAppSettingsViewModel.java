package dev.funnel.console.settings;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.WhatsAppSettings;
import dev.funnel.console.backend.WhatsAppSettingsUpdate;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.shell.Navigator;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Connect the organisation's WhatsApp Business number (Meta Cloud API ids and access token). Right
 * after sign-up this screen can be skipped: the simulate-a-lead panel works without WhatsApp.
 */
public final class WhatsAppSettingsViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final boolean onboarding;

    private final StringProperty phoneNumberId = new SimpleStringProperty("");
    private final StringProperty accessToken = new SimpleStringProperty("");
    private final StringProperty businessAccountId = new SimpleStringProperty("");
    private final StringProperty displayPhoneNumber = new SimpleStringProperty("");
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final StringProperty connectionStatus = new SimpleStringProperty("Checking…");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> !busy.get() && !phoneNumberId.get().isBlank() && !accessToken.get().isBlank(),
            busy, phoneNumberId, accessToken);

    public WhatsAppSettingsViewModel(BackendClient client, TaskExecutor executor, Navigator navigator,
                                     boolean onboarding) {
        this.client = client;
        this.executor = executor;
        this.navigator = navigator;
        this.onboarding = onboarding;
    }

    public void load() {
        run(client::whatsAppSettings);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        WhatsAppSettingsUpdate update = new WhatsAppSettingsUpdate(phoneNumberId.get().strip(),
                accessToken.get().strip(), businessAccountId.get().strip(), displayPhoneNumber.get().strip());
        run(() -> client.saveWhatsAppSettings(update));
    }

    public void disconnect() {
        run(() -> {
            client.disconnectWhatsApp();
            return client.whatsAppSettings();
        });
    }

    /** Leaves for the inbox: "skip" during onboarding, "back" later. */
    public void leave() {
        navigator.showInbox();
    }

    public String leaveLabel() {
        return onboarding ? "Skip — try with a simulated lead first" : "Back to inbox";
    }

    private void run(Callable<WhatsAppSettings> call) {
        busy.set(true);
        error.set("");
        executor.execute(call, settings -> {
            busy.set(false);
            show(settings);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    private void show(WhatsAppSettings settings) {
        connected.set(settings.connected());
        accessToken.set(""); // the server never sends it back, and it must not linger in memory
        if (settings.connected()) {
            phoneNumberId.set(nullToEmpty(settings.phoneNumberId()));
            businessAccountId.set(nullToEmpty(settings.businessAccountId()));
            displayPhoneNumber.set(nullToEmpty(settings.displayPhoneNumber()));
            String number = settings.displayPhoneNumber() == null || settings.displayPhoneNumber().isBlank()
                    ? "phone number id " + settings.phoneNumberId() : settings.displayPhoneNumber();
            String status = settings.status() == null || settings.status().isBlank() ? "" : " (" + settings.status() + ")";
            connectionStatus.set("Connected: " + number + status);
        } else {
            connectionStatus.set("Not connected. Leads can still be simulated from the inbox.");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public StringProperty phoneNumberIdProperty() {
        return phoneNumberId;
    }

    public StringProperty accessTokenProperty() {
        return accessToken;
    }

    public StringProperty businessAccountIdProperty() {
        return businessAccountId;
    }

    public StringProperty displayPhoneNumberProperty() {
        return displayPhoneNumber;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }

    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
