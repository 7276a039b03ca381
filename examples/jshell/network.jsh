// network.jsh: XOR, the rows no straight line separates, learned by a hidden layer.
//
//   ./tinynn jshell network                                                (or, by hand:)
//   jshell --class-path cli/target/tinynn.jar examples/jshell/network.jsh
//
// Then try:  p(0, 1)   p(1, 1)   hidden(1, 0)   net.layers()
//            retrain(4, "tanh", 7)              (4 tanh units from seed 7)
//            retrain(2, "sigmoid", 7)           (seed 7 gets stuck at 3 of 4: try another)
// /vars and /methods list what is defined; /exit leaves.

import dev.tinynn.core.*;

String backend = "plain";
Dataset data = Datasets.xor();

// One neuron cannot: no straight line puts (0,0), (1,1) on one side and (0,1), (1,0) on the other.
TrainingResult oneNeuron = Trainer.train(backend, data, TrainingConfig.tutorial());

// Two sigmoid units from random weights (seed 1); batch steps, learning rate 1, 2000 epochs.
NetworkResult result = NetworkTrainer.train(Backends.named(backend), data, TrainingConfig.network(),
        Network.random(new NetworkShape(2, new int[] {2}, Activation.SIGMOID), Network.DEFAULT_SEED),
        TrainingListener.NONE);
Network net = result.network();

// The forward pass: the hidden units' values, then p.
double[] hidden(double x1, double x2) { return net.activations(x1, x2)[0]; }
double p(double x1, double x2) { return net.probability(x1, x2); }

// Train again: units in the hidden layer, activation (sigmoid, tanh, relu), seed.
// The new network becomes net, so p(...) and hidden(...) then show it.
NetworkResult retrain(int units, String activation, long seed) {
    Network start = Network.random(new NetworkShape(2, new int[] {units}, Activation.byId(activation)), seed);
    NetworkResult again = NetworkTrainer.train(Backends.named(backend), data, TrainingConfig.network(), start,
            TrainingListener.NONE);
    net = again.network();
    System.out.println(units + " " + activation + " units, seed " + seed + ": " + again.rowsRight(0.5) + " of 4 right");
    return again;
}

System.out.println("one neuron on xor: " + oneNeuron.rowsRight(0.5) + " of 4 rows right");
System.out.println("a hidden layer of 2: " + result.rowsRight(0.5) + " of 4 rows right");
for (int i = 0; i < data.rows(); i++) {
    System.out.println("  x = (" + data.x(i, 0) + ", " + data.x(i, 1) + "): p = " + p(data.x(i, 0), data.x(i, 1)));
}
