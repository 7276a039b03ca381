package dev.tinynn.lesson;

import dev.tinynn.core.TrainingConfig;
import java.util.Arrays;

/**
 * The example values the pages use, each written once. The pages' words name them through
 * {@code {name}} (see {@link Book}); the screens compute with them.
 */
public final class Examples {
    /** Where training starts: w = 0.1 for each input, b = 0. */
    public static final double START_W = 0.1;
    public static final double START_B = 0;

    private Examples() {
    }

    /** The values the pages' words name as {@code {name}}, written with {@link Num#num}. */
    private static final java.util.Map<String, Double> NAMED = java.util.Map.ofEntries(
            java.util.Map.entry("start.w", START_W),
            java.util.Map.entry("start.b", START_B),
            java.util.Map.entry("lr", 0.1),
            java.util.Map.entry("epochs", 1000.0),
            java.util.Map.entry("neuron.hours", Neuron.HOURS),
            java.util.Map.entry("neuron.b", Neuron.BIAS),
            java.util.Map.entry("neuron.w", Neuron.EXERCISE_WEIGHT),
            java.util.Map.entry("sigmoid.w", Sigmoid.W),
            java.util.Map.entry("sigmoid.b", Sigmoid.B),
            java.util.Map.entry("sigmoid.hours", Sigmoid.EXERCISE_HOURS),
            java.util.Map.entry("sigmoid.cutoff", Sigmoid.CUT_OFF),
            java.util.Map.entry("sigmoid.strict", Sigmoid.STRICT),
            java.util.Map.entry("training.y", Training.LABEL),
            java.util.Map.entry("training.p", Training.PREDICTION),
            java.util.Map.entry("training.far", Training.FAR),
            java.util.Map.entry("check.w", Check.W),
            java.util.Map.entry("check.b", Check.B),
            java.util.Map.entry("check.hours", Check.EXERCISE_HOURS),
            java.util.Map.entry("check.first", Check.HOURS[0]),
            java.util.Map.entry("check.added.hours", Check.ADDED_ROW[0]),
            java.util.Map.entry("check.student", Check.NEW_STUDENT),
            java.util.Map.entry("two.lr", TwoInputs.SUMMED_LEARNING_RATE));

    /** The example value {@code name} as the pages write it. */
    public static String value(String name) {
        Double value = NAMED.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no example value named '" + name + "'");
        }
        return Num.num(value);
    }

    /** The run the pages train: lr 0.1, 1000 epochs, online, from w = 0.1 per input, b = 0. */
    public static TrainingConfig run(int inputs) {
        double[] w = new double[inputs];
        Arrays.fill(w, START_W);
        return TrainingConfig.tutorial().withInitialWeights(w).withInitialBias(START_B);
    }

    /** Page 2: raw = hours·w + b for one student and three neurons. */
    public static final class Neuron {
        public static final double HOURS = 2;
        public static final double BIAS = -1;
        public static final double[] WEIGHTS = {0.5, 1.0, 0.2};
        /** The weight whose raw score is the exercise: asked, not printed above the question. */
        public static final double EXERCISE_WEIGHT = 1.0;

        private Neuron() {
        }
    }

    /** Page 3: the sigmoid's table, and a neuron's decisions at a cut-off. */
    public static final class Sigmoid {
        public static final double[] Z = {-2, 0, 1.2, 4};
        public static final double W = 0.5;
        public static final double B = -1;
        /** The students whose decisions the page shows; the exercise's 2.5 hours is shown after it is answered. */
        public static final double[] HOURS = {1, 2, 2.5, 3, 4};
        public static final double EXERCISE_HOURS = 2.5;
        public static final double CUT_OFF = 0.5;
        /** A stricter cut-off, under which 2.5 hours flips. */
        public static final double STRICT = 0.6;

        private Sigmoid() {
        }
    }

    /** Page 4: one row's loss, and the learning-rate demo. */
    public static final class Training {
        public static final double LABEL = 1;
        public static final double PREDICTION = 0.7;
        public static final double FAR = 0.1;
        public static final int PRINT_EVERY = 100;
        /** The same first step taken with each of these learning rates. */
        public static final double[] LEARNING_RATES = {0.01, 0.1, 1};

        private Training() {
        }
    }

    /** Page 5: the example neuron, its predictions, the quiz's new student, the added row. */
    public static final class Check {
        public static final double W = 1.2;
        public static final double B = -2.1;
        public static final double[] HOURS = {1.5, 2.5, 3.5};
        public static final double EXERCISE_HOURS = 2.5;
        public static final double NEW_STUDENT = 3.2;
        /** The row added before retraining: 5 hours, passed (dataset study-hours-plus). */
        public static final double[] ADDED_ROW = {5, 1};

        private Check() {
        }
    }

    /** Page 6: the NumPy-style summed step's learning rate, and how far the third run's start is moved. */
    public static final class TwoInputs {
        public static final double SUMMED_LEARNING_RATE = 0.1;
        /** A start moved along (1, −1, 4): neither w1 + w2 nor 4·w2 + b changes. */
        public static final double SHIFT = 1;

        private TwoInputs() {
        }
    }

    /** Page 7: the row whose chain rule is written out (0-based: the third, 3 hours, passed). */
    public static final class Backprop {
        public static final int ROW = 2;

        private Backprop() {
        }
    }
}
