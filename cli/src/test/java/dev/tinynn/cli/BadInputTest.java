package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets one line on stderr that names the problem and the fix, a non-zero
 * exit code, no stack trace, and writes no file. Each case runs in a fresh folder ({dir} in the
 * table) holding only the files the case lists; afterwards the folder must hold exactly those
 * files (plus out.json where the case says the model is written: only for a warning).
 */
class BadInputTest {
    private static final String HOURS = "hours,passed\n1,0\n2,0\n3,1\n4,1\n";
    /** Page 5's example neuron, w 1.2 and b −2.1, as a saved model. */
    private static final String MODEL = """
            {"format": "tinynn-model", "formatVersion": 1, "features": ["hours"], "label": "passed",
             "weights": [1.2], "bias": -2.1, "threshold": 0.5, "standardization": null,
             "training": {"data": "page 5", "rows": 4, "backend": "plain", "loss": "cross-entropy",
               "updates": "online", "learningRate": 0.1, "epochs": 1000, "initialWeights": [0.1],
               "initialBias": 0, "finalLoss": 0.2}}
            """;
    private static final String HELP = " (see 'tinynn train --help')";

    /** A file the case needs: {@code content} null makes a folder. */
    record Given(String name, String content, Charset charset) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Given file(String name, String content) {
        return new Given(name, content, StandardCharsets.UTF_8);
    }

    private static Given folder(String name) {
        return new Given(name, null, null);
    }

    private static Given data(String content) {
        return file("d.csv", content);
    }

    private static Given model(String content) {
        return file("m.json", content);
    }

    /** A case: what is given, the command line, the exit code, stderr's one line, and whether out.json is written. */
    private static Arguments bad(String what, List<Given> given, String args, String message) {
        return Arguments.of(what, given, args, 2, message, false);
    }

    /** {@code tinynn train ARGS --save {dir}/out.json}. */
    private static Arguments train(String what, Given given, String args, String message) {
        return bad(what, given == null ? List.of() : List.of(given), "train " + args + " --save {dir}/out.json",
                "tinynn train: " + message);
    }

    private static Arguments predict(String what, Given given, String args, String message) {
        List<Given> files = given.name().equals("m.json") ? List.of(given) : List.of(model(MODEL), given);
        return bad(what, files, "predict " + args, "tinynn predict: " + message);
    }

    static Stream<Arguments> cases() {
        String numbers = "write a plain number such as 2.5 (a decimal point, no units, no thousands separators)";
        String notFinite = "is not a finite number (NaN and infinity cannot be learned from); replace it with a"
                + " measured value or remove the row";
        String columns = "its columns are: hours, passed";
        String remake = "; make it again with the command that made it: tinynn train --data 'page 5' --loss"
                + " cross-entropy --updates online --learning-rate 0.1 --epochs 1000 --initial-weights 0.1"
                + " --initial-bias 0%s --backend plain --save {dir}/m.json";
        String again = String.format(remake, " --threshold 0.5");
        String retrain = "; its training record cannot be read, so retrain it from the data it was made from, with"
                + " the same options, and save that with --save {dir}/m.json";
        return Stream.of(
            // the data file
            train("missing file", null, "--data {dir}/missing.csv",
                    "cannot read '{dir}/missing.csv': there is no such file in {dir}; check the name and the folder"),
            train("a folder, not a file", folder("d.csv"), "--data {dir}/d.csv",
                    "cannot read '{dir}/d.csv': it is a folder, not a file; name a .csv file inside it"),
            train("not UTF-8", new Given("d.csv", "heures é,passed\n1,0\n", StandardCharsets.ISO_8859_1),
                    "--data {dir}/d.csv", "cannot read '{dir}/d.csv': it is not UTF-8 text; save it again as UTF-8"
                            + " (spreadsheets call it \"CSV UTF-8\")"),
            train("empty file", data(""), "--data {dir}/d.csv", "'{dir}/d.csv' is empty; write a header line naming"
                    + " the columns (such as hours,passed) and one line per row under it"),
            train("only blank lines", data("\n\n\r\n"), "--data {dir}/d.csv", "'{dir}/d.csv' is empty; write a header"
                    + " line naming the columns (such as hours,passed) and one line per row under it"),
            train("no header", data("1,0\n2,0\n3,1\n"), "--data {dir}/d.csv", "'{dir}/d.csv' has no header: its"
                    + " line 1 (1,0) is numbers; add a first line naming the columns, such as hours,passed"),
            train("a header only", data("hours,passed\n"), "--data {dir}/d.csv", "'{dir}/d.csv' has a header but no"
                    + " rows; add at least one line of values under the header hours,passed"),
            train("ragged row", data("hours,passed\n1,0\n2\n3,1\n"), "--data {dir}/d.csv", "'{dir}/d.csv' line 3 has"
                    + " 1 value but the header has 2 columns; give every row one value per column"),
            train("comma at the end of a line", data("hours,passed\n1,0,\n"), "--data {dir}/d.csv", "'{dir}/d.csv'"
                    + " line 2 has 3 values but the header has 2 columns; give every row one value per column (a"
                    + " comma at the end of a line adds an empty value)"),
            train("unclosed quote", data("hours,passed\n1,0\n\"2,0\n"), "--data {dir}/d.csv", "'{dir}/d.csv' is not"
                    + " valid CSV (line 3: EOF reached before encapsulated token finished); check the quotes: a value"
                    + " that starts with \" must end with \""),
            train("semicolons", data("hours;passed\n1;0\n"), "--data {dir}/d.csv", "'{dir}/d.csv' has only one column"
                    + " ('hours;passed'), the label; add at least one input column (values must be separated by"
                    + " commas, not by ';' or tabs)"),
            train("two columns with the same name", data("hours,hours,passed\n1,2,0\n"), "--data {dir}/d.csv",
                    "'{dir}/d.csv' header (line 1) names two columns 'hours' (columns 1 and 2); rename one so that"
                            + " every column has its own name"),
            train("a column without a name", data("hours,,passed\n1,2,0\n"), "--data {dir}/d.csv", "'{dir}/d.csv'"
                    + " header (line 1) has no name for column 2; give every column a name"),
            // the cells
            train("non-numeric cell", data("hours,passed\n1,0\n2 h,0\n"), "--data {dir}/d.csv", "'{dir}/d.csv' line"
                    + " 3, column 'hours': '2 h' is not a number; " + numbers + ", or choose the input columns with"
                    + " --features"),
            train("non-numeric cell in a chosen column", data("hours,passed\nabc,0\n"),
                    "--data {dir}/d.csv --features hours", "'{dir}/d.csv' line 2, column 'hours': 'abc' is not a"
                            + " number; " + numbers),
            train("empty cell", data("hours,passed\n1,0\n,1\n"), "--data {dir}/d.csv --features hours",
                    "'{dir}/d.csv' line 3, column 'hours' is empty; fill in a number"),
            train("NaN", data("hours,passed\nNaN,0\n2,1\n"), "--data {dir}/d.csv --features hours",
                    "'{dir}/d.csv' line 2, column 'hours': 'NaN' " + notFinite),
            train("infinity", data("hours,passed\n1,0\n-inf,1\n"), "--data {dir}/d.csv --features hours",
                    "'{dir}/d.csv' line 3, column 'hours': '-inf' " + notFinite),
            train("too large for a double", data("hours,passed\n1e999,0\n"), "--data {dir}/d.csv --features hours",
                    "'{dir}/d.csv' line 2, column 'hours': '1e999' " + notFinite),
            train("label 2", data("hours,passed\n1,0\n2,2\n"), "--data {dir}/d.csv", "'{dir}/d.csv' line 3, column"
                    + " 'passed': the label '2' must be 0 (fail) or 1 (pass); write every label as 0 or 1"),
            train("label yes", data("hours,passed\n1,yes\n"), "--data {dir}/d.csv", "'{dir}/d.csv' line 2, column"
                    + " 'passed': the label 'yes' must be 0 (fail) or 1 (pass); write every label as 0 or 1"),
            // the columns
            train("unknown label column", data(HOURS), "--data {dir}/d.csv --label grade", "'{dir}/d.csv' has no"
                    + " column 'grade' for the label (--label); " + columns),
            train("unknown feature column", data(HOURS), "--data {dir}/d.csv --features hours,sleep", "'{dir}/d.csv'"
                    + " has no column 'sleep' for a feature (--features); " + columns),
            train("the label as a feature", data(HOURS), "--data {dir}/d.csv --features hours,passed", "'passed' is"
                    + " the label column, so it cannot also be a feature; leave it out of --features"),
            train("a feature twice", data(HOURS), "--data {dir}/d.csv --features hours,hours", "--features names"
                    + " 'hours' twice; name each column once"),
            train("--label with a built-in dataset", null, "--data study-hours --label passed", "--label and"
                    + " --features choose the columns of a CSV file, but 'study-hours' is a built-in dataset; leave"
                    + " them out, or give --data a .csv file" + HELP),
            train("unknown built-in name", null, "--data grades.txt", "unknown dataset 'grades.txt'; built-in"
                    + " datasets are: circles, moons, quiz-attendance, spiral, study-hours, study-hours-plus, study-sleep,"
                    + " xor; to read a file, give a name that ends in .csv or contains a /, such as ./grades.txt" + HELP),
            train("a constant column with --standardize", data("hours,room,passed\n1,7,0\n2,7,1\n"),
                    "--data {dir}/d.csv --standardize", "feature 'room' of '{dir}/d.csv' has the same value (7.0) in"
                            + " every row, so its standard deviation is 0 and it cannot be standardised; leave it out,"
                            + " it cannot tell one row from another"),
            Arguments.of("a single class: a warning, and training goes on", List.of(data("hours,passed\n1,1\n2,1\n")),
                    "train --data {dir}/d.csv --save {dir}/out.json", 0, "tinynn train: warning: every row of"
                            + " '{dir}/d.csv' has label 1, so the model cannot learn a boundary between pass and fail"
                            + " (it can only learn to say Pass); add rows with label 0", true),
            // the settings
            train("unknown backend", null, "--backend cuda", "unknown backend 'cuda'; available: …"),
            train("learning rate NaN", null, "--learning-rate NaN",
                    "learning rate must be a finite number greater than 0, got NaN" + HELP),
            train("negative learning rate", null, "--learning-rate -0.1",
                    "learning rate must be a finite number greater than 0, got -0.1" + HELP),
            train("zero learning rate", null, "--learning-rate 0",
                    "learning rate must be a finite number greater than 0, got 0.0" + HELP),
            train("absurd learning rate", null, "--learning-rate 1e7", "learning rate 10000000 is absurdly large: above"
                    + " a million (1e6) the first step throws every prediction to 0 or 1; use a value such as 0.1" + HELP),
            train("zero epochs", null, "--epochs 0", "--epochs must be between 1 and 10000000, got 0" + HELP),
            train("absurd epochs", null, "--epochs 99999999", "--epochs must be between 1 and 10000000, got 99999999"
                    + HELP),
            train("threshold 0", null, "--threshold 0", "--threshold must be between 0 and 1 (exclusive), got 0.0"
                    + HELP),
            train("threshold above 1", null, "--threshold 1.5", "--threshold must be between 0 and 1 (exclusive), got"
                    + " 1.5" + HELP),
            train("initial weights of the wrong length", null, "--data quiz-attendance --initial-weights 0.1",
                    "initial weights [0.1] have 1 values but 'quiz-attendance' has 2 features [quiz, attendance]: give"
                            + " one weight per feature" + HELP),
            bad("--save into a missing folder", List.of(), "train --save {dir}/no/m.json", "tinynn train: cannot save"
                    + " the model to '{dir}/no/m.json': the folder {dir}/no does not exist; create it first or save"
                    + " somewhere else"),
            bad("--save onto a folder", List.of(folder("out.json")), "train --save {dir}/out.json", "tinynn train:"
                    + " cannot save the model to '{dir}/out.json': it is a folder; name a file such as"
                    + " {dir}/out.json/model.json"),
            // pictures and the report
            train("--plot with another ending", null, "--plot {dir}/loss.jpg", "cannot plot to '{dir}/loss.jpg': the"
                    + " name must end in .png (a picture) or .svg (a drawing that scales), such as loss.png"),
            train("--plot into a missing folder", null, "--plot {dir}/no/loss.png", "cannot save the plot to"
                    + " '{dir}/no/loss.png': the folder {dir}/no does not exist; create it first or save somewhere else"),
            train("--report that is not .html", null, "--report {dir}/report.txt", "cannot write the report to"
                    + " '{dir}/report.txt': the name must end in .html (a web page), such as report.html"),
            train("--report onto a folder", folder("r.html"), "--report {dir}/r.html", "cannot save the report to"
                    + " '{dir}/r.html': it is a folder; name a file such as {dir}/r.html/report.html"),
            bad("lab: --plot with another ending", List.of(), "lab --plot {dir}/lab.pdf", "tinynn lab: cannot plot to"
                    + " '{dir}/lab.pdf': the name must end in .png (a picture) or .svg (a drawing that scales), such as"
                    + " loss.png"),
            // the model file
            predict("missing model", file("x.csv", HOURS), "--model {dir}/none.json 2", "cannot read"
                    + " '{dir}/none.json': there is no such file in {dir}; check the name and the folder"),
            predict("empty model", model(""), "--model {dir}/m.json 2", "model file '{dir}/m.json' is empty" + retrain),
            predict("truncated model", model(MODEL.substring(0, 120)), "--model {dir}/m.json 2", "model file"
                    + " '{dir}/m.json' is cut short: its JSON stops at line 2 before it is complete" + retrain),
            predict("model not JSON", model("w = 1.2, b = -2.1\n"), "--model {dir}/m.json 2", "model file"
                    + " '{dir}/m.json' is not valid JSON (line 1, column 1: 'w' is not a JSON value (text needs"
                    + " double quotes, numbers none)); give --model a file written by 'tinynn train --save'"),
            predict("JSON, but not a model", model("{\"weights\": [1.2], \"bias\": -2.1}"), "--model {dir}/m.json 2",
                    "'{dir}/m.json' is JSON but not a tinynn model (it lacks \"format\": \"tinynn-model\"); give"
                            + " --model a file written by 'tinynn train --save'"),
            predict("another format version", model(MODEL.replace("\"formatVersion\": 1", "\"formatVersion\": 0")),
                    "--model {dir}/m.json 2", "model file '{dir}/m.json' has format version 0, but this tinynn reads"
                            + " versions 1 and 2; another tinynn saved it" + again.replaceFirst("^; ", ": ")),
            predict("a weight too many", model(MODEL.replace("[1.2]", "[1.2, 0.5]")), "--model {dir}/m.json 2",
                    "model file '{dir}/m.json' is damaged: it has 2 weights for the 1 features [hours], and needs one"
                            + " weight per feature" + again),
            predict("a number that is text", model(MODEL.replace("-2.1", "\"low\"")), "--model {dir}/m.json 2",
                    "model file '{dir}/m.json' is damaged at 'bias': it should be a number" + again),
            predict("a field missing", model(MODEL.replace("\"threshold\": 0.5,", "")), "--model {dir}/m.json 2",
                    "model file '{dir}/m.json' is damaged at 'threshold': the field is missing"
                            + String.format(remake, "")),
            // the input
            predict("two values for one feature", model(MODEL), "--model {dir}/m.json 2 7", "the model in"
                    + " '{dir}/m.json' has 1 feature (hours) but 2 values were given; give one value per feature, in"
                    + " that order"),
            predict("a value that is not a number", model(MODEL), "--model {dir}/m.json 2h", "the value for 'hours':"
                    + " '2h' is not a number; " + numbers),
            predict("no input", model(MODEL), "--model {dir}/m.json", "give the input: one value per feature after the"
                    + " options, or --input FILE.csv (see 'tinynn predict --help')"),
            predict("values and --input", file("x.csv", HOURS), "--model {dir}/m.json --input {dir}/x.csv 2",
                    "give either values or --input FILE.csv, not both (see 'tinynn predict --help')"),
            predict("--input without the model's feature", file("x.csv", "quiz,passed\n1,0\n"),
                    "--model {dir}/m.json --input {dir}/x.csv", "'{dir}/x.csv' has no column 'hours' (the model's"
                            + " input 1 of 1); its columns are: quiz, passed"),
            predict("--input with a bad cell", file("x.csv", "hours\n1\nmany\n"), "--model {dir}/m.json --input"
                    + " {dir}/x.csv", "'{dir}/x.csv' line 3, column 'hours': 'many' is not a number; " + numbers),
            predict("threshold 1", model(MODEL), "--model {dir}/m.json --threshold 1 2", "--threshold must be between 0"
                    + " and 1 (exclusive), got 1.0 (see 'tinynn predict --help')"),
            // gradcheck and lab
            bad("gradcheck: weights of the wrong length", List.of(), "gradcheck --data study-sleep --weights 0.1",
                    "tinynn gradcheck: --weights [0.1] have 1 values but 'study-sleep' has 2 features [study, sleep]:"
                            + " give one weight per feature (see 'tinynn gradcheck --help')"),
            bad("gradcheck: step 0", List.of(), "gradcheck --h 0", "tinynn gradcheck: --h must be a small step with"
                    + " 0 < h <= 1, such as 1e-5, got 0.0 (see 'tinynn gradcheck --help')"),
            bad("gradcheck: a ragged file", List.of(data("hours,passed\n1\n")), "gradcheck --data {dir}/d.csv",
                    "tinynn gradcheck: '{dir}/d.csv' line 2 has 1 value but the header has 2 columns; give every row"
                            + " one value per column"),
            bad("lab: threshold 1", List.of(), "lab --thresholds 0.5,1", "tinynn lab: --thresholds must be"
                    + " between 0 and 1 (exclusive), got 1.0 (see 'tinynn lab --help')"),
            bad("lab: an absurd learning rate", List.of(), "lab --learning-rates 0.1,1e9", "tinynn lab: learning rate"
                    + " 1000000000 is absurdly large: above a million (1e6) the first step throws every prediction to"
                    + " 0 or 1; use a value such as 0.1 (see 'tinynn lab --help')"),
            bad("lab: every 0 epochs", List.of(), "lab --every 0", "tinynn lab: --every must be 1 or more, got 0"
                    + " (see 'tinynn lab --help')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineNoStackTraceNoFile(String what, List<Given> given, String args, int exit, String message,
            boolean writes, @TempDir Path dir) throws IOException {
        List<String> expectedFiles = new ArrayList<>();
        for (Given file : given) {
            Path path = dir.resolve(file.name());
            if (file.content() == null) {
                Files.createDirectories(path);
            } else {
                Files.writeString(path, file.content(), file.charset());
            }
            expectedFiles.add(file.name());
        }
        if (writes) {
            expectedFiles.add("out.json");
        }
        String[] argv = Arrays.stream(args.split(" ")).map(a -> a.replace("{dir}", dir.toString()))
                .toArray(String[]::new);

        Cli cli = Cli.run(argv);

        assertThat(cli.exitCode()).as("exit code").isEqualTo(exit);
        assertThat(cli.err().lines()).as("stderr").hasSize(1);
        String line = cli.err().strip();
        String expected = message.replace("{dir}", dir.toString());
        if (expected.endsWith("…")) {
            assertThat(line).startsWith(expected.substring(0, expected.length() - 1));
        } else {
            assertThat(line).isEqualTo(expected);
        }
        if (exit != 0) {
            assertThat(cli.out()).as("stdout").isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("files afterwards")
                    .containsExactlyInAnyOrderElementsOf(expectedFiles);
        }
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path dir) {
        Cli quiet = Cli.run("train", "--data", dir.resolve("missing.csv").toString());
        Cli verbose = Cli.run(true, "train", "--data", dir.resolve("missing.csv").toString(), "--verbose");
        assertThat(quiet.err().lines()).hasSize(1);
        assertThat(verbose.exitCode()).isEqualTo(quiet.exitCode());
        assertThat(verbose.err()).contains("java.lang.IllegalArgumentException: cannot read")
                .contains("at dev.tinynn.io.TextFiles.read").endsWith(quiet.err());
    }
}
