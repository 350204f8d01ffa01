package dev.funnel.console.trace;

import dev.funnel.console.common.Binds;
import dev.funnel.console.common.Fxml;
import dev.funnel.console.common.TitledTextCell;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Binds the trace window to {@link TraceViewModel}. */
public final class TraceView {

    private static final String THEME = "/dev/funnel/console/common/theme.css";

    @FXML private Label leadMessage;
    @FXML private Label traceError;
    @FXML private ListView<StepLine> traceSteps;
    @FXML private ListView<SourceLine> traceSources;
    @FXML private ListView<String> traceOutcomes;
    @FXML private Label traceTotals;
    @FXML private Button replayButton;
    @FXML private Region replayPane;
    @FXML private Label replyThen;
    @FXML private Label replyNow;
    @FXML private Label replaySources;
    @FXML private Label replayFigures;
    @FXML private Label reconstructed;

    private final TraceViewModel viewModel;

    public TraceView(TraceViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Opens the trace in a window of its own and starts loading it. */
    public static Stage open(TraceViewModel viewModel, Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Why the bot said this");
        Scene scene = new Scene(Fxml.load(TraceView.class, "TraceView.fxml", new TraceView(viewModel)), 900, 760);
        scene.getStylesheets().add(TraceView.class.getResource(THEME).toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.load();
        return stage;
    }

    @FXML
    private void initialize() {
        leadMessage.textProperty().bind(viewModel.leadMessageProperty());
        Binds.message(traceError, viewModel.errorProperty());
        traceSteps.setItems(viewModel.steps());
        traceSteps.setCellFactory(list -> new StepCell());
        traceSteps.setPlaceholder(new Label("Loading the turn\u2026"));
        traceSources.setItems(viewModel.sources());
        traceSources.setCellFactory(list -> new TitledTextCell<>(SourceLine::title, SourceLine::excerpt,
                "trace-step-title"));
        Label noSources = new Label();
        noSources.setWrapText(true);
        noSources.textProperty().bind(viewModel.sourcesNoteProperty());
        traceSources.setPlaceholder(noSources);
        traceOutcomes.setItems(viewModel.outcomes());
        traceTotals.textProperty().bind(viewModel.totalsProperty());
        replayButton.disableProperty().bind(viewModel.replayingProperty().or(viewModel.loadingProperty()));
        replayButton.textProperty().bind(viewModel.replayingProperty().map(busy -> busy
                ? "Replaying\u2026" : "Replay with current prompts"));
        Binds.shown(replayPane, viewModel.replayedProperty());
        replyThen.textProperty().bind(viewModel.replyThenProperty());
        replyNow.textProperty().bind(viewModel.replyNowProperty());
        replaySources.textProperty().bind(viewModel.replaySourcesProperty());
        replayFigures.textProperty().bind(viewModel.replayFiguresProperty());
        reconstructed.textProperty().bind(viewModel.reconstructedProperty());
    }

    @FXML
    private void replay() {
        viewModel.replay();
    }

    /** A step: its name and prompt, figures, the inputs it was given and its answer. */
    private static final class StepCell extends ListCell<StepLine> {

        @Override
        protected void updateItem(StepLine line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(line.step() + "   prompt " + line.promptVersion());
            title.getStyleClass().add("trace-step-title");
            Label figures = new Label(line.figures());
            figures.getStyleClass().add("hint-text");
            Label input = new Label("Input: " + line.input());
            input.setWrapText(true);
            Label output = new Label(line.output());
            output.getStyleClass().add("trace-output");
            output.setWrapText(true);
            VBox box = new VBox(3, title, figures, input, output);
            box.setMaxWidth(getListView().getWidth() - 30);
            setGraphic(box);
        }
    }
}
