package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Model;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;

/**
 * Page 5, check your model: predicting is the forward pass alone. Then the exercise: add the row
 * (5 hours, passed) and retrain.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page5CheckYourModel plain}
 */
public final class Page5CheckYourModel {
    private Page5CheckYourModel() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...

        // The page's example neuron: p = sigma(w*hours + b) for each hours.
        Model example = new Model(new double[] {1.2}, -2.1);
        for (double hours : new double[] {1.5, 2.5, 3.5}) {
            System.out.println("example: " + hours + " hours -> p = " + example.probability(hours)
                    + " -> " + example.decide(0.5, hours));
        }

        // Train on the four rows, and on the four rows plus (5, 1), with the page's settings.
        TrainingConfig config = TrainingConfig.tutorial().withInitialWeights(0.1);
        Model four = Trainer.train(backend, Datasets.studyHours(), config).model();
        Model five = Trainer.train(backend, Datasets.studyHoursPlus(), config).model();

        // What does a p near 0.5 say about a student?
        System.out.println("4 rows: w = " + four.weights()[0] + ", b = " + four.bias()
                + ", p(2.5 hours) = " + four.probability(2.5) + ", boundary " + four.boundary(0.5));
        System.out.println("5 rows: w = " + five.weights()[0] + ", b = " + five.bias()
                + ", p(2.5 hours) = " + five.probability(2.5) + ", boundary " + five.boundary(0.5));
        // How far did w move? Look at what the first neuron already gave 5 hours.
        System.out.println("before retraining, p(5 hours) = " + four.probability(5));
        // Break it: add (5, 0), a student who studied 5 hours and failed, with Dataset.withRow.
    }
}
