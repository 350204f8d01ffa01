package dev.funnel.backend.pipeline;

/**
 * The follow-up step's answer: the nudge to send a lead who went quiet, and why it reads as it
 * does. Required: the text and the model's self check; as for a generated message, the self check
 * is only the model's opinion and the code's guardrails decide whether the text may go out.
 *
 * @param messageLanguage the language the text is written in ("en", "hi", "hi-Latn"...); "und" when not said
 * @param ctaType         the CTA the nudge leads to, or null
 * @param reasoning       why this nudge, in one or two sentences, for the trace; empty when not given
 */
public record FollowupMessage(String messageText, String messageLanguage, String ctaType, String reasoning,
                              GeneratedMessage.SelfCheck selfCheck) implements StepOutput, WrittenMessage {

    public FollowupMessage {
        messageText = Fields.requiredText(messageText, "message_text");
        messageLanguage = Fields.language(messageLanguage);
        ctaType = Fields.textOrNull(ctaType);
        reasoning = Fields.text(reasoning);
        Fields.required(selfCheck, "self_check");
    }

    public static FollowupMessage fromJson(String json) {
        return StepJson.read(PipelineStep.FOLLOWUP, json, FollowupMessage.class);
    }

    @Override
    public String toJson() {
        return StepJson.write(this);
    }
}
