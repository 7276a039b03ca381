// threshold-lab.jsh: the completion page's threshold practice. The trained neuron stays the same;
// only the cut-off changes. Who flips when Pass needs p >= 0.6 instead of 0.5?
//
//   ./tinynn jshell threshold-lab
//   jshell --class-path cli/target/tinynn.jar examples/jshell/threshold-lab.jsh
//
// Then try:  flips(0.9)     flips(0.3)

import dev.tinynn.core.*;

Model neuron = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
        TrainingConfig.tutorial().withInitialWeights(0.1)).model();
double[] students = {1, 2, 2.4, 2.5, 2.6, 3, 4};

// Each student's p, the decision at 0.5 and at the new threshold, and whether it flips.
void flips(double threshold) {
    System.out.println("hours  p              at 0.5  at " + threshold);
    for (double hours : students) {
        double p = neuron.probability(hours);
        Decision usual = Decision.of(p, 0.5);
        Decision strict = Decision.of(p, threshold);
        System.out.printf("%-6s %-14.10f %-7s %-6s %s%n", hours, p, usual, strict, usual == strict ? "" : "flips");
    }
    // The boundary moves too: p = threshold where z = ln(threshold / (1 - threshold)).
    System.out.println("boundary at 0.5: " + neuron.boundary(0.5) + " hours; at " + threshold + ": "
            + neuron.boundary(threshold) + " hours");
}

flips(0.6);
