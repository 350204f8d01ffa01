package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.BackendLauncher;
import dev.funnel.console.backend.Cta;
import dev.funnel.console.backend.HttpBackendClient;
import dev.funnel.console.backend.LaunchedBackend;
import dev.funnel.console.backend.NewOrganisation;
import dev.funnel.console.backend.TeamMember;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.common.MemoryPreferences;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An admin opens the settings from the inbox, changes the sales playbook and sees it saved on the real
 * embedded backend, finds a colleague who joined with the invite code in the users list, and adds a
 * call to action.
 */
class SettingsJourneyIT {

    private static final String EMAIL = "sam@settings.example";
    private static final String PASSWORD = "settings-password";
    private static final String PLAYBOOK = "Ask for the roof size first, then offer a free site visit.";
    private static final long PATIENCE_SECONDS = 20;

    private static LaunchedBackend backend;
    private static Path dataDir;
    private static HttpBackendClient api;
    private final FxRobot robot = new FxRobot();
    private Application console;

    @BeforeAll
    static void startBackendWithAnOrganisationAndAColleague() throws IOException, InterruptedException {
        Optional<BackendLauncher> launcher = BackendLauncher.findEmbedded();
        assertThat(launcher).as("the embedded backend launcher").isPresent();
        dataDir = Files.createTempDirectory("funnel-settings-journey");
        backend = launcher.get().start(Map.of("FUNNEL_PORT", "0", "FUNNEL_DATA_DIR", dataDir.toString()));
        api = HttpBackendClient.create(backend.baseUri());
        api.createOrganisation(new NewOrganisation("Journey Solar", "Sam Rivera", EMAIL, PASSWORD));
        String join = "{\"invite_code\":\"" + api.organisationSettings().inviteCode()
                + "\",\"name\":\"Alex Morgan\",\"email\":\"alex@settings.example\",\"password\":\"alex-password\"}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> joined = http.send(HttpRequest.newBuilder(URI.create(backend.baseUri() + "/auth/signup/join"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(join)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stopBackend() throws IOException {
        if (backend != null) {
            backend.stop();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openConsole() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        ConsolePreferences preferences = new ConsolePreferences(new MemoryPreferences());
        console = FxToolkit.setupApplication(() -> new ConsoleApp(preferences, Optional.empty(), Map.of()));
    }

    @AfterEach
    void closeConsole() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }

    @Test
    void adminChangesThePlaybookAndSeesTheTeam() {
        robot.clickOn("#remoteChoice");
        fill("#serverUrl", backend.baseUri().toString());
        robot.clickOn("#connectButton");
        waitUntil(() -> robot.lookup("#loginButton").tryQuery().isPresent());
        fill("#email", EMAIL);
        fill("#password", PASSWORD);
        robot.clickOn("#loginButton");
        waitUntil(() -> robot.lookup("#conversationList").tryQuery().isPresent());

        robot.clickOn("#settingsButton");
        waitUntil(() -> "Journey Solar".equals(robot.lookup("#orgName").queryTextInputControl().getText()));
        fill("#orgPlaybook", PLAYBOOK);
        robot.clickOn("#saveOrganisationButton");
        waitUntil(() -> robot.lookup("#orgSaved").queryLabeled().isVisible());

        assertThat(api.organisationSettings().salesPlaybook()).isEqualTo(PLAYBOOK);
        robot.interact(() -> Screenshots.save(robot.lookup("#organisationSettingsScreen").query().getScene(),
                Path.of("target", "screenshots", "settings.png")));

        robot.clickOn("#usersTab");
        waitUntil(() -> usersTable().getItems().size() == 2 && robot.lookup("#inviteCode").queryTextInputControl()
                .getText().length() == 24);
        assertThat(usersTable().getItems()).extracting(TeamMember::name).containsExactly("Sam Rivera", "Alex Morgan");
        robot.interact(() -> usersTable().getSelectionModel().select(1));
        robot.interact(() -> Screenshots.save(robot.lookup("#usersScreen").query().getScene(),
                Path.of("target", "screenshots", "users.png")));

        robot.clickOn("#ctasTab");
        waitUntil(() -> robot.lookup("#ctaName").tryQuery().isPresent());
        fill("#ctaName", "Free site visit");
        fill("#ctaUrl", "https://journey.example/visit");
        robot.clickOn("#saveCtaButton");
        waitUntil(() -> robot.lookup("#ctaList").queryListView().getItems().size() == 1);
        assertThat(api.ctas()).extracting(Cta::name).containsExactly("Free site visit");
        robot.interact(() -> Screenshots.save(robot.lookup("#ctasScreen").query().getScene(),
                Path.of("target", "screenshots", "ctas.png")));
    }

    @SuppressWarnings("unchecked")
    private TableView<TeamMember> usersTable() {
        return (TableView<TeamMember>) robot.lookup("#usersTable").queryAs(TableView.class);
    }

    private void fill(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    /** On timeout, says what the screen showed: the error labels usually name the cause. */
    private void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out; visible messages: " + visibleMessages(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String visibleMessages() {
        return robot.lookup((Node node) -> node instanceof Labeled label && label.isVisible()
                        && label.getStyleClass().contains("error-text")
                        && label.getText() != null && !label.getText().isBlank())
                .queryAllAs(Labeled.class).stream()
                .map(label -> (label.getId() == null ? "" : "#" + label.getId() + ": ") + label.getText())
                .toList().toString();
    }
}
