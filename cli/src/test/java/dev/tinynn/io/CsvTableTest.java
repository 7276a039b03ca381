package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    private String write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    @Test
    void readsWhatASpreadsheetSaves() throws Exception {
        // A byte-order mark, Windows line ends, quoted values, spaces, a blank line, a text column.
        String file = write("grades.csv", "\uFEFFname, quiz ,attendance,passed\r\n"
                + "\"Ana, the first\",40,\"55\",0\r\n\r\n"
                + "Ben , 48 ,80, 1\r\n");
        CsvTable table = CsvTable.read(file);
        assertThat(table.columns()).containsExactly("name", "quiz", "attendance", "passed");
        assertThat(table.rows()).isEqualTo(2);
        assertThat(table.line(0)).isEqualTo(2);
        assertThat(table.line(1)).isEqualTo(4);
        Dataset data = table.dataset(null, List.of("quiz", "attendance"));
        assertThat(data.name()).isEqualTo(file);
        assertThat(data.featureNames()).containsExactly("quiz", "attendance");
        assertThat(data.rowMajor()).containsExactly(40, 55, 48, 80);
        assertThat(data.labels()).containsExactly(0, 1);
    }

    @Test
    void theSameTableAsTheBuiltInDataset() throws Exception {
        Dataset builtIn = Datasets.quizAttendance();
        StringBuilder csv = new StringBuilder("quiz,attendance,passed\n");
        for (int i = 0; i < builtIn.rows(); i++) {
            csv.append((int) builtIn.x(i, 0)).append(',').append((int) builtIn.x(i, 1)).append(',')
                    .append((int) builtIn.y(i)).append('\n');
        }
        Dataset read = CsvTable.read(write("qa.csv", csv.toString())).dataset(null, null);
        assertThat(read.featureNames()).isEqualTo(builtIn.featureNames());
        assertThat(read.rowMajor()).containsExactly(builtIn.rowMajor());
        assertThat(read.labels()).containsExactly(builtIn.labels());
    }

    @Test
    void theLabelNeedNotBeLastAndFeaturesComeInTheOrderGiven() throws Exception {
        CsvTable table = CsvTable.read(write("t.csv", "passed,a,b,c\n1,10,20,30\n0,11,21,31\n"));
        assertThat(table.lastColumn()).isEqualTo("c");
        Dataset data = table.dataset("passed", List.of("c", "a"));
        assertThat(data.featureNames()).containsExactly("c", "a");
        assertThat(data.rowMajor()).containsExactly(30, 10, 31, 11);
        assertThat(data.labels()).containsExactly(1, 0);
        assertThat(table.dataset("passed", null).featureNames()).containsExactly("a", "b", "c");
    }

    @Test
    void linesAreCountedAsAnEditorShowsThem() throws Exception {
        // Lines 2 and 3 hold one quoted value, lines 4 and 5 are blank: the bad cell is on line 7.
        String file = write("t.csv", "note,x,passed\n\"two\nlines\",1,0\n\n\nok,2,1\nbad,x,0\n");
        CsvTable table = CsvTable.read(file);
        assertThat(table.line(2)).isEqualTo(7);
        assertThatThrownBy(() -> table.dataset(null, List.of("x")))
                .hasMessage("'" + file + "' line 7, column 'x': 'x' is not a number; write a plain number such as 2.5"
                        + " (a decimal point, no units, no thousands separators)");
    }

    @Test
    void aTextColumnLeftInByDefaultGetsAHint() throws Exception {
        String file = write("t.csv", "name,x,passed\nAna,1,0\n");
        assertThatThrownBy(() -> CsvTable.read(file).dataset(null, null))
                .hasMessageEndingWith("'Ana' is not a number; write a plain number such as 2.5 (a decimal point,"
                        + " no units, no thousands separators), or choose the input columns with --features");
    }

    @Test
    void aSemicolonFileGetsAHint() throws Exception {
        String file = write("t.csv", "hours;passed\n1;0\n");
        assertThatThrownBy(() -> CsvTable.read(file).dataset(null, null))
                .hasMessageEndingWith("(values must be separated by commas, not by ';' or tabs)");
    }
}
