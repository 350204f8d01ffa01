package dev.funnel.backend.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

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
