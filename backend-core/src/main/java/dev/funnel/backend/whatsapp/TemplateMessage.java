package dev.funnel.backend.whatsapp;

import java.util.List;

/**
 * An approved template to send, with values for its placeholders: the header's and the body's text
 * parameters in placeholder order ({{1}}, {{2}}, ...) and a value for each dynamic button.
 */
public record TemplateMessage(String name, String languageCode, List<String> headerTexts, List<String> bodyTexts,
                              List<ButtonValue> buttons) {

    public TemplateMessage {
        headerTexts = List.copyOf(headerTexts);
        bodyTexts = List.copyOf(bodyTexts);
        buttons = List.copyOf(buttons);
    }

    /** The kinds of template button that take a value when sent. */
    public enum ButtonType {
        /** The value completes the button's URL. */
        URL,
        /** The value comes back in the webhook when the lead taps the button. */
        QUICK_REPLY
    }

    /** The value for the template's button at {@code index} (counted from 0 among its buttons). */
    public record ButtonValue(ButtonType type, int index, String value) {
    }
}
