package dev.funnel.backend.webhook;

/** One entry of a WhatsApp {@code errors[]} array; {@code details} comes from {@code error_data.details}. */
public record ErrorInfo(Integer code, String title, String message, String details) {
}
