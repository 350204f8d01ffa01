package dev.funnel.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePreferencesTest {

    @Test
    void alertsAreSilentUntilThePersonTurnsSoundOnAndThatIsRemembered() {
        MemoryPreferences node = new MemoryPreferences();
        boolean before = new ConsolePreferences(node).soundOn();

        new ConsolePreferences(node).rememberSound(true);

        assertThat(before).isFalse();
        assertThat(new ConsolePreferences(node).soundOn()).isTrue();
    }
}
