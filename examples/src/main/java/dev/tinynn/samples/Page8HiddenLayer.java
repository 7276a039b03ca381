package dev.tinynn.samples;

import dev.tinynn.core.Activation;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import java.util.List;

/**
 * Page 8, beyond one neuron: XOR, which no straight line separates. One neuron gets at most 3 of
 * its 4 rows right; a hidden layer of two units gets all 4, first with weights chosen by hand,
 * then trained by backpropagation from random weights.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page8HiddenLayer plain}
 */
public final class Page8HiddenLayer {
    private Page8HiddenLayer() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...
        Dataset xor = Datasets.xor();                                      // (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0

        // One neuron: whatever it learns is a straight line, and no line puts (0,0), (1,1) on one side
        // and (0,1), (1,0) on the other.
        TrainingResult neuron = Trainer.train(backend, xor, TrainingConfig.tutorial());
        System.out.println("one neuron: " + neuron.rowsRight(0.5) + " of 4 rows right");

        // Two hidden units by hand, with relu (a = max(0, z)):
        //   h1 = relu(x1 + x2)        counts the ones
        //   h2 = relu(x1 + x2 - 1)    is 1 only when both are one
        //   z  = h1 - 2*h2 - 0.5      is 0.5 for exactly one 1, else -0.5: p = 0.6224593312 or 0.3775406688
        Network byHand = new Network(Activation.RELU, List.of(
                new Network.Layer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, -1}),
                new Network.Layer(new double[][] {{1, -2}}, new double[] {-0.5})));
        for (int i = 0; i < xor.rows(); i++) {
            double[] x = xor.row(i);
            double[] h = byHand.activations(x)[0];
            System.out.println("by hand: x = (" + x[0] + ", " + x[1] + ")  h = (" + h[0] + ", " + h[1] + ")  z = "
                    + byHand.z(x) + "  p = " + byHand.probability(x) + "  " + byHand.decide(0.5, x));
        }

        // The same shape trained: 2 sigmoid units from random weights (seed 1), batch steps of
        // learning rate 1 for 2000 epochs, backpropagation doing the arithmetic on the backend.
        Network start = Network.random(new NetworkShape(2, new int[] {2}, Activation.SIGMOID), Network.DEFAULT_SEED);
        NetworkResult trained = NetworkTrainer.train(Backends.named(backend), xor, TrainingConfig.network(), start,
                TrainingListener.NONE);
        for (int i = 0; i < xor.rows(); i++) {
            System.out.println("trained: x = (" + xor.x(i, 0) + ", " + xor.x(i, 1) + ")  p = "
                    + trained.probabilities()[i]);
        }
        System.out.println("a hidden layer of 2 on " + backend + ": " + trained.rowsRight(0.5) + " of 4 rows right,"
                + " final loss " + trained.finalLoss());
        // Break it: start from Network.zeros(...) instead, and see both hidden units stay the same.
    }
}
