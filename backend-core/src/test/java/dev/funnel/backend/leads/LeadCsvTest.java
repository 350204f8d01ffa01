package dev.funnel.backend.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+123", "-2", "@SUM(A1)", "\tx", "\rx"})
    void aCellASpreadsheetWouldRunIsWrittenAsTextAndReadBack(String cell) {
        assertThat(LeadCsv.guard(cell)).isEqualTo("'" + cell);
        assertThat(LeadCsv.unguard(LeadCsv.guard(cell))).isEqualTo(cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha", "'quoted'", "O'Brien", "1+1"})
    void otherCellsAreLeftAsTheyAre(String cell) {
        assertThat(LeadCsv.guard(cell)).isEqualTo(cell);
        assertThat(LeadCsv.unguard(cell)).isEqualTo(cell);
    }
}
