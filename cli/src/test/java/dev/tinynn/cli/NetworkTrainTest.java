package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.Activation;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.Updates;
import dev.tinynn.io.SavedNetwork;
import dev.tinynn.core.spi.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code tinynn train --hidden …}: a network, with the defaults the docs name, its printout, JSON and errors. */
class NetworkTrainTest {

    /** The backends on the class path: every backend trains networks (the SPI has no default for it). */
    static Stream<String> networkBackends() {
        List<String> names = Backends.available().stream().map(Backend::name).toList();
        assertThat(names).contains("plain", "ejml", "nd4j");
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("networkBackends")
    void xorWithFourHiddenUnitsReachesFourOfFourWithTheDefaultsOnEveryBackend(String backend) throws Exception {
        Cli cli = Cli.run("train", "--data", "xor", "--hidden", "4", "--backend", backend);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("2 inputs → 4 sigmoid units → 1 output neuron (sigmoid)")
                .contains("2000 epochs of batch updates, learning rate 1, cross-entropy loss")
                .contains("random weights from seed 1")
                .contains("accuracy  4 of 4 rows right at threshold 0.5");
        JsonNode json = Cli.trainJson("--data", "xor", "--hidden", "4", "--backend", backend);
        JsonNode plain = Cli.trainJson("--data", "xor", "--hidden", "4");
        assertThat(json.get("finalLoss").asDouble()).isCloseTo(plain.get("finalLoss").asDouble(), within(1e-10));
        assertThat(json.get("accuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void twoHiddenUnitsReachFourOfFourWithSeedOne() throws Exception {
        assertThat(Cli.trainJson("--data", "xor", "--hidden", "2", "--seed", "1").get("accuracy").asDouble()).isEqualTo(1);
        assertThat(Cli.trainJson("--data", "xor", "--hidden", "2").get("seed").asLong()).isEqualTo(1);
        // seed 7 starts in a valley that leaves one row wrong: why the docs name the seed
        assertThat(Cli.trainJson("--data", "xor", "--hidden", "2", "--seed", "7").get("accuracy").asDouble()).isLessThan(1);
    }

    @Test
    void jsonAddsExactlyTheNetworkKeysAndRedoesTheRun() throws Exception {
        JsonNode json = Cli.trainJson("--data", "xor", "--hidden", "3,2", "--activation", "tanh", "--seed", "7");
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        JsonNode neuron = Cli.trainJson("--data", "xor");
        List<String> neuronKeys = new ArrayList<>();
        neuron.fieldNames().forEachRemaining(neuronKeys::add);
        List<String> added = new ArrayList<>(keys);
        added.removeAll(neuronKeys);
        assertThat(keys).containsAll(neuronKeys);
        assertThat(added).containsExactly("hidden", "activation", "seed", "initialLayers", "layers");
        assertThat(json.get("hidden").toString()).isEqualTo("[3,2]");
        assertThat(json.get("activation").asText()).isEqualTo("tanh");
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        JsonNode layers = json.get("layers");
        assertThat(layers).hasSize(3);
        assertThat(layers.get(0).get("weights")).hasSize(3);
        assertThat(layers.get(0).get("weights").get(0)).hasSize(2);
        assertThat(layers.get(1).get("weights")).hasSize(2);
        assertThat(layers.get(1).get("weights").get(0)).hasSize(3);
        assertThat(layers.get(2).get("biases")).hasSize(1);
        // the initial layers are Glorot-uniform from seed 7, the first one bounded by √(6 / (2 + 3)) = 1.095…
        for (JsonNode row : json.get("initialLayers").get(0).get("weights")) {
            for (JsonNode w : row) {
                assertThat(Math.abs(w.asDouble())).isLessThanOrEqualTo(Math.sqrt(6.0 / 5));
            }
        }
        assertThat(json.get("weights").toString()).isEqualTo(layers.get(2).get("weights").get(0).toString());

        // redo the run from initialLayers and the JSON's settings: the same layers, to the bit
        ObjectMapper mapper = new ObjectMapper();
        List<Network.Layer> start = new ArrayList<>();
        for (JsonNode layer : json.get("initialLayers")) {
            SavedNetwork.Layer read = mapper.treeToValue(layer, SavedNetwork.Layer.class);
            start.add(new Network.Layer(read.weights(), read.biases()));
        }
        assertThat(json.get("data").asText()).isEqualTo("xor");
        TrainingConfig config = TrainingConfig.network().withLoss(Loss.byId(json.get("loss").asText()))
                .withUpdates(Updates.byId(json.get("updates").asText()))
                .withLearningRate(json.get("learningRate").asDouble()).withEpochs(json.get("epochs").asInt());
        NetworkResult redone = NetworkTrainer.train(Backends.named(json.get("backend").asText()), Datasets.xor(), config,
                new Network(Activation.byId(json.get("activation").asText()), start), TrainingListener.NONE);
        assertThat(mapper.valueToTree(SavedNetwork.Layer.of(redone.network())).toString()).isEqualTo(layers.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--hidden=0,4                       | '0,4' has a layer of 0 units, but every hidden layer needs at least 1",
        "--hidden=-1                        | '-1' has a layer of -1 units, but every hidden layer needs at least 1",
        "--hidden=100000                    | '100000' asks for 100000 units; at most 1024 per layer, since every unit",
        "--hidden=4,x                       | 'x' is not a whole number; give the units of each hidden layer",
        "--hidden=1,1,1,1,1,1,1,1,1         | has 9 layers; at most 8",
        "--activation=swish                 | unknown activation 'swish'; use one of: sigmoid, tanh, relu",
        "--seed=abc                         | --seed: 'abc' is not a whole number; write it with digits only, such as 7",
        "--init=ones                        | --init must be random or zeros, got 'ones'",
    })
    void badNetworkInputGetsOneLineAndTheUsageExitCode(String option, String message) {
        Cli cli = Cli.run("train", "--data", "xor", "--hidden", "4", option);
        if (option.startsWith("--hidden")) {
            cli = Cli.run("train", "--data", "xor", option);
        }
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("tinynn train: ").contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seed=3                 | --seed is for a network with hidden layers; add --hidden 4",
        "--activation=tanh        | --activation is for a network with hidden layers",
    })
    void networkOptionsNeedHidden(String option, String message) {
        Cli.assertUsageError("train", option, message);
    }

    @Test
    void neuronOptionsAndTraceAreRefusedForANetwork() {
        for (String[] args : List.of(new String[] {"--initial-weights", "1,1"}, new String[] {"--trace"},
                new String[] {"--initial-bias", "1"})) {
            List<String> command = new ArrayList<>(List.of("train", "--data", "xor", "--hidden", "4"));
            command.addAll(List.of(args));
            Cli cli = Cli.run(command.toArray(String[]::new));
            assertThat(cli.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(cli.err().lines()).hasSize(1);
            assertThat(cli.err()).contains("leave out " + args[0]);
        }
    }

    @Test
    void zerosAreCalledOutInPlainWords() {
        Cli cli = Cli.run("train", "--data", "xor", "--hidden", "3", "--init", "zeros");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("start     every weight and bias 0 (--init zeros)")
                .contains("warning   all 3 units of hidden layer 1 are identical: they started with equal weights, so"
                        + " every update changed them equally, and they will stay equal forever, working as one unit;")
                .contains("start from random weights instead: leave out --init zeros");
    }

    @Test
    void oneNeuronOnXorSaysWhyInOneLine() {
        Cli cli = Cli.run("train", "--data", "xor");
        assertThat(cli.out()).containsPattern("accuracy  [0-3] of 4 rows right")
                .contains("  note      no straight line separates these rows, so one neuron gets at most 3 of 4 right;"
                        + " try --hidden 2\n");
        assertThat(Cli.run("train", "--data", "xor", "--hidden", "2").out()).doesNotContain("no straight line");
    }

    @Test
    void printsEveryWeightOfASmallNetwork() {
        Cli cli = Cli.run("train", "--data", "xor", "--hidden", "2", "--epochs", "1", "--learning-rate", "0.5");
        assertThat(cli.out()).containsPattern("unit +w·x1 +w·x2 +b")
                .containsPattern("h1 +-?[0-9.]+ +-?[0-9.]+ +-?[0-9.]+")
                .containsPattern("h2 +-?[0-9.]+ +-?[0-9.]+ +-?[0-9.]+")
                .containsPattern("unit +w·h1 +w·h2 +b")
                .contains("1 epochs of batch updates, learning rate 0.5");
    }

    @Test
    void divergenceAdviceWorksWhenFollowed(@TempDir Path dir) throws Exception {
        Path huge = Files.writeString(dir.resolve("huge.csv"), "x,passed\n1e200,0\n2e200,1\n");
        List<String> command = List.of("train", "--data", huge.toString(), "--hidden", "2", "--activation", "relu",
                "--seed", "2");
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).startsWith("tinynn train: training diverged at epoch 1: the loss became NaN with learning"
                + " rate 1.0; the inputs are large").contains("run the same command with --standardize");
        List<String> followed = new ArrayList<>(command);
        followed.add("--standardize");
        Cli again = Cli.run(followed.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("accuracy  2 of 2 rows right");
    }

    @Test
    void dataAlreadyStandardisedAreNotToldToStandardise(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 3; j++) {
                csv.append((i * 7 + j * 3) % 11 - 5).append(',');
            }
            csv.append(i % 2).append('\n');
        }
        Path data = Files.writeString(dir.resolve("d.csv"), csv);
        Cli cli = Cli.run("train", "--data", data.toString(), "--label", "y", "--standardize", "--hidden", "4",
                "--activation", "relu", "--updates", "online", "--learning-rate", "1e6");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1);
        assertThat(cli.err()).contains("a smaller learning rate would not help").endsWith("; the inputs are already"
                + " z-scores (--standardize), so rescaling them would not help either\n")
                .doesNotContain("rescale the data");
    }

    @Test
    void savedNetworkPredictsAndATooNewModelSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("net.json");
        Cli train = Cli.run("train", "--data", "xor", "--hidden", "4", "--save", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        JsonNode saved = new ObjectMapper().readTree(model.toFile());
        assertThat(saved.get("formatVersion").asInt()).isEqualTo(2);
        assertThat(saved.get("layers")).hasSize(2);
        JsonNode trained = Cli.trainJson("--data", "xor", "--hidden", "4");
        for (int[] row : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            Cli predict = Cli.run("predict", "--model", model.toString(), "--json", "" + row[0], "" + row[1]);
            assertThat(predict.exitCode()).as(predict.err()).isZero();
            double p = new ObjectMapper().readTree(predict.out()).get("predictions").get(0).get("probability").asDouble();
            assertThat(p >= 0.5).as("row %s,%s", row[0], row[1]).isEqualTo((row[0] ^ row[1]) == 1);
        }
        assertThat(trained.get("accuracy").asDouble()).isEqualTo(1);
        Cli one = Cli.run("predict", "--model", model.toString(), "1", "0");
        assertThat(one.out()).contains("2 inputs → 4 sigmoid units → 1 output neuron").contains("hidden layer 1 = ")
                .contains("decision  Pass");

        Path newer = Files.writeString(dir.resolve("newer.json"),
                Files.readString(model).replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));
        Cli tooNew = Cli.run("predict", "--model", newer.toString(), "1", "0");
        assertThat(tooNew.exitCode()).isEqualTo(2);
        assertThat(tooNew.err().lines()).hasSize(1);
        assertThat(tooNew.err()).contains("has format version 3, newer than this tinynn reads (1 and 2): a newer tinynn"
                + " saved it; update tinynn, or make it again with the command that made it: tinynn train --data xor"
                + " --hidden 4 --activation sigmoid --seed 1 --loss cross-entropy --updates batch --learning-rate 1"
                + " --epochs 2000 --threshold 0.5 --backend plain --save " + newer);
    }

    @Test
    void theRemakeCommandOfASavedNetworkMakesTheSameNetwork(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("net.json");
        Cli.run("train", "--data", "moons", "--hidden", "5", "--activation", "tanh", "--seed", "3", "--epochs", "50",
                "--save", model.toString());
        String damaged = Files.readString(model).replace("\"label\" : \"passed\"", "\"label\" : \"passed\", \"x\": 1");
        Path broken = Files.writeString(dir.resolve("broken.json"), damaged);
        Cli predict = Cli.run("predict", "--model", broken.toString(), "1", "0");
        String command = predict.err().replaceFirst("(?s).*command that made it: tinynn ", "").strip();
        Path again = dir.resolve("again.json");
        Cli remade = Cli.run(command.replace(broken.toString(), again.toString()).split(" "));
        assertThat(remade.exitCode()).as(remade.err()).isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(model));
    }

    @Test
    void plotDrawsTheDecisionRegion(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("region.png");
        Cli cli = Cli.run("train", "--data", "circles", "--hidden", "8", "--epochs", "20", "--plot", png.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("plotted   the loss and the decision region to " + png);
        assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @ParameterizedTest
    @CsvSource({"sigmoid, 2", "tanh, '3,2'"})
    void gradcheckAgreesForEveryWeightAndBias(String activation, String hidden) {
        Cli cli = Cli.run("gradcheck", "--data", "xor", "--hidden", hidden, "--activation", activation);
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("layer 1 unit 1 w1").contains("layer 1 unit 2 b")
                .contains("check     OK: the analytic gradient and the finite differences agree");
    }

    @Test
    void gradcheckExplainsReluKinksAndTheAdviceWorks() {
        Cli relu = Cli.run("gradcheck", "--data", "xor", "--hidden", "2,2", "--activation", "relu");
        assertThat(relu.exitCode()).isEqualTo(1);
        assertThat(relu.out()).contains("MISMATCH").contains("check the same network with --activation tanh");
        assertThat(Cli.run("gradcheck", "--data", "xor", "--hidden", "2,2", "--activation", "tanh").exitCode()).isZero();
    }

    @Test
    void compareTrainsTheSameNetworkOnEveryBackendThatCan() throws Exception {
        Cli cli = Cli.run("compare", "--data", "xor", "--hidden", "4", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(rows.size()).isEqualTo(networkBackends().count());
        for (JsonNode row : rows) {
            assertThat(row.get("maxAbsDifferenceFromPlain").asDouble()).as(row.get("backend").asText())
                    .isLessThanOrEqualTo(1e-10);
        }
        JsonNode trained = Cli.trainJson("--data", "xor", "--hidden", "4");
        assertThat(rows.get(0).get("finalLoss").asDouble()).isEqualTo(trained.get("finalLoss").asDouble());
    }
}
