package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumParsingTest {

    @Test
    void conversationStageAcceptsAnyCaseSpacingAndObviousSynonyms() {
        assertThat(ConversationStage.parse("Pricing")).contains(ConversationStage.PRICING);
        assertThat(ConversationStage.parse(" GHOSTED ")).contains(ConversationStage.GHOSTED);
        assertThat(ConversationStage.parse("call to action")).contains(ConversationStage.CTA);
        assertThat(ConversationStage.parse("qualifying")).contains(ConversationStage.QUALIFICATION);
        assertThat(ConversationStage.parse("negotiation")).isEmpty();
        assertThat(ConversationStage.CLOSED.id()).isEqualTo("closed");
    }

    @Test
    void intentLevelAcceptsSpacesAndHyphensForVeryHigh() {
        assertThat(IntentLevel.parse("very high")).contains(IntentLevel.VERY_HIGH);
        assertThat(IntentLevel.parse("Very-High")).contains(IntentLevel.VERY_HIGH);
        assertThat(IntentLevel.parse("moderate")).contains(IntentLevel.MEDIUM);
        assertThat(IntentLevel.parse("")).isEmpty();
        assertThat(IntentLevel.parse(null)).isEmpty();
        assertThat(IntentLevel.VERY_HIGH.id()).isEqualTo("very_high");
    }

    @Test
    void sentimentAcceptsTheSeedSetAndTheSetUsedInPractice() {
        assertThat(Sentiment.parse("hesitant")).contains(Sentiment.HESITANT);
        assertThat(Sentiment.parse("Negative")).contains(Sentiment.NEGATIVE);
        assertThat(Sentiment.parse("distrustful")).contains(Sentiment.DISTRUSTFUL);
        assertThat(Sentiment.parse("UNINTERESTED")).contains(Sentiment.UNINTERESTED);
        assertThat(Sentiment.parse("not interested")).contains(Sentiment.UNINTERESTED);
        assertThat(Sentiment.parse("frustrated")).contains(Sentiment.ANNOYED);
        assertThat(Sentiment.parse("ecstatic")).isEmpty();
    }

    @Test
    void riskLevelAcceptsCaseAndSynonyms() {
        assertThat(RiskLevel.parse("HIGH")).contains(RiskLevel.HIGH);
        assertThat(RiskLevel.parse("none")).contains(RiskLevel.LOW);
        assertThat(RiskLevel.parse("moderate")).contains(RiskLevel.MEDIUM);
        assertThat(RiskLevel.parse("extreme")).isEmpty();
    }

    @Test
    void decisionActionAcceptsLowerCaseSpacesAndShortForms() {
        assertThat(DecisionAction.parse("send_now")).contains(DecisionAction.SEND_NOW);
        assertThat(DecisionAction.parse("Send Now")).contains(DecisionAction.SEND_NOW);
        assertThat(DecisionAction.parse("wait-schedule")).contains(DecisionAction.WAIT_SCHEDULE);
        assertThat(DecisionAction.parse("handoff")).contains(DecisionAction.HANDOFF_HUMAN);
        assertThat(DecisionAction.parse("ignore")).isEmpty();
        assertThat(DecisionAction.HANDOFF_HUMAN.id()).isEqualTo("HANDOFF_HUMAN");
    }

    @Test
    void pipelineStepParsesItsIdsAndBritishSpellings() {
        assertThat(PipelineStep.parse("summarize")).contains(PipelineStep.SUMMARIZE);
        assertThat(PipelineStep.parse("Analyse")).contains(PipelineStep.ANALYZE);
        assertThat(PipelineStep.GENERATE.id()).isEqualTo("generate");
    }
}
