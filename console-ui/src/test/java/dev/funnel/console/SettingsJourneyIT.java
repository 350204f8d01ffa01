package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.Credentials;
import dev.funnel.console.backend.Cta;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.TeamMember;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin opens the settings from the inbox, changes the sales playbook and sees it saved on the real
 * embedded backend, finds a colleague who joined with the invite code in the users list, and adds a
 * call to action.
 */
class SettingsJourneyIT extends ConsoleJourney {

    private static final String PLAYBOOK = "Ask for the roof size first, then offer a free site visit.";

    private static HttpBackendClient api;

    @BeforeAll
    static void aColleagueJoinsWithTheInviteCode() throws IOException, InterruptedException {
        api = HttpBackendClient.create(backend.baseUri());
        api.login(new Credentials(EMAIL, PASSWORD));
        String join = "{\"invite_code\":\"" + api.organisationSettings().inviteCode()
                + "\",\"name\":\"Alex Morgan\",\"email\":\"alex@settings.example\",\"password\":\"alex-password\"}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(backend.baseUri() + "/auth/signup/join"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(join)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        }
    }

    @Test
    void adminChangesThePlaybookAndSeesTheTeam() {
        signIn();

        robot.clickOn("#settingsButton");
        waitUntil(() -> "Journey Solar".equals(robot.lookup("#orgName").queryTextInputControl().getText()));
        fill("#orgPlaybook", PLAYBOOK);
        robot.clickOn("#saveOrganisationButton");
        waitUntil(() -> robot.lookup("#orgSaved").queryLabeled().isVisible());

        assertThat(api.organisationSettings().salesPlaybook()).isEqualTo(PLAYBOOK);
        screenshot("#organisationSettingsScreen", "settings.png");

        robot.clickOn("#usersTab");
        waitUntil(() -> usersTable().getItems().size() == 2 && robot.lookup("#inviteCode").queryTextInputControl()
                .getText().length() == 24);
        assertThat(usersTable().getItems()).extracting(TeamMember::name).containsExactly("Sam Rivera", "Alex Morgan");
        robot.interact(() -> usersTable().getSelectionModel().select(1));
        screenshot("#usersScreen", "users.png");

        robot.clickOn("#ctasTab");
        waitUntil(() -> robot.lookup("#ctaName").tryQuery().isPresent());
        fill("#ctaName", "Free site visit");
        fill("#ctaUrl", "https://journey.example/visit");
        robot.clickOn("#saveCtaButton");
        waitUntil(() -> robot.lookup("#ctaList").queryListView().getItems().size() == 1);
        assertThat(api.ctas()).extracting(Cta::name).containsExactly("Free site visit");
        screenshot("#ctasScreen", "ctas.png");
    }

    @SuppressWarnings("unchecked")
    private TableView<TeamMember> usersTable() {
        return (TableView<TeamMember>) robot.lookup("#usersTable").queryAs(TableView.class);
    }
}
