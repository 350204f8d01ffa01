package dev.funnel.backend.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "'+91 98765-43210', 919876543210",
            "'0091 98765 43210', 919876543210",
            "'(415) 555.0123', 4155550123",
            "'+1 415 555 0123', 14155550123",
            "'919876543210', 919876543210"})
    void writtenNumbersBecomeTheirE164Digits(String written, String digits) {
        assertThat(PhoneNumbers.normalise(written)).contains(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-34", "0123456789", "+1234567890123456", "call me", "+91 98765 4321x", ""})
    void numbersThatCannotBeE164AreRefused(String written) {
        assertThat(PhoneNumbers.normalise(written)).isEmpty();
    }
}
