package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * Reads the steps' JSON answers into records and writes records back as compact JSON. The
 * records' constructors hold the validation, so whatever is wrong surfaces here as one
 * non-retriable {@link PipelineException} naming the field.
 */
final class StepJson {

    // Models add fields of their own; ignoring them is safer than failing a sales conversation.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private StepJson() {
    }

    static <T> T read(PipelineStep step, String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new PipelineException(step.id() + " answer is empty", false);
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!tree.isObject()) {
                throw new PipelineException(step.id() + " answer is not a JSON object: " + abbreviate(json), false);
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new PipelineException(step.id() + " answer is invalid: " + describe(e) + " in " + abbreviate(json),
                    false, e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * The record as JSON without the fields that only hold their default (null, "", [], {}, false,
     * 0): what the later steps' prompts show. It reads back as the same record, because every
     * optional field defaults to exactly that.
     */
    static String writeCompact(Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        prune(tree);
        return write(tree);
    }

    private static void prune(JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<JsonNode> fields = node.elements(); fields.hasNext(); ) {
            JsonNode field = fields.next();
            prune(field);
            if (isDefault(field)) {
                fields.remove();
            }
        }
    }

    private static boolean isDefault(JsonNode field) {
        return field.isNull() || field.isContainerNode() && field.isEmpty()
                || field.isTextual() && field.asText().isEmpty() || field.isBoolean() && !field.asBoolean()
                || field.isNumber() && field.asDouble() == 0;
    }

    /** Jackson's messages are long and name our classes; keep the part a person can act on. */
    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException && cause != null) {
            return cause.getMessage();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            return "field '" + path + "': " + reason;
        }
        return e.getOriginalMessage();
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
