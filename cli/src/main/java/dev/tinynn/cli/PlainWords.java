package dev.tinynn.cli;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli's conversion errors in plain words. picocli reports a value it cannot convert as
 * {@code Invalid value for option '--threshold': '60%' is not a double}: "double" and "int" are
 * Java's words, and nothing says what to write instead. Every option of tinynn that takes a number
 * goes through here: the message names the option, says "a number" or "a whole number", and shows
 * a value that works for that option.
 */
final class PlainWords {
    /** "'60%' is not a double", as picocli's built-in converters word it (also int, long, float, …). */
    private static final Pattern NOT_A = Pattern.compile("'(.*)' is not an? (\\w+)$", Pattern.DOTALL);

    /** For each option that takes numbers, how to write a good one. */
    private static final Map<String, String> HOW = Map.ofEntries(
            Map.entry("--threshold", "write the threshold as a fraction between 0 and 1, such as 0.6"),
            Map.entry("--thresholds", "write the thresholds as fractions between 0 and 1, separated by commas,"
                    + " such as 0.5,0.6"),
            Map.entry("--learning-rate", "write the step size as a number, such as 0.1 or 1e-3"),
            Map.entry("--learning-rates", "write the learning rates as numbers separated by commas, such as"
                    + " 0.01,0.1,0.5"),
            Map.entry("--epochs", "write it with digits only, such as 1000"),
            Map.entry("--trace-epochs", "write it with digits only, such as 2"),
            Map.entry("--every", "write it with digits only, such as 100"),
            Map.entry("--page", "write the page's number, 1 to 8"),
            Map.entry("--initial-weights", "write one number per input, separated by commas, such as 0.1 or 0.1,0.1"),
            Map.entry("--initial-bias", "write one number, such as 0 or -1"),
            Map.entry("--weights", "write one number per input, separated by commas, such as 0.1 or 0.1,0.1"),
            Map.entry("--bias", "write one number, such as 0 or -1"),
            Map.entry("--h", "write a small number, such as 1e-6"),
            Map.entry("--seed", "write it with digits only, such as 7"));

    private PlainWords() {
    }

    /** The plain message for a value picocli could not convert; empty for any other error. */
    static Optional<String> conversion(ParameterException ex) {
        if (!(ex.getCause() instanceof TypeConversionException)) {
            return Optional.empty();
        }
        Matcher notA = NOT_A.matcher(ex.getCause().getMessage() == null ? "" : ex.getCause().getMessage());
        ArgSpec arg = ex.getArgSpec();
        if (!notA.find() || arg == null) {
            return Optional.empty();
        }
        String type = notA.group(2);
        String what = switch (type) {
            case "int", "long", "short", "byte", "Integer", "Long" -> "a whole number";
            case "double", "float", "Double", "Float", "BigDecimal" -> "a number";
            default -> null;
        };
        if (what == null) {
            return Optional.empty();
        }
        String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
        String how = HOW.getOrDefault(name, what.equals("a number") ? "write it with digits, such as 0.5"
                : "write it with digits only, such as 10");
        return Optional.of(name + ": '" + notA.group(1) + "' is not " + what + "; " + how);
    }
}
