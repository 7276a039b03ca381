package dev.tinynn.io;

import dev.tinynn.core.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read with Apache Commons CSV and checked before anything is
 * trained on it. Every problem is an {@link IllegalArgumentException} with one line that names
 * the file, the line (counted from 1, as an editor shows it) and the column where it can, and
 * says how to fix it.
 *
 * <p>The format is RFC 4180 as spreadsheets save it: comma-separated, values may be quoted,
 * UTF-8 (a leading byte-order mark is skipped), blank lines are skipped, spaces around a value
 * are trimmed. The first line must name the columns, each once. Cells are read as numbers only
 * in the columns that are used, so a column of names or comments does no harm.
 */
public final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final String name;
    private final List<String> columns;
    private final List<CSVRecord> records;
    private final int[] lines;

    private CsvTable(String name, List<String> columns, List<CSVRecord> records, int[] lines) {
        this.name = name;
        this.columns = columns;
        this.records = records;
        this.lines = lines;
    }

    /**
     * Reads and checks {@code file} (a path, as the user wrote it): it exists and is readable
     * UTF-8 text, valid CSV, with a header of distinct non-blank names that are not numbers, at
     * least one row under it, and as many values in every row as the header has columns.
     */
    public static CsvTable read(String file) {
        return read(file, Reading.NONE);
    }

    /** Hears how far parsing has got, for a progress bar. */
    @FunctionalInterface
    public interface Reading {
        /** Hears nothing. */
        Reading NONE = (chars, total) -> { };

        /** {@code chars} of the file's {@code total} characters are parsed. */
        void at(long chars, long total);
    }

    /** As {@link #read(String)}, telling {@code reading} how far it has got every thousand rows. */
    public static CsvTable read(String file, Reading reading) {
        String text = TextFiles.read(file, "a .csv file");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte-order mark spreadsheets put at the start of "CSV UTF-8"
        }
        checkText(file, text);
        List<CSVRecord> all;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            all = new ArrayList<>();
            for (CSVRecord record : parser) {
                all.add(record);
                if (all.size() % 1000 == 0) {
                    reading.at(record.getCharacterPosition(), text.length());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String reason = TextFiles.firstLine(cause.getMessage()).replaceFirst("^\\(startline (\\d+)\\)\\s*", "line $1: ");
            throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' is not valid CSV (" + reason
                    + "); check the quotes: a value that starts with \" must end with \"");
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' is empty; write a header line naming the columns"
                    + " (such as hours,passed) and one line per row under it");
        }
        int[] lines = lineNumbers(text, all);
        List<String> header = all.get(0).toList();
        checkHeader(file, header, lines[0]);
        List<CSVRecord> rows = all.subList(1, all.size());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' has a header but no rows; add at least one line of"
                    + " values under the header " + String.join(",", header));
        }
        int[] rowLines = new int[rows.size()];
        System.arraycopy(lines, 1, rowLines, 0, rowLines.length);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            if (row.size() != header.size()) {
                boolean trailingComma = row.size() == header.size() + 1 && row.get(row.size() - 1).isEmpty();
                throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' line " + rowLines[i] + " has " + row.size()
                        + (row.size() == 1 ? " value" : " values") + " but the header has " + header.size()
                        + " columns; give every row one value per column"
                        + (trailingComma ? " (a comma at the end of a line adds an empty value)" : ""));
            }
        }
        return new CsvTable(TextFiles.oneLine(file), List.copyOf(header), List.copyOf(rows), rowLines);
    }

    /**
     * Refuses a control character other than a line break or a tab anywhere in the text: Commons
     * CSV's trimming would silently drop one at either end of a value ("2\0" would read as 2).
     */
    private static void checkText(String file, String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c != '\r' && c != '\t' && TextFiles.hasControlCharacters(String.valueOf(c))) {
                throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' line " + line + " holds the"
                        + " control character " + TextFiles.oneLine(String.valueOf(c)) + ", which is not text;"
                        + " remove it (a CSV file holds only text: values, commas and line breaks)");
            }
        }
    }

    /**
     * The line each record starts on, counted from 1, from where it starts in the text. A record's
     * position is where the parser began looking for it, before any blank lines it skipped; the
     * record itself starts after them.
     */
    private static int[] lineNumbers(String text, List<CSVRecord> records) {
        int[] lines = new int[records.size()];
        int line = 1;
        int at = 0;
        for (int r = 0; r < records.size(); r++) {
            int start = (int) records.get(r).getCharacterPosition();
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            for (; at < start; at++) {
                char c = text.charAt(at);
                if (c == '\n' || c == '\r' && (at + 1 == text.length() || text.charAt(at + 1) != '\n')) {
                    line++;
                }
            }
            lines[r] = line;
        }
        return lines;
    }

    private static void checkHeader(String file, List<String> header, int line) {
        boolean allNumbers = true;
        for (String cell : header) {
            try {
                Decimal.parse(cell, "");
            } catch (IllegalArgumentException notANumber) {
                allNumbers = false;
            }
        }
        if (header.stream().anyMatch(cell -> cell.indexOf('\t') >= 0)) {
            throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' separates its values with tabs (its"
                    + " header, line " + line + ", is '" + TextFiles.shown(String.join(",", header)) + "'); separate"
                    + " values with commas instead (in a spreadsheet: save as CSV, not as tab-separated text)");
        }
        for (int j = 0; j < header.size(); j++) {
            if (TextFiles.hasControlCharacters(header.get(j))) {
                throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' header (line " + line + ") names column " + (j + 1)
                        + " '" + TextFiles.shown(header.get(j)) + "', with a line break, tab or other control character"
                        + " in it; give every column a name on one line");
            }
        }
        if (allNumbers) {
            throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' has no header: its line " + line + " ("
                    + TextFiles.shown(String.join(",", header))
                    + ") is numbers; add a first line naming the columns, such as hours,passed");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.size(); j++) {
            String column = header.get(j);
            if (column.isEmpty()) {
                throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' header (line " + line + ") has no name for column "
                        + (j + 1) + "; give every column a name");
            }
            if (!seen.add(column)) {
                throw new IllegalArgumentException("'" + TextFiles.oneLine(file) + "' header (line " + line + ") names two columns '"
                        + column + "' (columns " + (header.indexOf(column) + 1) + " and " + (j + 1)
                        + "); rename one so that every column has its own name");
            }
        }
    }

    /** The file, as the user named it, on one line (control characters escaped). */
    public String name() {
        return name;
    }

    /** The column names, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The number of rows under the header. */
    public int rows() {
        return records.size();
    }

    /** The line of the file that row {@code row} (from 0) is on, counted from 1. */
    public int line(int row) {
        return lines[row];
    }

    /** Whether the header names this column. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /**
     * Where this column is, from 0.
     *
     * @param role what it is for, for the message: {@code "for the label (--label)"}
     */
    public int column(String column, String role) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("'" + name + "' has no column '" + column + "' " + role
                    + "; its columns are: " + String.join(", ", columns));
        }
        return index;
    }

    /** The number in row {@code row} (from 0), column {@code column} (from 0). */
    public double number(int row, int column) {
        return Decimal.parse(records.get(row).get(column), where(row, column));
    }

    /** The 0/1 label in row {@code row} (from 0), column {@code column} (from 0). */
    public double label(int row, int column) {
        String cell = records.get(row).get(column);
        double value;
        try {
            value = Decimal.parse(cell, where(row, column));
        } catch (IllegalArgumentException e) {
            if (cell.isEmpty()) {
                throw e;
            }
            value = Double.NaN;
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(where(row, column) + ": the label '" + TextFiles.shown(cell) + "' must be 0 (fail) or 1"
                    + " (pass); write every label as 0 or 1");
        }
        return value;
    }

    private String where(int row, int column) {
        return "'" + name + "' line " + lines[row] + ", column '" + columns.get(column) + "'";
    }

    /** The label column when none is named: the last one. */
    public String lastColumn() {
        return columns.get(columns.size() - 1);
    }

    /**
     * The rows as a dataset: the inputs from {@code features}, the labels from {@code label}.
     *
     * @param label the label column; {@code null} means the {@link #lastColumn() last column}
     * @param features the input columns, in this order; {@code null} or empty means every column
     *     but the label, in file order
     */
    public Dataset dataset(String label, List<String> features) {
        String labelColumn = label == null ? lastColumn() : label;
        int y = column(labelColumn, "for the label (--label)");
        List<String> chosen = new ArrayList<>();
        if (features == null || features.isEmpty()) {
            columns.stream().filter(c -> !c.equals(labelColumn)).forEach(chosen::add);
        } else {
            for (String feature : features) {
                column(feature, "for a feature (--features)");
                if (feature.equals(labelColumn)) {
                    throw new IllegalArgumentException("'" + feature + "' is the label column, so it cannot also be a"
                            + " feature; leave it out of --features");
                }
                if (chosen.contains(feature)) {
                    throw new IllegalArgumentException("--features names '" + feature + "' twice; name each column once");
                }
                chosen.add(feature);
            }
        }
        if (chosen.isEmpty()) {
            String only = columns.get(0);
            throw new IllegalArgumentException("'" + name + "' has only one column ('" + only + "'), the label; add"
                    + " at least one input column"
                    + (only.contains(";") || only.contains("\t")
                            ? " (values must be separated by commas, not by ';' or tabs)" : ""));
        }
        int[] x = chosen.stream().mapToInt(c -> columns.indexOf(c)).toArray();
        double[][] inputs = new double[rows()][x.length];
        double[] labels = new double[rows()];
        boolean defaulted = features == null || features.isEmpty();
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < x.length; j++) {
                try {
                    inputs[i][j] = number(i, x[j]);
                } catch (IllegalArgumentException e) {
                    throw defaulted ? new IllegalArgumentException(e.getMessage() + ", or choose the input columns"
                            + " with --features", e) : e;
                }
            }
            labels[i] = label(i, y);
        }
        return Dataset.of(name, chosen, inputs, labels);
    }
}
