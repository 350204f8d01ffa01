package dev.funnel.backend.pipeline;

import java.util.List;

/**
 * The generate step's answer: the message to send and how it changes the conversation's state.
 * Required: the text, the next stage and the model's self check. The self check is only the
 * model's own opinion; the code's guardrails decide whether the text may go out.
 *
 * @param messageLanguage the language the text is written in ("en", "hi", "hi-Latn"...); "und" when not said
 * @param ctaType         the CTA the message leads to, or null
 */
public record GeneratedMessage(String messageText, String messageLanguage, String ctaType,
                               ConversationStage nextStage, StatePatch statePatch, SelfCheck selfCheck)
        implements StepOutput, WrittenMessage {

    public GeneratedMessage {
        messageText = Fields.requiredText(messageText, "message_text");
        messageLanguage = Fields.language(messageLanguage);
        ctaType = Fields.textOrNull(ctaType);
        Fields.required(nextStage, "next_stage");
        statePatch = statePatch == null ? StatePatch.NO_CHANGE : statePatch;
        Fields.required(selfCheck, "self_check");
    }

    public static GeneratedMessage fromJson(String json) {
        return StepJson.read(PipelineStep.GENERATE, json, GeneratedMessage.class);
    }

    @Override
    public String toJson() {
        return StepJson.write(this);
    }

    /** New values for the conversation; a null field leaves the stored value as it is. */
    public record StatePatch(IntentLevel intentLevel, Sentiment userSentiment) {
        static final StatePatch NO_CHANGE = new StatePatch(null, null);
    }

    public record SelfCheck(boolean guardrailsPass, List<String> violations) {
        public SelfCheck {
            violations = Fields.list(violations);
        }
    }
}
