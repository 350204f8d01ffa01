package dev.funnel.console.users;

import static dev.funnel.console.backend.TestData.teamMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnel.console.backend.FakeBackendClient;
import dev.funnel.console.backend.TeamMember;
import dev.funnel.console.backend.TeamMemberChange;
import dev.funnel.console.backend.TestData;
import dev.funnel.console.common.CurrentThreadTaskExecutor;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersViewModelTest {

    private final FakeBackendClient backend = new FakeBackendClient();
    private final UsersViewModel users = new UsersViewModel(backend, new CurrentThreadTaskExecutor(), TestData.session());

    @BeforeEach
    void team() {
        backend.team.addAll(List.of(teamMember("u1", "Sam Rivera", "admin", true),
                teamMember("u2", "Alex Agent", "agent", true)));
    }

    @Test
    void listsThePeopleAndTheInviteCodeWithHowToJoin() {
        backend.baseUri = URI.create("https://team.acme.example");

        users.load();

        assertThat(users.members()).extracting(TeamMember::name).containsExactly("Sam Rivera", "Alex Agent");
        assertThat(users.inviteCodeProperty().get()).isEqualTo("0123456789abcdef01234567");
        assertThat(users.joinHelpProperty().get()).contains("the server address https://team.acme.example")
                .contains("as an agent");
    }

    @Test
    void anEmbeddedServerIsNotGivenOutAsTheAddressToJoin() {
        backend.baseUri = URI.create("http://127.0.0.1:8090");

        users.load();

        assertThat(users.joinHelpProperty().get()).contains("this computer's network address")
                .contains("http://127.0.0.1:8090, which only works here");
    }

    @Test
    void makingAnAgentAnAdminChangesTheRowAndSaysSo() {
        users.load();
        users.selectedProperty().set(users.members().get(1));

        assertThat(users.roleActionProperty().get()).isEqualTo("Make admin");
        users.toggleRole();

        assertThat(backend.requests).containsExactly(TeamMemberChange.role("admin"));
        assertThat(users.members().get(1).role()).isEqualTo("admin");
        assertThat(users.selectedProperty().get().role()).isEqualTo("admin");
        assertThat(users.roleActionProperty().get()).isEqualTo("Make agent");
        assertThat(users.statusProperty().get()).isEqualTo("Alex Agent is now an admin.");
    }

    @Test
    void deactivatingThenReactivating() {
        users.load();
        users.selectedProperty().set(users.members().get(1));

        users.toggleActive();
        assertThat(users.members().get(1).isActive()).isFalse();
        assertThat(users.activeActionProperty().get()).isEqualTo("Reactivate");

        users.toggleActive();
        assertThat(users.members().get(1).isActive()).isTrue();
        assertThat(backend.requests).containsExactly(TeamMemberChange.active(false), TeamMemberChange.active(true));
    }

    @Test
    void theLastAdminRefusalIsShownPlainly() {
        users.load();
        users.selectedProperty().set(users.members().getFirst());
        backend.failNext(409, "The organisation needs at least one active admin; make someone else an admin first");

        users.toggleRole();

        assertThat(users.errorProperty().get())
                .isEqualTo("The organisation needs at least one active admin; make someone else an admin first");
        assertThat(users.members().getFirst().role()).isEqualTo("admin");
    }

    @Test
    void deleteAsksFirstAndDeletesOnlyWhenConfirmed() {
        users.load();
        users.selectedProperty().set(users.members().get(1));

        users.askDelete();
        assertThat(users.deleteQuestionProperty().get()).contains("Alex Agent").contains("cannot be undone");
        assertThat(backend.calls).doesNotContain("deleteTeamMember u2");

        users.confirmDelete();
        assertThat(backend.calls).contains("deleteTeamMember u2");
        assertThat(users.members()).extracting(TeamMember::id).containsExactly("u1");
        assertThat(users.pendingDeleteProperty().get()).isNull();
    }

    @Test
    void cancellingTheDeleteKeepsTheAccount() {
        users.load();
        users.selectedProperty().set(users.members().get(1));

        users.askDelete();
        users.cancelDelete();
        users.confirmDelete();

        assertThat(backend.calls).noneMatch(call -> call.startsWith("deleteTeamMember"));
        assertThat(users.members()).hasSize(2);
    }

    @Test
    void aNewInviteCodeReplacesTheOldOne() {
        users.load();

        users.newInviteCode();

        assertThat(users.inviteCodeProperty().get()).isEqualTo("000000000000000000000001");
        assertThat(users.statusProperty().get()).contains("old one no longer works");
    }

    @Test
    void anAgentSeesTheListOnlyWithoutTheInviteCode() {
        var agent = new UsersViewModel(backend, new CurrentThreadTaskExecutor(), TestData.agentSession());

        agent.load();
        agent.selectedProperty().set(agent.members().getFirst());
        agent.toggleRole();
        agent.askDelete();
        agent.newInviteCode();

        assertThat(agent.members()).hasSize(2);
        assertThat(agent.canChangeSelectedProperty().get()).isFalse();
        assertThat(agent.inviteCodeProperty().get()).isEmpty();
        assertThat(agent.pendingDeleteProperty().get()).isNull();
        assertThat(backend.calls).containsExactly("teamMembers");
    }

    @Test
    void anAccountThatNeverSignedInSaysNever() {
        TeamMember fresh = new TeamMember("u3", "New Person", "new@acme.example", "agent", true, null, TestData.NOW);

        assertThat(UsersViewModel.lastLogin(fresh)).isEqualTo("Never");
    }
}
