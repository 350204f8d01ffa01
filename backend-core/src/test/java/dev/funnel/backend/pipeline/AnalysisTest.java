package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisTest {

    @Test
    void parsesTheSeedExample() {
        Analysis analysis = Analysis.fromJson(SeedAnswers.ANALYSIS);

        assertThat(analysis.situationSummary()).isEqualTo("Lead asked about pricing for premium plan");
        assertThat(analysis.leadGoalGuess()).isEqualTo("Evaluate if pricing fits budget");
        assertThat(analysis.missingInfo()).containsExactly("budget", "timeline");
        assertThat(analysis.detectedObjections()).containsExactly("price_concern");
        assertThat(analysis.stageRecommendation()).isEqualTo(ConversationStage.PRICING);
        assertThat(analysis.riskFlags())
                .isEqualTo(new Analysis.RiskFlags(RiskLevel.LOW, RiskLevel.LOW, RiskLevel.LOW));
        assertThat(analysis.needKb()).isEqualTo(new Analysis.NeedKb(true, "premium plan pricing"));
        assertThat(analysis.confidence()).isEqualTo(0.85);
    }

    @Test
    void writesBackInTheSeedsFieldNames() {
        String json = Analysis.fromJson(SeedAnswers.ANALYSIS).toJson();

        assertThat(json).contains("\"situation_summary\":", "\"stage_recommendation\":\"pricing\"",
                "\"spam_risk\":\"low\"", "\"need_kb\":{\"required\":true");
        assertThat(Analysis.fromJson(json)).isEqualTo(Analysis.fromJson(SeedAnswers.ANALYSIS));
    }

    @Test
    void laterStepsAreShownTheAnalysisWithoutItsEmptyFieldsAndItReadsBackTheSame() {
        Analysis analysis = Analysis.fromJson("""
                {"situation_summary": "Lead asks for the price", "missing_info": [], "detected_objections": [],
                 "stage_recommendation": "pricing",
                 "risk_flags": {"spam_risk": "low", "policy_risk": "low", "hallucination_risk": "medium"},
                 "need_kb": {"required": false, "query": ""}, "lead_language": "en", "confidence": 0.7}""");

        String shown = PromptVariables.answer(analysis);

        assertThat(shown).isEqualTo("{\"situation_summary\":\"Lead asks for the price\",\"stage_recommendation\":"
                + "\"pricing\",\"risk_flags\":{\"spam_risk\":\"low\",\"policy_risk\":\"low\",\"hallucination_risk\":"
                + "\"medium\"},\"confidence\":0.7,\"lead_language\":\"en\"}");
        assertThat(Analysis.fromJson(shown)).isEqualTo(analysis);
    }

    @Test
    void aMissingSituationSummaryIsANonRetriableErrorNamingTheField() {
        String json = SeedAnswers.ANALYSIS
                .replace("\"situation_summary\": \"Lead asked about pricing for premium plan\",", "");

        assertThatThrownBy(() -> Analysis.fromJson(json))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("analyze answer is invalid")
                .hasMessageContaining("situation_summary")
                .satisfies(e -> assertThat(((PipelineException) e).retriable()).isFalse());
    }

    @Test
    void missingRiskFlagsAreAnErrorRatherThanLowRisk() {
        String json = """
                {"situation_summary": "s", "stage_recommendation": "pricing", "confidence": 0.9}""";

        assertThatThrownBy(() -> Analysis.fromJson(json)).hasMessageContaining("risk_flags");
    }

    @Test
    void normalisesEnumsWrittenInOtherCasesOrAsSynonyms() {
        String json = """
                {"situation_summary": "s", "stage_recommendation": "Call To Action",
                 "risk_flags": {"spam_risk": "LOW", "policy_risk": "moderate", "hallucination_risk": "High"},
                 "confidence": 0.5}""";

        Analysis analysis = Analysis.fromJson(json);

        assertThat(analysis.stageRecommendation()).isEqualTo(ConversationStage.CTA);
        assertThat(analysis.riskFlags())
                .isEqualTo(new Analysis.RiskFlags(RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH));
    }

    @Test
    void leftOutOptionalFieldsBecomeEmpty() {
        String json = """
                {"situation_summary": "s", "stage_recommendation": "greeting",
                 "risk_flags": {"spam_risk": "low", "policy_risk": "low", "hallucination_risk": "low"}}""";

        Analysis analysis = Analysis.fromJson(json);

        assertThat(analysis.missingInfo()).isEmpty();
        assertThat(analysis.needKb().required()).isFalse();
        assertThat(analysis.confidence()).isZero();
    }

    @Test
    void confidenceIsClampedToZeroToOne() {
        assertThat(Analysis.fromJson(SeedAnswers.ANALYSIS.replace("0.85", "1.7")).confidence()).isEqualTo(1.0);
        assertThat(Analysis.fromJson(SeedAnswers.ANALYSIS.replace("0.85", "-0.2")).confidence()).isEqualTo(0.0);
    }

    @Test
    void anUnknownStageIsAnErrorNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> Analysis.fromJson(SeedAnswers.ANALYSIS.replace("\"pricing\"", "\"negotiation\"")))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("stage_recommendation")
                .hasMessageContaining("'negotiation'");
    }

    @Test
    void anAnswerThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> Analysis.fromJson("Sure! Here is the analysis: the lead wants prices."))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("analyze answer is invalid");
    }

    @Test
    void anAnswerThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> Analysis.fromJson("[\"pricing\"]"))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("analyze answer is not a JSON object");
    }
}
