package dev.funnel.console.settings;

import dev.funnel.console.shell.Navigator;
import javafx.fxml.FXML;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The row of links at the top of the settings area (SettingsTabs.fxml, included by each settings
 * screen): organisation, users, CTAs, WhatsApp, language model, and back to the inbox. The current
 * screen's link is shown selected.
 */
public final class SettingsTabs {

    /** The settings screens, each with its link in the row. */
    public enum Tab { ORGANISATION, USERS, CTAS }

    @FXML private ToggleButton organisationTab;
    @FXML private ToggleButton usersTab;
    @FXML private ToggleButton ctasTab;

    private final Navigator navigator;
    private final Tab current;

    public SettingsTabs(Navigator navigator, Tab current) {
        this.navigator = navigator;
        this.current = current;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton tab : new ToggleButton[] {organisationTab, usersTab, ctasTab}) {
            tab.setToggleGroup(group);
        }
        group.selectToggle(switch (current) {
            case ORGANISATION -> organisationTab;
            case USERS -> usersTab;
            case CTAS -> ctasTab;
        });
        // a click on the current tab must not leave no tab selected
        group.selectedToggleProperty().addListener((obs, before, after) -> {
            if (after == null) {
                group.selectToggle(before);
            }
        });
    }

    @FXML
    private void showOrganisation() {
        navigator.showOrganisationSettings();
    }

    @FXML
    private void showUsers() {
        navigator.showUsers();
    }

    @FXML
    private void showCtas() {
        navigator.showCtas();
    }

    @FXML
    private void showWhatsApp() {
        navigator.showWhatsAppSettings();
    }

    @FXML
    private void showLanguageModel() {
        navigator.showLlmSettings();
    }

    @FXML
    private void showInbox() {
        navigator.showInbox();
    }
}
