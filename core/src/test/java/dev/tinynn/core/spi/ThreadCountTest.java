package dev.tinynn.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadCountTest {

    @Test
    void unsetGivesTheBackendsDefault() {
        assertThat(ThreadCount.parse("tinynn.x.threads", null, 3)).isEqualTo(3);
    }

    @Test
    void fromPropertyReadsTheSystemProperty() {
        String property = "tinynn.threadcounttest.threads";
        assertThat(ThreadCount.fromProperty(property, 3)).isEqualTo(3);
        System.setProperty(property, "5");
        try {
            assertThat(ThreadCount.fromProperty(property, 3)).isEqualTo(5);
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void aWholeNumberIsTaken() {
        assertThat(ThreadCount.parse("tinynn.x.threads", " 2 ", 1)).isEqualTo(2);
    }

    @Test
    void anythingElseIsRefusedNamingThePropertyAndAFix() {
        for (String bad : new String[] {"0", "-1", "two", "1.5", ""}) {
            assertThatThrownBy(() -> ThreadCount.parse("tinynn.x.threads", bad, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tinynn.x.threads must be a whole number ≥ 1, not '" + bad
                            + "'; for example -Dtinynn.x.threads=1");
        }
    }
}
