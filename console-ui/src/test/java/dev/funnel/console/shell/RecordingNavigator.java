package dev.funnel.console.shell;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import java.util.ArrayList;
import java.util.List;

/** Records where the screens asked to go, as short strings such as "login" or "inbox". */
public final class RecordingNavigator implements Navigator {

    public final List<String> visited = new ArrayList<>();
    public BackendClient client;
    public AuthResult session;

    @Override
    public void serverConnected(BackendClient connected, boolean hasOrganisation) {
        client = connected;
        visited.add(hasOrganisation ? "login" : "first-run");
    }

    @Override
    public void signedIn(AuthResult signedIn, boolean newOrganisation) {
        session = signedIn;
        visited.add(newOrganisation ? "whatsapp-onboarding" : "inbox");
    }

    @Override
    public void showServerChoice() {
        visited.add("server-choice");
    }

    @Override
    public void showDashboard() {
        visited.add("dashboard");
    }

    @Override
    public void showPrompts() {
        visited.add("prompts");
    }

    @Override
    public void showInbox() {
        visited.add("inbox");
    }

    @Override
    public void showLeads() {
        visited.add("leads");
    }

    @Override
    public void showWhatsAppSettings() {
        visited.add("whatsapp");
    }

    @Override
    public void showTemplates() {
        visited.add("templates");
    }

    @Override
    public void showLlmSettings() {
        visited.add("llm");
    }

    // --- organisation settings, users, CTAs ---

    @Override
    public void showOrganisationSettings() {
        visited.add("organisation");
    }

    @Override
    public void showUsers() {
        visited.add("users");
    }

    @Override
    public void showCtas() {
        visited.add("ctas");
    }

    @Override
    public void showKnowledge() {
        visited.add("knowledge");
    }

    public String last() {
        return visited.isEmpty() ? null : visited.getLast();
    }
}
