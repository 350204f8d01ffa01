package dev.funnel.console.shell;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.BackendEventListener;
import dev.funnel.console.backend.EventSubscription;
import dev.funnel.console.common.ConsolePreferences;
import dev.funnel.console.dashboard.DashboardView;
import dev.funnel.console.dashboard.DashboardViewModel;
import dev.funnel.console.common.Fxml;
import dev.funnel.console.common.FxThreadListener;
import dev.funnel.console.common.Notifier;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.TaskbarBadge;
import dev.funnel.console.ctas.CtasView;
import dev.funnel.console.ctas.CtasViewModel;
import dev.funnel.console.inbox.ChatView;
import dev.funnel.console.inbox.InboxView;
import dev.funnel.console.inbox.InboxViewModel;
import dev.funnel.console.knowledge.KnowledgeSearchView;
import dev.funnel.console.knowledge.KnowledgeUploadView;
import dev.funnel.console.knowledge.KnowledgeView;
import dev.funnel.console.knowledge.KnowledgeViewModel;
import dev.funnel.console.leadpanel.LeadPanelView;
import dev.funnel.console.leadpanel.LeadPanelViewModel;
import dev.funnel.console.leads.LeadFormView;
import dev.funnel.console.leads.LeadImportView;
import dev.funnel.console.leads.LeadsView;
import dev.funnel.console.leads.LeadsViewModel;
import dev.funnel.console.login.LoginView;
import dev.funnel.console.login.LoginViewModel;
import dev.funnel.console.prompts.PromptsView;
import dev.funnel.console.prompts.PromptsViewModel;
import dev.funnel.console.settings.LlmSettingsView;
import dev.funnel.console.settings.LlmSettingsViewModel;
import dev.funnel.console.settings.OrganisationSettingsView;
import dev.funnel.console.settings.OrganisationSettingsViewModel;
import dev.funnel.console.settings.SettingsTabs;
import dev.funnel.console.settings.WhatsAppSettingsView;
import dev.funnel.console.settings.WhatsAppSettingsViewModel;
import dev.funnel.console.setup.FirstRunView;
import dev.funnel.console.setup.FirstRunViewModel;
import dev.funnel.console.setup.ServerChoiceView;
import dev.funnel.console.setup.ServerChoiceViewModel;
import dev.funnel.console.setup.ServerConnector;
import dev.funnel.console.simulator.SimulatorView;
import dev.funnel.console.simulator.SimulatorViewModel;
import dev.funnel.console.templates.TemplateEditorView;
import dev.funnel.console.templates.TemplatePickerView;
import dev.funnel.console.templates.TemplatesView;
import dev.funnel.console.templates.TemplatesViewModel;
import dev.funnel.console.users.UsersView;
import dev.funnel.console.users.UsersViewModel;
import java.time.Clock;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The console window and the composition root of its screens: builds each screen's ViewModel and
 * View and swaps it in. It owns the session (client with its token, live event subscription) and
 * keeps the inbox alive while settings are open, so no live event is missed. Rejected webhooks come
 * with no live event, so they are fetched again every minute while the inbox is shown.
 */
public final class Shell implements Navigator, Shortcuts.Actions, AutoCloseable {

    private static final String THEME = "/dev/funnel/console/common/theme.css";
    private static final Duration REJECTED_WEBHOOKS_PERIOD = Duration.seconds(60);

    private final Stage stage;
    private final TaskExecutor executor;
    private final ConsolePreferences preferences;
    private final ServerConnector connector;
    private final Notifier notifier;
    private final StackPane root = new StackPane();
    private final Timeline rejectedWebhooksTimer;
    private final List<Shortcut> shortcuts = Shortcuts.of(this);
    private final ShortcutsHelp shortcutsHelp = new ShortcutsHelp(shortcuts);
    private TaskbarBadge taskbarBadge;

    private BackendClient client;
    private AuthResult session;
    private Parent inboxScreen;
    private InboxViewModel inbox;
    private InboxView inboxView;
    private EventSubscription liveEvents;
    private FxThreadListener live;
    /** The shown screen's own listener, besides the inbox and simulator; dropped when another screen shows. */
    private BackendEventListener screenListener;

    public Shell(Stage stage, TaskExecutor executor, ConsolePreferences preferences, ServerConnector connector,
                 Notifier notifier) {
        this.stage = stage;
        this.executor = executor;
        this.preferences = preferences;
        this.connector = connector;
        this.notifier = notifier;
        rejectedWebhooksTimer = new Timeline(
                new KeyFrame(REJECTED_WEBHOOKS_PERIOD, tick -> inbox.refreshRejectedWebhooks()));
        rejectedWebhooksTimer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        root.setId("shell");
        Scene scene = new Scene(root, 1240, 800);
        scene.getStylesheets().add(Shell.class.getResource(THEME).toExternalForm());
        Shortcuts.install(scene, shortcuts);
        stage.titleProperty().unbind(); // a stage an earlier shell counted attention on
        stage.setTitle("Funnel");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        // a returning person goes straight back to the server they used last; the choice shows its progress
        ServerChoiceViewModel choice = serverChoice();
        stage.show();
        if (preferences.rememberedServer().isPresent()) {
            choice.connect();
        }
    }

    @Override
    public void showServerChoice() {
        serverChoice();
    }

    private ServerChoiceViewModel serverChoice() {
        endSession();
        var viewModel = new ServerChoiceViewModel(connector, preferences, executor, this);
        show(Fxml.load(ServerChoiceView.class, "ServerChoiceView.fxml", new ServerChoiceView(viewModel)));
        return viewModel;
    }

    @Override
    public void showDashboard() {
        var viewModel = new DashboardViewModel(client, executor, this, Clock.systemDefaultZone());
        show(Fxml.load(DashboardView.class, "DashboardView.fxml", new DashboardView(viewModel)));
    }

    @Override
    public void showPrompts() {
        var viewModel = new PromptsViewModel(client, executor, this, session.user().role());
        show(Fxml.load(PromptsView.class, "PromptsView.fxml", new PromptsView(viewModel)));
    }

    @Override
    public void serverConnected(BackendClient connected, boolean hasOrganisation) {
        client = connected;
        if (hasOrganisation) {
            var viewModel = new LoginViewModel(client, preferences, executor, this);
            show(Fxml.load(LoginView.class, "LoginView.fxml", new LoginView(viewModel)));
        } else {
            var viewModel = new FirstRunViewModel(client, preferences, executor, this);
            show(Fxml.load(FirstRunView.class, "FirstRunView.fxml", new FirstRunView(viewModel)));
        }
    }

    @Override
    public void signedIn(AuthResult signedIn, boolean newOrganisation) {
        session = signedIn;
        stage.setTitle("Funnel — " + signedIn.organisation().name());
        if (newOrganisation) {
            showWhatsApp(true);
        } else {
            showInbox();
        }
    }

    @Override
    public void showInbox() {
        if (inbox == null) {
            openInbox();
        } else {
            inbox.checkLanguageModel();
            inbox.refreshRejectedWebhooks();
        }
        show(inboxScreen);
    }

    @Override
    public void showLeads() {
        var viewModel = new LeadsViewModel(client, executor, this);
        show(Fxml.load(LeadsView.class, "LeadsView.fxml", new LeadsView(viewModel), new LeadFormView(viewModel),
                new LeadImportView(viewModel)));
    }

    @Override
    public void showWhatsAppSettings() {
        showWhatsApp(false);
    }

    @Override
    public void showTemplates() {
        var viewModel = new TemplatesViewModel(client, executor, this);
        show(Fxml.load(TemplatesView.class, "TemplatesView.fxml", new TemplatesView(viewModel),
                new TemplateEditorView(viewModel.editor())));
    }

    @Override
    public void showLlmSettings() {
        var viewModel = new LlmSettingsViewModel(client, executor, this);
        show(Fxml.load(LlmSettingsView.class, "LlmSettingsView.fxml", new LlmSettingsView(viewModel)));
    }

    // --- organisation settings, users, CTAs ---

    @Override
    public void showOrganisationSettings() {
        var viewModel = new OrganisationSettingsViewModel(client, executor, session);
        show(Fxml.load(OrganisationSettingsView.class, "OrganisationSettingsView.fxml",
                new OrganisationSettingsView(viewModel), new SettingsTabs(this, SettingsTabs.Tab.ORGANISATION)));
    }

    @Override
    public void showUsers() {
        var viewModel = new UsersViewModel(client, executor, session);
        show(Fxml.load(UsersView.class, "UsersView.fxml",
                new UsersView(viewModel), new SettingsTabs(this, SettingsTabs.Tab.USERS)));
    }

    @Override
    public void showCtas() {
        var viewModel = new CtasViewModel(client, executor);
        show(Fxml.load(CtasView.class, "CtasView.fxml",
                new CtasView(viewModel), new SettingsTabs(this, SettingsTabs.Tab.CTAS)));
    }

    /** The session's live events start with the inbox, so it is opened first when it was not yet. */
    @Override
    public void showKnowledge() {
        if (inbox == null) {
            openInbox();
        }
        var viewModel = new KnowledgeViewModel(client, executor, this, session);
        show(Fxml.load(KnowledgeView.class, "KnowledgeView.fxml", new KnowledgeView(viewModel),
                new KnowledgeUploadView(viewModel), new KnowledgeSearchView(viewModel)));
        screenListener = viewModel;
        live.add(viewModel);
    }

    private void showWhatsApp(boolean onboarding) {
        var viewModel = new WhatsAppSettingsViewModel(client, executor, this, onboarding);
        show(Fxml.load(WhatsAppSettingsView.class, "WhatsAppSettingsView.fxml", new WhatsAppSettingsView(viewModel)));
    }

    /** One live subscription per session feeds both the inbox and the simulator, on the FX thread. */
    private void openInbox() {
        inbox = new InboxViewModel(client, executor, notifier, this, session);
        var simulator = new SimulatorViewModel(client, executor);
        var leadPanel = new LeadPanelViewModel(client, executor, inbox.chat().conversationProperty());
        live = new FxThreadListener();
        live.add(inbox);
        live.add(simulator);
        liveEvents = client.subscribe(live);
        // the first page comes while the screen is built
        inbox.load();
        inboxView = new InboxView(inbox);
        inboxScreen = Fxml.load(InboxView.class, "InboxView.fxml",
                inboxView, new ChatView(inbox.chat()), new TemplatePickerView(inbox.chat().templatePicker()),
                new SimulatorView(simulator), new LeadPanelView(leadPanel));
        showAttentionCount();
    }

    /** The count of conversations needing a person in the title and on the taskbar icon; the chime as chosen. */
    private void showAttentionCount() {
        if (taskbarBadge == null) {
            taskbarBadge = new TaskbarBadge();
        }
        inbox.soundOnProperty().set(preferences.soundOn());
        inbox.soundOnProperty().subscribe(preferences::rememberSound);
        stage.titleProperty().bind(inbox.windowTitleProperty());
        inbox.attentionCountProperty().subscribe(count -> taskbarBadge.show(count.intValue()));
    }

    // --- keyboard shortcuts: the inbox ones act only while the inbox is shown and the help is closed ---

    @Override
    public void focusSearch() {
        if (inboxInFront()) {
            inboxView.focusSearch();
        }
    }

    @Override
    public void openNext() {
        if (inboxInFront() && inboxView.arrowsMoveSelection(stage.getScene().getFocusOwner())) {
            inbox.openNext();
        }
    }

    @Override
    public void openPrevious() {
        if (inboxInFront() && inboxView.arrowsMoveSelection(stage.getScene().getFocusOwner())) {
            inbox.openPrevious();
        }
    }

    @Override
    public void takeOver() {
        if (inboxInFront()) {
            inbox.takeOverOpenConversation();
        }
    }

    @Override
    public void release() {
        if (inboxInFront()) {
            inbox.releaseOpenConversation();
        }
    }

    @Override
    public void showHelp() {
        if (!helpShown()) {
            root.getChildren().add(shortcutsHelp.node());
        }
    }

    @Override
    public void escape() {
        if (helpShown()) {
            root.getChildren().remove(shortcutsHelp.node());
        } else if (inboxInFront()) {
            inbox.clearSearch();
        }
    }

    private boolean helpShown() {
        return root.getChildren().contains(shortcutsHelp.node());
    }

    private boolean inboxInFront() {
        return inboxScreen != null && root.getChildren().contains(inboxScreen) && !helpShown();
    }

    private void show(Parent screen) {
        if (screenListener != null) {
            live.remove(screenListener);
            screenListener = null;
        }
        root.getChildren().setAll(screen);
        if (screen == inboxScreen) {
            rejectedWebhooksTimer.play();
        } else {
            rejectedWebhooksTimer.stop();
        }
    }

    private void endSession() {
        rejectedWebhooksTimer.stop();
        stage.titleProperty().unbind();
        stage.setTitle("Funnel");
        if (taskbarBadge != null) {
            taskbarBadge.show(0);
        }
        if (liveEvents != null) {
            liveEvents.close();
        }
        liveEvents = null;
        live = null;
        screenListener = null;
        inbox = null;
        inboxView = null;
        inboxScreen = null;
        session = null;
        client = null;
    }

    @Override
    public void close() {
        endSession();
        connector.close();
    }
}
