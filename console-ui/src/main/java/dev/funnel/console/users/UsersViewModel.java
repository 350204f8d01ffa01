package dev.funnel.console.users;

import dev.funnel.console.backend.AuthResult;
import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.TeamMember;
import dev.funnel.console.backend.TeamMemberChange;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import dev.funnel.console.common.Times;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The people of the organisation. Admins change a person's role, deactivate or reactivate them,
 * delete them (after a confirmation) and hand out the invite code; agents see the list only. The
 * server's refusals (the last admin, one's own account) are shown as it words them.
 */
public final class UsersViewModel {

    public static final String READ_ONLY_NOTE = "Only an admin can change roles, deactivate or delete accounts.";

    private final BackendClient client;
    private final TaskExecutor executor;
    private final boolean admin;

    private final ObservableList<TeamMember> members = FXCollections.observableArrayList();
    private final ObjectProperty<TeamMember> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<TeamMember> pendingDelete = new SimpleObjectProperty<>();
    private final StringProperty inviteCode = new SimpleStringProperty("");
    private final StringProperty joinHelp = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding canChangeSelected;
    private final StringBinding roleAction = Bindings.createStringBinding(
            () -> selected.get() != null && selected.get().admin() ? "Make agent" : "Make admin", selected);
    private final StringBinding activeAction = Bindings.createStringBinding(
            () -> selected.get() != null && !selected.get().isActive() ? "Reactivate" : "Deactivate", selected);
    private final StringBinding deleteQuestion = Bindings.createStringBinding(() -> pendingDelete.get() == null ? ""
            : "Delete the account of " + pendingDelete.get().name() + " (" + pendingDelete.get().email()
                    + ")? They can no longer sign in, and this cannot be undone. Deactivating keeps the account.",
            pendingDelete);

    public UsersViewModel(BackendClient client, TaskExecutor executor, AuthResult session) {
        this.client = client;
        this.executor = executor;
        this.admin = "admin".equals(session.user().role());
        canChangeSelected = Bindings.createBooleanBinding(() -> admin && selected.get() != null, selected);
    }

    public void load() {
        clearMessages();
        execute(client::teamMembers, loaded -> {
            members.setAll(loaded);
            reselect();
        });
        if (admin) {
            execute(client::organisationSettings, organisation -> showInviteCode(organisation.inviteCode()));
        }
    }

    public void toggleRole() {
        TeamMember member = selected.get();
        if (canChangeSelected.get()) {
            String role = member.admin() ? TeamMember.AGENT : TeamMember.ADMIN;
            change(member, TeamMemberChange.role(role), member.name() + " is now " + article(role) + ".");
        }
    }

    public void toggleActive() {
        TeamMember member = selected.get();
        if (canChangeSelected.get()) {
            boolean active = !member.isActive();
            change(member, TeamMemberChange.active(active), member.name()
                    + (active ? " can sign in again." : " is deactivated and can no longer sign in."));
        }
    }

    public void askDelete() {
        if (canChangeSelected.get()) {
            pendingDelete.set(selected.get());
        }
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    public void confirmDelete() {
        TeamMember member = pendingDelete.get();
        if (member == null) {
            return;
        }
        pendingDelete.set(null);
        run(() -> {
            client.deleteTeamMember(member.id());
            return member;
        }, deleted -> {
            members.removeIf(m -> m.id().equals(deleted.id()));
            status.set(deleted.name() + "'s account is deleted.");
        });
    }

    public void newInviteCode() {
        if (admin) {
            run(client::newInviteCode, code -> {
                showInviteCode(code.inviteCode());
                status.set("New invite code made; the old one no longer works.");
            });
        }
    }

    /** The View copied the code to the clipboard. */
    public void inviteCodeCopied() {
        status.set("Invite code copied.");
    }

    private void change(TeamMember member, TeamMemberChange change, String done) {
        run(() -> client.changeTeamMember(member.id(), change), changed -> {
            members.replaceAll(m -> m.id().equals(changed.id()) ? changed : m);
            reselect();
            status.set(done);
        });
    }

    /** Clears the last outcome first; the two loads of {@link #load} run side by side, so it clears once. */
    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        clearMessages();
        execute(call, onSuccess);
    }

    private void clearMessages() {
        error.set("");
        status.set("");
    }

    private <T> void execute(Callable<T> call, Consumer<T> onSuccess) {
        executor.execute(call, onSuccess::accept, failure -> error.set(ErrorMessages.describe(failure)));
    }

    /** Keeps the same person selected after the list changed (a changed account is a new record). */
    private void reselect() {
        TeamMember current = selected.get();
        if (current != null) {
            selected.set(members.stream().filter(m -> m.id().equals(current.id())).findFirst().orElse(null));
        }
    }

    private void showInviteCode(String code) {
        inviteCode.set(code == null ? "" : code);
        joinHelp.set(code == null ? "" : "To add a colleague, send them this code and " + serverAddress()
                + ". They sign up with the code, their name, email and a password and join "
                + "as an agent; you can make them an admin here afterwards. A new code stops the old one working.");
    }

    /** A loopback address only works on this computer, so a colleague needs its network address instead. */
    private String serverAddress() {
        URI server = client.baseUri();
        boolean local = "localhost".equalsIgnoreCase(server.getHost()) || "127.0.0.1".equals(server.getHost())
                || "[::1]".equals(server.getHost());
        return local ? "this computer's network address (this console reaches the server at " + server
                + ", which only works here)" : "the server address " + server;
    }

    private static String article(String role) {
        return TeamMember.ADMIN.equals(role) ? "an admin" : "an agent";
    }

    /** "Never" for an account that has not signed in yet. */
    public static String lastLogin(TeamMember member) {
        return member.lastLoginAt() == null ? "Never" : Times.dayAndTime(member.lastLoginAt());
    }

    public ObservableList<TeamMember> members() {
        return members;
    }

    public boolean admin() {
        return admin;
    }

    public ObjectProperty<TeamMember> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<TeamMember> pendingDeleteProperty() {
        return pendingDelete;
    }

    public StringBinding deleteQuestionProperty() {
        return deleteQuestion;
    }

    public BooleanBinding canChangeSelectedProperty() {
        return canChangeSelected;
    }

    public StringBinding roleActionProperty() {
        return roleAction;
    }

    public StringBinding activeActionProperty() {
        return activeAction;
    }

    public ReadOnlyStringProperty inviteCodeProperty() {
        return inviteCode;
    }

    public ReadOnlyStringProperty joinHelpProperty() {
        return joinHelp;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
