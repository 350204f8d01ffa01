package dev.funnel.backend.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each model's tokens cost, in US dollars per million prompt (input) and completion (output)
 * tokens, as configured in {@code LLM_PRICES}. Funnel ships no prices of its own: they differ by
 * provider and change, so a model without a configured price gets no cost rather than a guess.
 */
public record ModelPrices(Map<String, Price> byModel) {

    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** The scale of {@code conversation_events.cost_usd}. */
    private static final int COST_SCALE = 8;

    public ModelPrices {
        byModel = Map.copyOf(byModel);
    }

    /**
     * Reads {@code model=input/output} entries separated by commas, e.g.
     * {@code gpt-4o-mini=0.15/0.60,llama-3.3-70b-versatile=0.59/0.79}; blank means no prices.
     *
     * @throws IllegalArgumentException naming the entry that is not in that form
     */
    public static ModelPrices parse(String spec) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String[] perMillion = equals < 0 ? new String[0] : entry.substring(equals + 1).split("/");
            if (equals <= 0 || perMillion.length != 2) {
                throw invalid(entry);
            }
            try {
                Price price = new Price(new BigDecimal(perMillion[0].strip()), new BigDecimal(perMillion[1].strip()));
                if (price.inputPerMillion().signum() < 0 || price.outputPerMillion().signum() < 0) {
                    throw invalid(entry);
                }
                prices.put(entry.substring(0, equals).strip(), price);
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
        }
        return new ModelPrices(prices);
    }

    /** The cost of one call; empty when no price is configured for the model. */
    public Optional<BigDecimal> cost(String model, int inputTokens, int outputTokens) {
        return Optional.ofNullable(model == null ? null : byModel.get(model))
                .map(price -> price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens))
                        .add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
                        .divide(MILLION, COST_SCALE, RoundingMode.HALF_UP));
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("LLM_PRICES entry '" + entry.strip() + "' is not model=input/output in"
                + " US dollars per million tokens, e.g. gpt-4o-mini=0.15/0.60");
    }
}
