package dev.funnel.console.users;

import dev.funnel.console.backend.TeamMember;
import dev.funnel.console.common.Binds;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;

/** Binds the users list, the account actions, the delete confirmation and the invite code to the ViewModel. */
public final class UsersView {

    @FXML private Label usersReadOnlyNote;
    @FXML private TableView<TeamMember> usersTable;
    @FXML private TableColumn<TeamMember, String> userNameColumn;
    @FXML private TableColumn<TeamMember, String> userEmailColumn;
    @FXML private TableColumn<TeamMember, String> userRoleColumn;
    @FXML private TableColumn<TeamMember, String> userActiveColumn;
    @FXML private TableColumn<TeamMember, String> userLastLoginColumn;
    @FXML private Region userActions;
    @FXML private Button roleButton;
    @FXML private Button activeButton;
    @FXML private Button deleteUserButton;
    @FXML private Region deleteConfirmation;
    @FXML private Label deleteQuestion;
    @FXML private Region invitePanel;
    @FXML private TextField inviteCode;
    @FXML private Label joinHelp;
    @FXML private Label usersError;
    @FXML private Label usersStatus;

    private final UsersViewModel viewModel;

    public UsersView(UsersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        usersReadOnlyNote.setText(UsersViewModel.READ_ONLY_NOTE);
        Binds.shown(usersReadOnlyNote, Bindings.createBooleanBinding(() -> !viewModel.admin()));
        column(userNameColumn, TeamMember::name);
        column(userEmailColumn, TeamMember::email);
        column(userRoleColumn, m -> m.admin() ? "Admin" : "Agent");
        column(userActiveColumn, m -> m.isActive() ? "Active" : "Deactivated");
        column(userLastLoginColumn, UsersViewModel::lastLogin);
        usersTable.setItems(viewModel.members());
        usersTable.getSelectionModel().selectedItemProperty().addListener(
                (observable, before, member) -> viewModel.selectedProperty().set(member));
        Binds.shown(userActions, Bindings.createBooleanBinding(viewModel::admin));
        roleButton.textProperty().bind(viewModel.roleActionProperty());
        activeButton.textProperty().bind(viewModel.activeActionProperty());
        for (Button action : new Button[] {roleButton, activeButton, deleteUserButton}) {
            action.disableProperty().bind(viewModel.canChangeSelectedProperty().not());
        }
        Binds.shown(deleteConfirmation, viewModel.pendingDeleteProperty().isNotNull());
        deleteQuestion.textProperty().bind(viewModel.deleteQuestionProperty());
        Binds.shown(invitePanel, viewModel.inviteCodeProperty().isNotEmpty());
        inviteCode.textProperty().bind(viewModel.inviteCodeProperty());
        joinHelp.textProperty().bind(viewModel.joinHelpProperty());
        Binds.message(usersError, viewModel.errorProperty());
        Binds.message(usersStatus, viewModel.statusProperty());
        viewModel.load();
    }

    private static void column(TableColumn<TeamMember, String> column, Function<TeamMember, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void toggleRole() {
        viewModel.toggleRole();
    }

    @FXML
    private void toggleActive() {
        viewModel.toggleActive();
    }

    @FXML
    private void askDelete() {
        viewModel.askDelete();
    }

    @FXML
    private void confirmDelete() {
        viewModel.confirmDelete();
    }

    @FXML
    private void cancelDelete() {
        viewModel.cancelDelete();
    }

    @FXML
    private void copyInviteCode() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.inviteCodeProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.inviteCodeCopied();
    }

    @FXML
    private void newInviteCode() {
        viewModel.newInviteCode();
    }
}
