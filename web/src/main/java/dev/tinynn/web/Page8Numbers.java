package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Model;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.BeyondOneNeuron;
import dev.tinynn.web.api.Page8Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Page 8's numbers: the one neuron's line on XOR at each of {@link BeyondOneNeuron#NEURON_FRAMES}' epochs, the
 * network that solves it, and the limits of the page's own training ({@link NetworkSteps}, {@code POST /api/network}).
 */
final class Page8Numbers {
    private Page8Numbers() {
    }

    static Page8Json of(Backend backend) {
        Dataset data = BeyondOneNeuron.data();
        List<Page8Json.Frame> frames = new ArrayList<>();
        List<Model> models = BeyondOneNeuron.neuronFrames(backend);
        for (int k = 0; k < models.size(); k++) {
            Model m = models.get(k);
            double[] p = BeyondOneNeuron.probabilities(backend, m);
            frames.add(new Page8Json.Frame(BeyondOneNeuron.NEURON_FRAMES[k], m.weights(), m.bias(), p,
                    BeyondOneNeuron.rowsRight(data, p)));
        }
        TrainingConfig config = BeyondOneNeuron.CONFIG;
        Page8Json.Neuron neuron = new Page8Json.Neuron(BeyondOneNeuron.NEURON_START, config.learningRate(), config.epochs(),
                frames.get(frames.size() - 1).rowsRight(), frames);
        NetworkResult trained = BeyondOneNeuron.network(backend);
        Page8Json.Network net = new Page8Json.Network(new int[] {BeyondOneNeuron.HIDDEN}, BeyondOneNeuron.ACTIVATION.id(),
                BeyondOneNeuron.SEED, config.learningRate(), config.epochs(), trained.rowsRight(0.5));
        return new Page8Json(backend.name(), NetworkSteps.points(data), neuron, net,
                new Page8Json.Limits(NetworkSteps.MAX_EPOCHS, NetworkSteps.MAX_UNITS, Datasets.PLANE_ROWS,
                NetworkSteps.GRID, NetworkSteps.AT_ONCE));
    }
}
