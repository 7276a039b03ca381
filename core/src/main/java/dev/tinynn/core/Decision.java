package dev.tinynn.core;

/** What the neuron says about a row: Pass when p ≥ threshold (so exactly the threshold is Pass). */
public enum Decision {
    PASS, FAIL;

    /** The tutorial's cut-off. It is a choice, not a law. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** Pass when {@code p >= threshold}, otherwise Fail. */
    public static Decision of(double p, double threshold) {
        return p >= threshold ? PASS : FAIL;
    }

    /** Whether this decision is right for a row with this label (1 = passed, 0 = failed). */
    public boolean isRightFor(double label) {
        return (this == PASS) == (label == 1);
    }

    /** {@code Pass} or {@code Fail}, as a person writes it. */
    @Override
    public String toString() {
        return this == PASS ? "Pass" : "Fail";
    }

    /** How many rows' probabilities give the decision their label asks for, at this threshold. */
    static int rowsRight(double[] probabilities, Dataset data, double threshold) {
        int right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (Decision.of(probabilities[i], threshold).isRightFor(data.y(i))) {
                right++;
            }
        }
        return right;
    }
}
