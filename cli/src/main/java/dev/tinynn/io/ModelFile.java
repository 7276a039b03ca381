package dev.tinynn.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
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
 */
public final class ModelFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
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
     * Loads and checks the model saved in {@code file} (a path, as the user wrote it).
     *
     * @throws IllegalArgumentException one line naming the problem and the fix
     */
    public static SavedModel load(String file) {
        String text = TextFiles.read(file, "a model file (.json)");
        String again = "; save the model again with 'tinynn train --save " + file + "'";
        if (text.isBlank()) {
            throw new IllegalArgumentException("model file '" + file + "' is empty" + again);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonEOFException e) {
            throw new IllegalArgumentException("model file '" + file + "' is cut short: its JSON stops"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
                    + " before it is complete" + again);
        } catch (JsonProcessingException e) {
            // Some errors, such as nesting deeper than Jackson allows, come without a location.
            String where = e.getLocation() == null ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new IllegalArgumentException("model file '" + file + "' is not JSON (" + where
                    + TextFiles.firstLine(e.getOriginalMessage()) + "); give --model a file written by 'tinynn train"
                    + " --save'");
        }
        if (!root.isObject() || !SavedModel.FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("'" + file + "' is JSON but not a tinynn model (it lacks \"format\": \""
                    + SavedModel.FORMAT + "\"); give --model a file written by 'tinynn train --save'");
        }
        JsonNode version = root.path("formatVersion");
        if (!version.isInt() || version.intValue() != SavedModel.VERSION) {
            throw new IllegalArgumentException("model file '" + file + "' has format version " + version
                    + ", but this tinynn reads version " + SavedModel.VERSION + "; another tinynn saved it: train and"
                    + " save it again with this one ('tinynn train --save " + file + "')");
        }
        SavedModel model;
        try {
            model = JSON.treeToValue(root, SavedModel.class);
        } catch (JsonMappingException e) {
            String where = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String reason = TextFiles.firstLine(e.getOriginalMessage());
            throw new IllegalArgumentException("model file '" + file + "' is damaged"
                    + (where.isEmpty() ? "" : " at '" + where + "'") + ": "
                    + (reason.startsWith("Missing creator property") ? "the field is missing" : reason) + again);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model file '" + file + "' is damaged: "
                    + TextFiles.firstLine(e.getOriginalMessage()) + again);
        }
        try {
            model.check();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file '" + file + "' is damaged: " + e.getMessage() + again);
        }
        return model;
    }
}
