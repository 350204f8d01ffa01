package dev.funnel.backend.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelPricesTest {

    @Test
    void aCallCostsItsTokensAtTheModelsPricePerMillion() {
        ModelPrices prices = ModelPrices.parse("gpt-4o-mini=0.15/0.60, meta-llama/Llama-3.3-70B=0.88/0.88");

        assertThat(prices.cost("gpt-4o-mini", 1_000, 200)).contains(new BigDecimal("0.00027000"));
        assertThat(prices.cost("meta-llama/Llama-3.3-70B", 1_000_000, 0)).contains(new BigDecimal("0.88000000"));
    }

    @Test
    void aModelWithoutAPriceHasNoCost() {
        ModelPrices prices = ModelPrices.parse("gpt-4o-mini=0.15/0.60");

        assertThat(prices.cost("gpt-4o", 1_000, 200)).isEmpty();
        assertThat(prices.cost(null, 1_000, 200)).isEmpty();
        assertThat(ModelPrices.parse("").cost("gpt-4o-mini", 1, 1)).isEmpty();
    }

    @Test
    void anEntryNotInTheFormIsRefusedByName() {
        for (String spec : new String[] {"gpt-4o-mini=0.15", "gpt-4o-mini", "=1/2", "m=a/b", "m=-1/2"}) {
            assertThatThrownBy(() -> ModelPrices.parse("ok=1/2," + spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LLM_PRICES entry '" + spec + "'");
        }
    }
}
