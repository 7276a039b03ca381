package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void builtInDatasetsAreTheTutorials() {
        Dataset d1 = Datasets.named("study-hours");
        assertThat(d1.rows()).isEqualTo(4);
        assertThat(d1.featureNames()).containsExactly("hours");
        assertThat(d1.rowMajor()).containsExactly(1, 2, 3, 4);
        assertThat(d1.labels()).containsExactly(0, 0, 1, 1);

        Dataset d2 = Datasets.named("study-sleep");
        assertThat(d2.featureNames()).containsExactly("study", "sleep");
        for (int i = 0; i < d2.rows(); i++) {
            assertThat(d2.x(i, 1)).as("sleep is study + 4").isEqualTo(d2.x(i, 0) + 4);
        }

        Dataset plus = Datasets.named("study-hours-plus");
        assertThat(plus.rows()).isEqualTo(5);
        assertThat(plus.row(4)).containsExactly(5);
        assertThat(plus.y(4)).isEqualTo(1);
    }

    @Test
    void quizAttendanceHasTwoInputsThatAreNotCollinear() {
        Dataset qa = Datasets.named("quiz-attendance");
        assertThat(qa.rows()).isEqualTo(10);
        assertThat(qa.featureNames()).containsExactly("quiz", "attendance");
        assertThat(qa.row(0)).containsExactly(40, 55);
        assertThat(qa.row(9)).containsExactly(91, 68);
        assertThat(qa.labels()).containsExactly(0, 0, 0, 1, 1, 0, 1, 0, 1, 1);
        for (int i = 0; i < qa.rows(); i++) {
            assertThat(qa.x(i, 0)).as("quiz score").isBetween(0.0, 100.0);
            assertThat(qa.x(i, 1)).as("attendance %").isBetween(0.0, 100.0);
        }
        // Pearson's r of the two inputs, worked out by hand: 0.2854…; D2's is exactly 1.
        assertThat(correlation(qa)).isCloseTo(0.2854, within(1e-4));
        assertThat(correlation(Datasets.studySleep())).isCloseTo(1.0, within(1e-12));
        // Not separable by a line: (63, 70) passed, (73, 70) failed, at the same attendance and a lower quiz score.
        assertThat(qa.row(4)).containsExactly(63, 70);
        assertThat(qa.y(4)).isEqualTo(1);
        assertThat(qa.row(7)).containsExactly(73, 70);
        assertThat(qa.y(7)).isEqualTo(0);
    }

    private static double correlation(Dataset data) {
        Standardization s = Standardization.of(data);
        Dataset z = s.apply(data);
        double sum = 0;
        for (int i = 0; i < z.rows(); i++) {
            sum += z.x(i, 0) * z.x(i, 1);
        }
        return sum / z.rows();
    }

    @Test
    void unknownNameListsTheBuiltIns() {
        assertThatThrownBy(() -> Datasets.named("iris"))
                .hasMessage("unknown dataset 'iris'; built-in datasets are: circles, moons, quiz-attendance, spiral,"
                        + " study-hours, study-hours-plus, study-sleep, xor");
    }

    @Test
    void isImmutable() {
        double[][] x = {{1}, {2}};
        Dataset data = Dataset.of("d", List.of("x"), x, new double[] {0, 1});
        x[0][0] = 99;
        data.rowMajor()[0] = 99;
        data.labels()[0] = 99;
        assertThat(data.x(0, 0)).isEqualTo(1);
        assertThat(data.y(0)).isEqualTo(0);
    }

    @Test
    void refusesBadData() {
        List<String> one = List.of("x");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[0][], new double[0]))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[][] {{1}, {2, 3}}, new double[] {0, 1}))
                .hasMessageContaining("row 1").hasMessageContaining("2 values");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[][] {{1}}, new double[] {0.5}))
                .hasMessageContaining("label 0.5").hasMessageContaining("0 (fail) or 1 (pass)");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[][] {{Double.NaN}}, new double[] {0}))
                .hasMessageContaining("is NaN").hasMessageContaining("finite");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[][] {{Double.POSITIVE_INFINITY}}, new double[] {0}))
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Dataset.of("d", one, new double[][] {{1}}, new double[] {0, 1}))
                .hasMessageContaining("1 rows but 2 labels");
        assertThatThrownBy(() -> Dataset.of("d", List.of("a", "a"), new double[][] {{1, 2}}, new double[] {0}))
                .hasMessageContaining("names a feature twice");
        assertThatThrownBy(() -> Dataset.of("d", List.of(), new double[][] {{}}, new double[] {0}))
                .hasMessageContaining("no features");
    }
}
