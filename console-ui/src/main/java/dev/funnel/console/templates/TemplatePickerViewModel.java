package dev.funnel.console.templates;

import dev.funnel.console.backend.BackendClient;
import dev.funnel.console.backend.Message;
import dev.funnel.console.backend.OutgoingTemplateMessage;
import dev.funnel.console.backend.Template;
import dev.funnel.console.backend.TemplateValues;
import dev.funnel.console.common.ErrorMessages;
import dev.funnel.console.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer's template picker, offered once the lead's 24-hour window has closed (WhatsApp then
 * takes only approved templates): the APPROVED templates, an input for each of the chosen one's
 * values (as many as its parameters say) and a preview of the message the lead will get.
 */
public final class TemplatePickerViewModel {

    private final BackendClient client;
    private final TaskExecutor executor;
    private final Consumer<Message> sent;

    private final StringProperty conversationId = new SimpleStringProperty();
    private final ObservableList<Template> approved = FXCollections.observableArrayList();
    private final ObjectProperty<Template> chosen = new SimpleObjectProperty<>();
    private final ObservableList<TemplateVariable> values = FXCollections.observableArrayList(
            v -> new Observable[] {v.valueProperty()});
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");

    private final BooleanBinding offered = conversationId.isNotNull();
    private final BooleanBinding canSend = Bindings.createBooleanBinding(
            () -> offered.get() && !busy.get() && chosen.get() != null && values.stream().noneMatch(v -> v.value().isEmpty()),
            offered, busy, chosen, values);
    private final ObjectBinding<TemplatePreview> preview = Bindings.createObjectBinding(() -> {
        if (chosen.get() == null) {
            return TemplatePreview.EMPTY;
        }
        TemplateValues typed = typed();
        return TemplatePreview.of(chosen.get().components(), typed.header(), typed.body());
    }, chosen, values);

    /** @param sent told of each template message the backend recorded, so the chat shows it */
    public TemplatePickerViewModel(BackendClient client, TaskExecutor executor, Consumer<Message> sent) {
        this.client = client;
        this.executor = executor;
        this.sent = sent;
        chosen.subscribe(this::prepareValues);
    }

    /** Offers templates for this conversation (its window is closed), or withdraws the offer with null. */
    public void offerFor(String conversation) {
        if (conversation == null) {
            conversationId.set(null);
            return;
        }
        boolean fresh = !conversation.equals(conversationId.get());
        conversationId.set(conversation);
        if (fresh) {
            chosen.set(null);
            error.set("");
            loadTemplates();
        }
    }

    public void loadTemplates() {
        executor.execute(client::templates, all -> {
            approved.setAll(all.stream().filter(Template::approved).toList());
            hint.set(approved.isEmpty() ? "No approved template yet. Write one under Templates and submit it to Meta:"
                    + " its review takes minutes to a day." : "");
            if (chosen.get() != null && approved.stream().noneMatch(t -> t.id().equals(chosen.get().id()))) {
                chosen.set(null);
            }
        }, failure -> error.set(ErrorMessages.describe(failure)));
    }

    public void send() {
        if (!canSend.get()) {
            return;
        }
        Template template = chosen.get();
        OutgoingTemplateMessage message = new OutgoingTemplateMessage(conversationId.get(), template.id(),
                typed());
        busy.set(true);
        error.set("");
        executor.execute(() -> client.sendTemplate(message), recorded -> {
            busy.set(false);
            prepareValues(template);
            sent.accept(recorded);
        }, failure -> {
            busy.set(false);
            error.set(ErrorMessages.describe(failure));
        });
    }

    /** One input per value the chosen template takes: header, body, then URL buttons. */
    private void prepareValues(Template template) {
        values.setAll(template == null ? List.of()
                : template.parameters().labels().stream().map(TemplateVariable::new).toList());
    }

    /** The typed values, cut into the header's, the body's and the buttons'. */
    private TemplateValues typed() {
        Template template = chosen.get();
        return template == null ? new TemplateValues(List.of(), List.of(), List.of())
                : template.parameters().split(values.stream().map(TemplateVariable::value).toList());
    }

    public BooleanBinding offeredProperty() {
        return offered;
    }

    public ObservableList<Template> approvedTemplates() {
        return approved;
    }

    public ObjectProperty<Template> chosenProperty() {
        return chosen;
    }

    /** The inputs for the chosen template's values, labelled "Header {{1}}", "{{1}}", "Link 1 {{1}}". */
    public ObservableList<TemplateVariable> values() {
        return values;
    }

    public ObjectBinding<TemplatePreview> previewProperty() {
        return preview;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Says what to do when there is no approved template to offer. */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
    }
}
