package dev.tinynn.cli;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingDivergedException;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.text.TrainingData;
import java.util.function.Predicate;

/**
 * The commands' training: core's trainers, and when the numbers blow up, advice that works when
 * followed literally. The advice is decided from the data and checked before it is given:
 *
 * <ul>
 *   <li>inputs above {@value #LARGE_INPUT} in size (and not yet standardised) name {@code
 *       --standardize}: z-scores are a few units at most, so z = x·w + b stays far from overflow;</li>
 *   <li>a smaller learning rate (a tenth) is suggested only when a run at that rate, tried here,
 *       finishes; otherwise suggesting it would start a loop of ever smaller rates that all fail;</li>
 *   <li>when neither applies, the message says so and points at the scale of the start and the data.</li>
 * </ul>
 *
 * <p>1e3: the tutorial's inputs are hours and test scores, up to 100; an input of a thousand or more
 * multiplies every step's effect on z by as much, and such data are what standardising is for.
 */
final class AdvisedTraining {
    /** Inputs larger than this (in absolute value) want standardising. */
    static final double LARGE_INPUT = 1e3;

    private AdvisedTraining() {
    }

    /** Training stopped; the message is one line: what happened, where, and what to do. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message, TrainingDivergedException cause) {
            super(message, cause);
        }
    }

    /** Trains, or throws {@link Failed} with advice decided from {@code data}. */
    static TrainingResult train(Backend backend, TrainingData data, TrainingConfig config, TrainingListener listener) {
        try {
            return Trainer.train(backend, data.data(), config, listener);
        } catch (TrainingDivergedException e) {
            throw new Failed(e.describe(data::rowName) + "; " + advice(backend, data, config), e);
        }
    }

    /** Trains a network from {@code start}, or throws {@link Failed} with advice tried on the same network. */
    static NetworkResult train(Backend backend, TrainingData data, TrainingConfig config, Network start,
            TrainingListener listener) {
        try {
            return NetworkTrainer.train(backend, data.data(), config, start, listener);
        } catch (TrainingDivergedException e) {
            String lastResort = data.scaling() == null ? "rescale the data (--standardize)"
                    : "the inputs are already z-scores (--standardize), so rescaling them would not help either";
            throw new Failed(e.describe(data::rowName) + "; " + advice(data, config, lastResort,
                    c -> finishes(() -> NetworkTrainer.train(backend, data.data(), c, start, TrainingListener.NONE))), e);
        }
    }

    /** What to do instead, each suggestion one that ends the divergence when followed. */
    static String advice(Backend backend, TrainingData data, TrainingConfig config) {
        return advice(data, config, "start from smaller --initial-weights and --initial-bias, or rescale the data",
                c -> finishes(() -> Trainer.train(backend, data.data(), c)));
    }

    /**
     * The advice, with {@code finishes} telling whether a run at other settings trains;
     * {@code lastResort} is what to say when no learning rate helps.
     */
    private static String advice(TrainingData data, TrainingConfig config, String lastResort,
            Predicate<TrainingConfig> finishes) {
        Dataset seen = data.data();
        int largestRow = -1;
        double largest = 0;
        for (int i = 0; i < seen.rows(); i++) {
            for (double x : seen.row(i)) {
                if (Math.abs(x) > largest) {
                    largest = Math.abs(x);
                    largestRow = i;
                }
            }
        }
        double smaller = config.learningRate() / 10;
        boolean smallerWorks = finishes.test(config.withLearningRate(smaller));
        String lower = "--learning-rate " + num(smaller) + " (tried: it trains without diverging)";
        if (largest > LARGE_INPUT && data.scaling() == null) {
            return "the inputs are large (|x| = " + num(largest, 3) + " in " + data.rowName(largestRow)
                    + "): run the same command with --standardize to train on z-scores"
                    + (smallerWorks ? ", or with " + lower : "");
        }
        if (smallerWorks) {
            return "the steps are too large: use " + lower;
        }
        return "a smaller learning rate would not help (" + num(smaller) + " diverges too): the numbers outgrow a"
                + " double whatever the step; " + lastResort;
    }

    private static boolean finishes(Runnable training) {
        try {
            training.run();
            return true;
        } catch (TrainingDivergedException e) {
            return false;
        }
    }
}
