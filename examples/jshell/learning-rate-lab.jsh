// learning-rate-lab.jsh: the completion page's learning-rate lab. How does the loss fall per epoch
// for learning rates 0.01, 0.1, 0.5 and 5? (0.01 is too slow to finish, 5 overshoots before it settles.)
//
//   ./tinynn jshell learning-rate-lab
//   jshell --class-path cli/target/tinynn.jar examples/jshell/learning-rate-lab.jsh
//
// Then try:  lab(0.01, 1, 5)     lab(50)     (how big can it get before it stops helping?)
//            lab(2, 20)          (look at the first epochs, and at what core's diagnoses say)

import dev.tinynn.core.*;

// The loss the tutorial prints: the squared error (y - p)^2 summed over an epoch's rows. The
// training loop tells a TrainingListener every epoch's p, so we add it up here.
// Each run's result too: core reads its diagnoses (overshoot, not converged, saturated) off it.
List<TrainingResult> results = new ArrayList<>();

double[] summedSquaredError(double learningRate) {
    Dataset data = Datasets.studyHours();
    TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(0.1).withLearningRate(learningRate);
    double[] total = new double[config.epochs()];
    results.add(Trainer.train(Backends.named("plain"), data, config, new TrainingListener() {
        @Override
        public void onEpoch(EpochEvent epoch) {
            for (int i = 0; i < data.rows(); i++) {
                double miss = data.y(i) - epoch.p()[i];
                total[epoch.epoch()] += miss * miss;
            }
        }
    }));
    return total;
}

// One line per learning rate: the loss at a few epochs; then a bar per 100 epochs (one # per 0.05).
void lab(double... learningRates) {
    results.clear();
    double[][] runs = new double[learningRates.length][];
    for (int r = 0; r < learningRates.length; r++) {
        runs[r] = summedSquaredError(learningRates[r]);
    }
    System.out.println("lr      epoch 0     100         200         500         999       epochs 1 to 5");
    for (int r = 0; r < runs.length; r++) {
        double[] total = runs[r];
        System.out.printf("%-7s %-11.6f %-11.6f %-11.6f %-11.6f %.6f  %.3f %.3f %.3f %.3f %.3f%n", learningRates[r],
                total[0], total[100], total[200], total[500], total[999], total[1], total[2], total[3], total[4],
                total[5]);
    }
    for (int r = 0; r < runs.length; r++) {
        List<Diagnosis> found = results.get(r).diagnoses();
        System.out.println("lr " + learningRates[r] + ": " + (found.isEmpty() ? "healthy" : found));
    }
    for (int r = 0; r < runs.length; r++) {
        System.out.println("lr " + learningRates[r] + ":");
        for (int epoch = 0; epoch < runs[r].length; epoch += 100) {
            double loss = runs[r][epoch];
            System.out.printf("  %4d %-30s %.4f%n", epoch, "#".repeat((int) Math.round(loss / 0.05)), loss);
        }
    }
}

lab(0.01, 0.1, 0.5, 5);
