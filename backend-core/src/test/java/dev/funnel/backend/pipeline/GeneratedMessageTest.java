package dev.funnel.backend.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedMessageTest {

    @Test
    void parsesTheSeedExample() {
        GeneratedMessage message = GeneratedMessage.fromJson(SeedAnswers.MESSAGE);

        assertThat(message.messageText()).startsWith("Great question! Our premium plan is ₹4,999/month");
        assertThat(message.messageLanguage()).isEqualTo("en");
        assertThat(message.ctaType()).isNull();
        assertThat(message.nextStage()).isEqualTo(ConversationStage.PRICING);
        assertThat(message.statePatch())
                .isEqualTo(new GeneratedMessage.StatePatch(IntentLevel.HIGH, Sentiment.CURIOUS));
        assertThat(message.selfCheck().guardrailsPass()).isTrue();
        assertThat(message.selfCheck().violations()).isEmpty();
    }

    @Test
    void aMissingMessageTextIsANonRetriableError() {
        String json = """
                {"message_language": "en", "next_stage": "pricing",
                 "self_check": {"guardrails_pass": true, "violations": []}}""";

        assertThatThrownBy(() -> GeneratedMessage.fromJson(json))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("generate answer is invalid")
                .hasMessageContaining("message_text");
    }

    @Test
    void normalisesStatePatchSynonyms() {
        GeneratedMessage message = GeneratedMessage.fromJson(SeedAnswers.MESSAGE
                .replace("\"high\"", "\"Very High\"").replace("\"curious\"", "\"interested\""));

        assertThat(message.statePatch())
                .isEqualTo(new GeneratedMessage.StatePatch(IntentLevel.VERY_HIGH, Sentiment.CURIOUS));
    }

    @Test
    void aLeftOutStatePatchChangesNothing() {
        GeneratedMessage message = GeneratedMessage.fromJson("""
                {"message_text": "Hi!", "next_stage": "greeting",
                 "self_check": {"guardrails_pass": false, "violations": ["too long"]}}""");

        assertThat(message.statePatch().intentLevel()).isNull();
        assertThat(message.statePatch().userSentiment()).isNull();
        assertThat(message.messageLanguage()).isEqualTo("und");
        assertThat(message.selfCheck().violations()).containsExactly("too long");
    }
}
