package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {

    @ParameterizedTest
    @CsvSource({"2.5, 2.5", "-3, -3", "+4, 4", ".5, 0.5", "7., 7", "1e-3, 0.001", "2.5E2, 250", "' 12 ', 12"})
    void readsPlainNumbers(String text, double value) {
        assertThat(Decimal.parse(text, "x")).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "2f", "0x10", "1,5", "2 h", "1.2.3", "e5", "--1", "one"})
    void refusesWhatParseDoubleWouldTakeOrIsNoNumber(String text) {
        assertThatThrownBy(() -> Decimal.parse(text, "cell"))
                .hasMessage("cell: '" + text + "' is not a number; write a plain number such as 2.5 (a decimal point,"
                        + " no units, no thousands separators)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-inf", "+INF", "1e400", "-1e309"})
    void refusesNaNAndInfinity(String text) {
        assertThatThrownBy(() -> Decimal.parse(text, "cell"))
                .hasMessage("cell: '" + text + "' is not a finite number (NaN and infinity cannot be learned from);"
                        + " replace it with a measured value or remove the row");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesEmptyText(String text) {
        assertThatThrownBy(() -> Decimal.parse(text, "cell")).hasMessage("cell is empty; fill in a number");
    }
}
