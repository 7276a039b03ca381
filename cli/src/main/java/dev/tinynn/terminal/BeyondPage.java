package dev.tinynn.terminal;

import static dev.tinynn.lesson.Num.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Decision;
import dev.tinynn.core.Model;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.lesson.BeyondOneNeuron;
import java.util.Map;

/**
 * Page 8: XOR, which one neuron cannot get right and a hidden layer can. The four rows with the
 * one neuron's p and decision before and after training, then the network's, every number from the
 * chosen backend; the calculus of a hidden layer as the optional part.
 */
final class BeyondPage implements Page {

    @Override
    public void show(Screen screen) {
        Dataset data = BeyondOneNeuron.data();
        screen.text("intro");
        Model start = BeyondOneNeuron.neuron(screen.backend, 0);
        Model trained = BeyondOneNeuron.neuron(screen.backend, BeyondOneNeuron.CONFIG.epochs());
        double[] neuronBefore = BeyondOneNeuron.probabilities(screen.backend, start);
        double[] neuronAfter = BeyondOneNeuron.probabilities(screen.backend, trained);
        int neuronRight = BeyondOneNeuron.rowsRight(data, neuronAfter);
        screen.text("neuron", Map.of("neuron.start.0", num(BeyondOneNeuron.NEURON_START[0]),
                "neuron.start.1", num(BeyondOneNeuron.NEURON_START[1]),
                "neuron.learningRate", num(BeyondOneNeuron.CONFIG.learningRate()),
                "neuron.epochs", String.valueOf(BeyondOneNeuron.CONFIG.epochs()),
                "neuron.rowsRight", String.valueOf(neuronRight)));
        screen.line("One neuron (%s backend), before and after %d epochs:", screen.backend.name(),
                BeyondOneNeuron.CONFIG.epochs());
        screen.line("    before: w1 = %s, w2 = %s, b = %s", num(start.weights()[0]), num(start.weights()[1]),
                num(start.bias()));
        screen.line("    after:  w1 = %s, w2 = %s, b = %s", num(trained.weights()[0]), num(trained.weights()[1]),
                num(trained.bias()));
        table(screen, data, neuronBefore, neuronAfter);

        screen.text("hidden");
        screen.text("activation");
        Network network = BeyondOneNeuron.start();
        NetworkResult result = BeyondOneNeuron.network(screen.backend);
        double[] before = BeyondOneNeuron.activations(screen.backend, network, data)[1];
        screen.text("network", Map.of("network.hidden", String.valueOf(BeyondOneNeuron.HIDDEN),
                "network.activation", BeyondOneNeuron.ACTIVATION.id(), "network.seed", String.valueOf(BeyondOneNeuron.SEED),
                "network.learningRate", num(BeyondOneNeuron.CONFIG.learningRate()),
                "network.epochs", String.valueOf(BeyondOneNeuron.CONFIG.epochs()),
                "network.rowsRight", String.valueOf(result.rowsRight(Decision.DEFAULT_THRESHOLD))));
        screen.line("A hidden layer of %d %s units (%s backend), before and after %d epochs:", BeyondOneNeuron.HIDDEN,
                BeyondOneNeuron.ACTIVATION.id(), screen.backend.name(), BeyondOneNeuron.CONFIG.epochs());
        table(screen, data, before, result.probabilities());
        screen.text("why-random");
        screen.text("training");
        screen.text("terminal");

        screen.optional();
        screen.text("calculus");
    }

    /** The four rows with p and the decision before and after training. */
    private static void table(Screen screen, Dataset data, double[] before, double[] after) {
        screen.line("    %3s %3s %2s   %-15s %-11s   %-15s %-11s", "x1", "x2", "y", "p before", "decision", "p after",
                "decision");
        for (int i = 0; i < data.rows(); i++) {
            screen.line("    %3s %3s %2s   %-15s %-11s   %-15s %-11s", num(data.x(i, 0)), num(data.x(i, 1)),
                    num(data.y(i)), num(before[i]), decision(before[i], data.y(i)), num(after[i]),
                    decision(after[i], data.y(i)));
        }
        screen.line("    %s of 4 right before, %s of 4 after", BeyondOneNeuron.rowsRight(data, before),
                BeyondOneNeuron.rowsRight(data, after));
        screen.blank();
    }

    private static String decision(double p, double y) {
        Decision d = Decision.of(p, Decision.DEFAULT_THRESHOLD);
        return d + (d.isRightFor(y) ? " right" : " wrong");
    }
}
