package dev.tinynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    /** The tutorial's page-4 run on standardised study-hours, saved with its statistics. */
    private static SavedModel tutorialModel() {
        Dataset raw = Datasets.studyHours();
        Standardization scaling = Standardization.of(raw);
        TrainingResult result = Trainer.train(Backends.named("plain"), scaling.apply(raw),
                TrainingConfig.tutorial().withInitialWeights(0.1));
        return SavedModel.of(result, 0.5, scaling, "passed");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savesEveryFieldAndLoadsItBack() throws Exception {
        SavedModel model = tutorialModel();
        Path file = dir.resolve("model.json");
        ModelFile.save(file, model);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("format", "formatVersion", "features", "label", "weights", "bias", "threshold",
                "standardization", "training");
        assertThat(json.get("format").asText()).isEqualTo("tinynn-model");
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("features").toString()).isEqualTo("[\"hours\"]");
        assertThat(json.get("standardization").get("means").get(0).asDouble()).isEqualTo(2.5);
        assertThat(json.get("standardization").get("standardDeviations").get(0).asDouble()).isEqualTo(Math.sqrt(1.25));
        List<String> training = new ArrayList<>();
        json.get("training").fieldNames().forEachRemaining(training::add);
        assertThat(training).containsExactly("data", "rows", "backend", "loss", "updates", "learningRate", "epochs",
                "initialWeights", "initialBias", "finalLoss");
        assertThat(json.get("training").get("initialWeights").get(0).asDouble()).isEqualTo(0.1);

        SavedModel loaded = ModelFile.load(file.toString());
        assertThat(loaded.weights()).containsExactly(model.weights()); // every bit: JSON keeps the shortest exact text
        assertThat(loaded.bias()).isEqualTo(model.bias());
        assertThat(loaded.features()).isEqualTo(model.features());
        assertThat(loaded.scaling()).isEqualTo(model.scaling());
        assertThat(loaded.training().finalLoss()).isEqualTo(model.training().finalLoss());
        assertThat(ModelFile.json(loaded)).isEqualTo(ModelFile.json(model));
        assertThat(Files.readString(file)).isEqualTo(ModelFile.json(model));
        // what this JVM's umask gives any new file (ProgramTest checks the umask's part)
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe"))));
    }

    @Test
    void aFailureHalfWayThroughTheWriteLeavesTheOldModelIntact() throws Exception {
        Path file = dir.resolve("model.json");
        ModelFile.save(file, tutorialModel());
        byte[] before = Files.readAllBytes(file);

        byte[] other = "{\"format\": \"tinynn-model\", \"this\": \"would be the new model\"}".getBytes();
        assertThatThrownBy(() -> ModelFile.save(file, other, (out, json) -> {
            out.write(json, 0, json.length / 2); // half of it reaches the temporary file...
            throw new IOException("No space left on device (simulated)"); // ...then the disk is full
        })).isInstanceOf(IOException.class)
                .hasMessage("cannot save the model to '" + file + "': No space left on device (simulated); nothing was"
                        + " changed");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(files(dir)).containsExactly("model.json"); // and the temporary file is gone
        assertThat(ModelFile.load(file.toString()).weights()).containsExactly(tutorialModel().weights());
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws Exception {
        Path target = Files.createDirectories(dir.resolve("model.json"));
        Files.writeString(target.resolve("keep.txt"), "a folder in the way");
        assertThatThrownBy(() -> ModelFile.save(target, tutorialModel()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot save the model to '" + target + "': ");
        assertThat(files(dir)).containsExactly("model.json");
        assertThat(files(target)).containsExactly("keep.txt");
    }

    @Test
    void savingAgainReplacesTheModel() throws Exception {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "an older model");
        ModelFile.save(file, tutorialModel());
        assertThat(ModelFile.load(file.toString()).formatVersion()).isEqualTo(1);
        assertThat(files(dir)).containsExactly("model.json");
    }

    @Test
    void checksTheFolderBeforeAnyWorkIsDone() throws Exception {
        String missing = dir.resolve("no/such/folder/model.json").toString();
        assertThatThrownBy(() -> ModelFile.checkWritable(missing))
                .hasMessage("cannot save the model to '" + missing + "': the folder " + dir.resolve("no/such/folder")
                        + " does not exist; create it first or save somewhere else");
        assertThat(ModelFile.checkWritable(dir.resolve("model.json").toString())).isEqualTo(dir.resolve("model.json"));
    }

    @Test
    void aHandWrittenModelWithoutStandardisationLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("m.json"), """
                {"format": "tinynn-model", "formatVersion": 1, "features": ["hours"], "label": "passed",
                 "weights": [1.2], "bias": -2.1, "threshold": 0.5, "standardization": null,
                 "training": {"data": "by hand", "rows": 0, "backend": "paper", "loss": "cross-entropy",
                   "updates": "online", "learningRate": 0.1, "epochs": 0, "initialWeights": [0],
                   "initialBias": 0, "finalLoss": 0}}
                """);
        SavedModel model = ModelFile.load(file.toString());
        assertThat(model.scaling()).isNull();
        // Page 5's example neuron: 2.5 hours → 0.7109495026.
        assertThat(model.model().probability(2.5)).isEqualTo(0.7109495026250039);
    }
}
