package dev.tinynn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tinynn.text.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Saves a {@link SavedModel} as JSON and loads it back.
 *
 * <p>Saving is atomic ({@link AtomicFile}): the JSON goes to a temporary file in the same folder,
 * is flushed to the disk, and only then renamed over the target, so anyone reading the target sees
 * either the old model or the new one, never half of one.
 *
 * <p>Loading refuses, with one line naming the problem and the fix, a file that is missing,
 * empty, cut short, not JSON, not a tinynn model, of another format version, or inconsistent.
 * The format is exact: a key that appears twice, or a key a tinynn model does not have (a typo
 * such as {@code "bais"} in a hand-edited file), is refused rather than silently ignored, since
 * either would make the model predict something other than what the file seems to say. Every
 * message is in plain words; none quotes the JSON library.
 */
public final class ModelFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String MODEL = "the model";

    private ModelFile() {
    }

    /** Writes the content of the temporary file; tests replace it to fail half-way. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out, byte[] json) throws IOException;
    }

    /**
     * Checks, before any work is done, that a model can be saved at {@code file}: its folder
     * exists and the name is not a folder. {@link #save} checks again, for real.
     */
    public static Path checkWritable(String file) {
        return AtomicFile.checkWritable(file, MODEL, "model.json");
    }

    /** Saves {@code model} at {@code target}, atomically (see the class comment). */
    public static void save(Path target, SavedModel model) throws IOException {
        save(target, JSON.writeValueAsBytes(model), OutputStream::write);
    }

    /** Adds {@code model} at {@code target} to {@code batch}, which writes it with the run's other outputs. */
    public static void save(AtomicFile.Batch batch, Path target, Saved model) throws IOException {
        byte[] json = JSON.writeValueAsBytes(model);
        batch.add(target, MODEL, out -> out.write(json));
    }

    /** Saves {@code json} at {@code target} through a temporary file and an atomic rename. */
    static void save(Path target, byte[] json, Content content) throws IOException {
        AtomicFile.write(target, MODEL, out -> content.writeTo(out, json));
    }

    /** The model as the JSON text {@link #save} writes. */
    public static String json(SavedModel model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SavedModel always serialises", e);
        }
    }

    /**
     * How to make the model in {@code file} again: the exact {@code tinynn train} command that made
     * it, rebuilt from its {@code training} block (data, label and features, standardisation, loss,
     * updates, learning rate, epochs, start, threshold) when that can still be read; otherwise the
     * advice to retrain it from the data it was made from. Never a bare {@code train --save FILE},
     * which would train on study-hours and write that over a model of other data.
     */
    static String remake(String file, JsonNode root) {
        JsonNode training = root == null ? null : root.path("training");
        boolean network = root != null && root.path("hidden").isArray() && root.path("activation").isTextual()
                && (training.path("seed").isIntegralNumber() || training.path("seed").isNull());
        if (training != null && training.path("data").isTextual() && training.path("loss").isTextual()
                && training.path("updates").isTextual() && training.path("learningRate").isNumber()
                && training.path("epochs").isInt() && (network || training.path("initialWeights").isArray()
                && training.path("initialBias").isNumber())) {
            String data = training.path("data").asText();
            StringBuilder command = new StringBuilder("tinynn train --data ").append(shellWord(data));
            // a CSV file (the rule of --data: ends in .csv or has a folder); a built-in dataset has fixed columns
            boolean csv = data.toLowerCase(Locale.ROOT).endsWith(".csv") || data.contains("/")
                    || data.contains(java.io.File.separator);
            JsonNode features = root.path("features");
            if (csv && root.path("label").isTextual()) {
                command.append(" --label ").append(shellWord(root.path("label").asText()));
            }
            if (csv && features.isArray() && features.size() > 0) {
                List<String> names = new ArrayList<>();
                features.forEach(name -> names.add(name.asText()));
                command.append(" --features ").append(shellWord(String.join(",", names)));
            }
            if (root.path("standardization").isObject()) {
                command.append(" --standardize");
            }
            if (network) {
                List<String> units = new ArrayList<>();
                root.path("hidden").forEach(h -> units.add(h.asText()));
                command.append(" --hidden ").append(shellWord(String.join(",", units)))
                        .append(" --activation ").append(shellWord(root.path("activation").asText()))
                        .append(training.path("seed").isNull() ? " --init zeros"
                                : " --seed " + training.path("seed").asLong());
            }
            command.append(" --loss ").append(shellWord(training.path("loss").asText()))
                    .append(" --updates ").append(shellWord(training.path("updates").asText()))
                    .append(" --learning-rate ").append(Numbers.full(training.path("learningRate").asDouble()))
                    .append(" --epochs ").append(training.path("epochs").asInt());
            if (!network) {
                List<String> w0 = new ArrayList<>();
                training.path("initialWeights").forEach(w -> w0.add(Numbers.full(w.asDouble())));
                command.append(" --initial-weights ").append(String.join(",", w0))
                        .append(" --initial-bias ").append(Numbers.full(training.path("initialBias").asDouble()));
            }
            if (root.path("threshold").isNumber()) {
                command.append(" --threshold ").append(Numbers.full(root.path("threshold").asDouble()));
            }
            if (training.path("backend").isTextual()) {
                command.append(" --backend ").append(shellWord(training.path("backend").asText()));
            }
            return "make it again with the command that made it: " + command.append(" --save ").append(shellWord(file));
        }
        return "its training record cannot be read, so retrain it from the data it was made from, with the same"
                + " options, and save that with --save " + shellWord(file);
    }

    /** A word as a POSIX shell reads it: as it is when it is plain, else in single quotes. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:,=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Loads and checks the model saved in {@code file} (a path, as the user wrote it).
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static SavedModel load(String file) {
        Saved saved = loadAny(file);
        if (saved instanceof SavedModel model) {
            return model;
        }
        throw new IllegalArgumentException("model file '" + TextFiles.oneLine(file) + "' holds a network with hidden"
                + " layers, not one neuron");
    }

    /**
     * Loads and checks the neuron (format version 1) or network (version 2) saved in {@code file}.
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static Saved loadAny(String file) {
        String text = TextFiles.read(file, "a model file (.json)");
        String name = TextFiles.oneLine(file);
        String again = "; " + remake(file, null);
        if (text.isBlank()) {
            throw new IllegalArgumentException("model file '" + name + "' is empty" + again);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonEOFException e) {
            throw new IllegalArgumentException("model file '" + name + "' is cut short: its JSON stops"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                    + " before it is complete" + again);
        } catch (JsonProcessingException e) {
            // Some errors, such as nesting deeper than Jackson allows, come without a location.
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new IllegalArgumentException("model file '" + name + "' is not valid JSON (" + where
                    + plain(e) + "); give --model a file written by 'tinynn train --save'");
        }
        if (!root.isObject() || !SavedModel.FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("'" + name + "' is JSON but not a tinynn model (it lacks \"format\": \""
                    + SavedModel.FORMAT + "\"); give --model a file written by 'tinynn train --save'");
        }
        again = "; " + remake(file, root);
        JsonNode version = root.path("formatVersion");
        if (version.isInt() && version.intValue() > SavedNetwork.VERSION) {
            throw new IllegalArgumentException("model file '" + name + "' has format version " + version
                    + ", newer than this tinynn reads (1 and 2): a newer tinynn saved it; update tinynn, or "
                    + again.replaceFirst("^; ", ""));
        }
        if (!version.isInt() || version.intValue() < SavedModel.VERSION) {
            throw new IllegalArgumentException("model file '" + name + "' has format version " + version
                    + ", but this tinynn reads versions " + SavedModel.VERSION + " and " + SavedNetwork.VERSION
                    + "; another tinynn saved it" + again.replaceFirst("^; ", ": "));
        }
        Saved model;
        try {
            Class<? extends Saved> type = version.intValue() == SavedModel.VERSION ? SavedModel.class
                    : SavedNetwork.class;
            model = JSON.treeToValue(root, type);
        } catch (UnrecognizedPropertyException e) {
            String in = path(e.getPath().subList(0, e.getPath().size() - 1));
            throw new IllegalArgumentException("model file '" + name + "' has a field \"" + TextFiles.shown(
                    e.getPropertyName()) + "\"" + (in.isEmpty() ? "" : " in '" + in + "'") + " that tinynn models"
                    + " do not have (a typo, or a hand edit?); remove it" + again.replaceFirst("^; ", ", or "));
        } catch (JsonMappingException e) {
            String where = path(e.getPath());
            throw new IllegalArgumentException("model file '" + name + "' is damaged"
                    + (where.isEmpty() ? "" : " at '" + where + "'") + ": " + plain(e) + again);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model file '" + name + "' is damaged: " + plain(e) + again);
        }
        try {
            if (model instanceof SavedModel neuron) {
                neuron.check();
            } else {
                ((SavedNetwork) model).check();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file '" + name + "' is damaged: " + e.getMessage() + again);
        }
        return model;
    }

    /** {@code training.initialWeights.[0]}: where in the JSON an error is. */
    private static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(ref -> ref.getFieldName() != null ? TextFiles.shown(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']{0,40})'");
    private static final Pattern CHARACTER = Pattern.compile("\\('(.{1,2})' \\(code");

    /**
     * The JSON library's error in a learner's words: what is wrong with the text, never a Java
     * class or a setting of the library.
     */
    static String plain(JsonProcessingException e) {
        String message = TextFiles.firstLine(e.getOriginalMessage());
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (message.startsWith("Missing creator property")) {
                return "the field is missing";
            }
            Class<?> type = mismatch.getTargetType();
            String wanted = type == double.class || type == Double.class || type == int.class
                    || type == Integer.class ? (type == int.class || type == Integer.class ? "a whole number" : "a number")
                    : type == double[].class ? "a list of numbers, such as [0.5, -1.2]"
                    : List.class.isAssignableFrom(type) ? "a list of names, such as [\"hours\"]"
                    : type == String.class ? "a name in quotes"
                    : "an object in braces { }";
            return "it should be " + wanted;
        }
        Matcher quoted = QUOTED.matcher(message);
        String word = quoted.find() ? TextFiles.shown(quoted.group(1)) : "";
        if (message.startsWith("Duplicate field")) {
            return "the key \"" + word + "\" appears twice; keep one";
        }
        if (message.startsWith("Non-standard token")) {
            return "'" + word + "' is not a number JSON allows; write a finite number";
        }
        if (message.startsWith("Unrecognized token")) {
            return "'" + word + "' is not a JSON value (text needs double quotes, numbers none)";
        }
        if (message.contains("comment")) {
            return "JSON allows no comments";
        }
        if (message.contains("CTRL-CHAR") || message.contains("control character")) {
            return "a line break or other control character inside quotes";
        }
        if (message.contains("nesting depth")) {
            return "brackets nested too deeply";
        }
        if (message.contains("exceeds the maximum")) {
            return "a number or a text far too long";
        }
        if (message.contains("Leading zeroes") || message.contains("Invalid numeric value")
                || message.contains("numeric value")) {
            return "a malformed number";
        }
        if (message.startsWith("Unexpected character")) {
            Matcher character = CHARACTER.matcher(message);
            return "unexpected " + (character.find() ? "'" + TextFiles.shown(character.group(1)) + "'" : "character")
                    + " (check the commas, quotes and brackets)";
        }
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF")) {
            return "bytes that are not UTF-8 text";
        }
        return "its text does not follow JSON's rules (check the commas, quotes and brackets)";
    }
}
