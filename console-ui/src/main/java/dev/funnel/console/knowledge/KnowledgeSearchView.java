package dev.funnel.console.knowledge;

import dev.funnel.console.backend.KnowledgeHit;
import dev.funnel.console.common.Binds;
import dev.funnel.console.common.TitledTextCell;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

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
        knowledgeHits.setCellFactory(list -> new TitledTextCell<>(KnowledgeSearchViewModel::title, KnowledgeHit::text,
                "knowledge-hit-title"));
    }

    @FXML
    private void ask() {
        viewModel.ask();
    }
}
