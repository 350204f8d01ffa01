package dev.funnel.backend.pipeline;

/** A step's answer that is a message for the lead, checked by {@link Guardrails#violations} before it may go out. */
interface WrittenMessage {

    String messageText();

    /** The language the text is written in, as the model declared it ("und" when not said). */
    String messageLanguage();
}
