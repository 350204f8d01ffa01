package dev.funnel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in server's settings that differ from a backend of its own. */
class EmbeddedBackendTest {

    @Test
    void theBuiltInServerKeepsASmallerH2PageCacheUnlessOneIsSet() {
        assertThat(EmbeddedBackend.withConsoleDefaults(Map.of("FUNNEL_PORT", "0")))
                .containsEntry("FUNNEL_H2_CACHE_MB", "4")
                .containsEntry("FUNNEL_PORT", "0");
        assertThat(EmbeddedBackend.withConsoleDefaults(Map.of("FUNNEL_H2_CACHE_MB", "32")))
                .containsEntry("FUNNEL_H2_CACHE_MB", "32");
    }
}
