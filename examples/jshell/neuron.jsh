// neuron.jsh: the tutorial's neuron, trained and ready to play with.
//
//   ./tinynn jshell                                                        (or, by hand:)
//   jshell --class-path cli/target/tinynn.jar examples/jshell/neuron.jsh
//
// Then try:  p(3)   decide(2)   neuron.boundary(0.5)   Sigmoid.of(-2)   z(2.5)
//            new Model(new double[] {0.5}, -1).probability(3)      (page 3's neuron)
//            retrain(0.5)                                           (another learning rate)
// /vars and /methods list what is defined; /exit leaves.

import dev.tinynn.core.*;

// The backend that does the arithmetic, by name: "plain" is loops over double[]
// (Backends.available() lists the others).
String backend = "plain";

// Page 1's data: hours studied -> passed (1) or failed (0).
Dataset data = Datasets.studyHours();

// Page 4's loop: start at w = 0.1, b = 0; learning rate 0.1; 1000 epochs; a step after every row.
TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(0.1);
TrainingResult result = Trainer.train(backend, data, config);
Model neuron = result.model();

// The forward pass, by hand: z = w*hours + b, p = sigmoid(z), Pass when p >= 0.5.
double z(double hours) { return neuron.z(hours); }
double p(double hours) { return neuron.probability(hours); }
Decision decide(double hours) { return neuron.decide(Decision.DEFAULT_THRESHOLD, hours); }

// Train again with another learning rate and see where w and b end up.
Model retrain(double learningRate) {
    return Trainer.train(backend, data, config.withLearningRate(learningRate)).model();
}

System.out.println("the tutorial's neuron, trained on " + data);
System.out.println("  w = " + neuron.weights()[0] + ", b = " + neuron.bias());
for (double hours : new double[] {1, 2, 2.5, 3, 4}) {
    System.out.println("  " + hours + " hours: z = " + z(hours) + ", p = " + p(hours) + " -> " + decide(hours));
}
System.out.println("  boundary (p = 0.5) at " + neuron.boundary(0.5) + " hours");
System.out.println("try: p(3), decide(2), z(2.5), retrain(0.5), Sigmoid.of(-2)");
