package dev.tinynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void unknownNameListsTheBuiltIns() {
        assertThatThrownBy(() -> Datasets.named("iris"))
                .hasMessage("unknown dataset 'iris'; built-in datasets are: study-hours, study-hours-plus, study-sleep");
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
