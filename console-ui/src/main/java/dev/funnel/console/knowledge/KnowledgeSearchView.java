package dev.funnel.console.knowledge;

import dev.funnel.console.backend.KnowledgeHit;
import dev.funnel.console.common.Binds;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds "Try a question" to {@link KnowledgeSearchViewModel}: each hit's document, chunk and score above its text. */
public final class KnowledgeSearchView {

    @FXML private TextField knowledgeQuestion;
    @FXML private Button askKnowledgeButton;
    @FXML private Label knowledgeSearchMessage;
    @FXML private ListView<KnowledgeHit> knowledgeHits;

    private final KnowledgeSearchViewModel viewModel;

    public KnowledgeSearchView(KnowledgeViewModel knowledge) {
        this.viewModel = knowledge.search();
    }

    @FXML
    private void initialize() {
        knowledgeQuestion.textProperty().bindBidirectional(viewModel.questionProperty());
        askKnowledgeButton.disableProperty().bind(viewModel.canAskProperty().not());
        Binds.message(knowledgeSearchMessage, viewModel.messageProperty());
        knowledgeHits.setItems(viewModel.hits());
        Binds.shown(knowledgeHits, Bindings.isNotEmpty(viewModel.hits()));
        knowledgeHits.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KnowledgeHit hit, boolean empty) {
                super.updateItem(hit, empty);
                if (empty || hit == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(KnowledgeSearchViewModel.title(hit));
                title.getStyleClass().add("knowledge-hit-title");
                Label text = new Label(hit.text());
                text.setWrapText(true);
                VBox box = new VBox(3, title, text);
                box.setMaxWidth(getListView().getWidth() - 30);
                setGraphic(box);
            }
        });
    }

    @FXML
    private void ask() {
        viewModel.ask();
    }
}
