package dev.funnel.console.shell;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;

/**
 * How a screen says "I am done, move on". ViewModels call it; the shell decides which screen
 * comes next, so screens do not know about each other.
 */
public interface Navigator {

    /** A server answered; a fresh one (no organisation yet) leads to the first-run form, otherwise to login. */
    void serverConnected(BackendClient client, boolean hasOrganisation);

    /** {@code newOrganisation}: just created by the first-run form, so offer to connect WhatsApp first. */
    void signedIn(AuthResult session, boolean newOrganisation);

    void showServerChoice();

    void showDashboard();

    void showPrompts();

    void showInbox();

    void showLeads();

    void showWhatsAppSettings();

    void showTemplates();

    void showLlmSettings();

    // --- organisation settings, users, CTAs ---

    void showOrganisationSettings();

    void showUsers();

    void showCtas();

    void showKnowledge();
}
