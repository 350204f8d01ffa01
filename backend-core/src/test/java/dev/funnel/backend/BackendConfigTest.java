package dev.funnel.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a backend keeps its data, and the secrets it signs sessions and seals tokens with: its own when
 * solo, the team's when shared.
 */
class BackendConfigTest {

    private static final String TEAM_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void aSoloBackendMakesItsOwnSecretsAndKeepsThem(@TempDir Path dataDir) {
        Map<String, String> env = Map.of("FUNNEL_DATA_DIR", dataDir.toString());

        BackendConfig first = BackendConfig.fromEnvironment(env);
        BackendConfig again = BackendConfig.fromEnvironment(env);

        assertThat(first.encryptionKey()).hasSize(64).isEqualTo(again.encryptionKey());
        assertThat(first.jwtSecret()).isNotBlank().isEqualTo(again.jwtSecret());
    }

    @Test
    void aBackendOnASharedDatabaseRefusesToStartWithoutTheTeamsSecrets(@TempDir Path dataDir) {
        Map<String, String> env = Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_DB_URL", "jdbc:postgresql://db.example/funnel", "FUNNEL_JWT_SECRET", "shared");

        assertThatThrownBy(() -> BackendConfig.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FUNNEL_ENCRYPTION_KEY")
                .hasMessageNotContaining("FUNNEL_JWT_SECRET")
                .hasMessageContaining("the same on every backend");
    }

    @Test
    void aBackendOnASharedDatabaseUsesTheTeamsSecrets(@TempDir Path dataDir) {
        Map<String, String> env = new HashMap<>(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_DB_URL", "jdbc:postgresql://db.example/funnel", "FUNNEL_JWT_SECRET", "shared",
                "FUNNEL_ENCRYPTION_KEY", TEAM_KEY));

        BackendConfig config = BackendConfig.fromEnvironment(env);

        assertThat(config.encryptionKey()).isEqualTo(TEAM_KEY);
        assertThat(config.jwtSecret()).isEqualTo("shared");
    }

    @Test
    void aNumberSettingThatIsNotOneIsRefusedWithItsName(@TempDir Path dataDir) {
        for (String name : List.of("FUNNEL_PORT", "WHATSAPP_MESSAGES_PER_SECOND", "WHATSAPP_RETRY_DELAY_MS",
                "FUNNEL_TOKEN_HOURS", "FUNNEL_WS_HEARTBEAT_MS", "FUNNEL_EVENTS_RETENTION_HOURS")) {
            assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                    name, "8O")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(name + " must be a whole number of 0 or more, not '8O'");
        }
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_TOKEN_HOURS", "0")))
                .hasMessage("FUNNEL_TOKEN_HOURS must be at least 1");
    }

    @Test
    void theH2DatabaseHasA16MbPageCacheUnlessFunnelH2CacheMbSaysOtherwise(@TempDir Path dataDir) {
        String usual = BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString())).dbUrl();
        String smaller = BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_H2_CACHE_MB", "4")).dbUrl();

        assertThat(usual).startsWith("jdbc:h2:async:").endsWith(";CACHE_SIZE=16384");
        assertThat(smaller).endsWith(";CACHE_SIZE=4096");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_H2_CACHE_MB", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FUNNEL_H2_CACHE_MB must be at least 1");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FUNNEL_DATA_DIR", dataDir.toString(),
                "FUNNEL_H2_CACHE_MB", "4MB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FUNNEL_H2_CACHE_MB must be a whole number of 0 or more, not '4MB'");
    }

    @Test
    void onLinuxTheDataFolderIsInTheXdgDataHome() {
        assertThat(BackendConfig.defaultDataDir("Linux", "/home/sam", Map.of("XDG_DATA_HOME", "/home/sam/data")))
                .isEqualTo(Path.of("/home/sam/data", "funnel").toString());
    }

    @Test
    void onLinuxWithoutAnXdgDataHomeTheDataFolderIsInLocalShare() {
        assertThat(BackendConfig.defaultDataDir("Linux", "/home/sam", Map.of("XDG_DATA_HOME", " ")))
                .isEqualTo(Path.of("/home/sam", ".local", "share", "funnel").toString());
    }

    @Test
    void onWindowsTheDataFolderIsInAppData() {
        String appData = "C:\\Users\\sam\\AppData\\Roaming";

        assertThat(BackendConfig.defaultDataDir("Windows 11", "C:\\Users\\sam", Map.of("APPDATA", appData)))
                .isEqualTo(Path.of(appData, "Funnel").toString());
    }

    @Test
    void onMacTheDataFolderIsInApplicationSupport() {
        assertThat(BackendConfig.defaultDataDir("Mac OS X", "/Users/sam", Map.of()))
                .isEqualTo(Path.of("/Users/sam", "Library", "Application Support", "Funnel").toString());
    }
}
