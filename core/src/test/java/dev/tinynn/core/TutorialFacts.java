package dev.tinynn.core;

/**
 * The tutorial's worked numbers ("Build a Tiny Neural Network by Hand", pages 2 to 7), as the
 * tutorial gives them, and, where it rounds, the full double precision value a direct run of its
 * own Python code prints. Tests compare a backend with the full value to 1e-12 and with the
 * tutorial's rounded value to half a unit in its last printed digit.
 */
public final class TutorialFacts {
    private TutorialFacts() {
    }

    // Page 2: raw = hours·w + b, at hours 2, b −1.
    public static final double PAGE2_HOURS = 2;
    public static final double PAGE2_BIAS = -1;
    /** {w, raw}: w 0.5 → 0.0; w 1.0 → 1.0; w 0.2 → −0.6. */
    public static final double[][] PAGE2_RAW = {{0.5, 0.0}, {1.0, 1.0}, {0.2, -0.6}};

    // Page 3: σ(z), rounded as printed, then in full.
    public static final double[] PAGE3_Z = {-2, 0, 1.2, 4};
    /** As the tutorial prints them, digits and all: a check allows half a unit in the last digit written. */
    public static final String[] PAGE3_P_PRINTED = {"0.119202922", "0.5", "0.7685247835", "0.98201379"};
    public static final double[] PAGE3_P = {0.11920292202211755, 0.5, 0.7685247834990175, 0.9820137900379085};
    /** Hours 3, w 0.5, b −1: raw 0.5, p 0.6224593312, Pass. Hours 2.5: raw 0.25, p 0.5621765009. */
    public static final double PAGE3_P_AT_3H = 0.6224593312018546;
    public static final double PAGE3_P_AT_2_5H = 0.5621765008857981;

    // Page 4: one row's squared error, (1 − 0.7)².
    public static final double PAGE4_SQUARED_ERROR = 0.09;

    // Page 5: w 1.2, b −2.1.
    public static final double[] PAGE5_HOURS = {1.5, 2.5, 3.5};
    public static final double[] PAGE5_P = {0.4255574831883409, 0.7109495026250039, 0.8909031788043871};
    public static final String[] PAGE5_P_PRINTED = {"0.4255574832", "0.7109495026", "0.8909031788"};

    // Run 1: D1, online, cross-entropy update, w 0.1, b 0, lr 0.1, 1000 epochs.
    public static final double RUN1_W = 4.3018685464211535;
    public static final double RUN1_B = -10.50801155978499;
    /** The tutorial's printed loss: squared error SUMMED over the epoch's rows, before each row's update. */
    public static final double RUN1_SUMMED_SQUARED_ERROR_EPOCH_0 = 1.0155203345635642;
    public static final double RUN1_SUMMED_SQUARED_ERROR_EPOCH_999 = 0.025038957573726442;
    public static final double RUN1_BOUNDARY = 2.4426621702624787;
    public static final double[] RUN1_HOURS = {1, 2, 2.5, 3, 4};
    public static final double[] RUN1_P = {
        0.0020129419224617644, 0.12962545352064875, 0.5613541953522169, 0.9166436559560125, 0.9987699413670583};
    /** The same run on D1 plus the row (5, 1) (page 5's exercise); rounded: 4.320806895, −10.55591336. */
    public static final double RUN1_PLUS_W = 4.320806895099629;
    public static final double RUN1_PLUS_B = -10.555913360943654;
    /**
     * The loss recorded for run 1's epoch 0 (w 0.1, b 0): the mean of the four rows' cross-entropy,
     * each taken just before that row's update. Reproduced with a separate Python loop.
     */
    public static final double RUN1_LOSS_EPOCH_0 = 0.7005199300742002;

    // Run 2: D2, online, same settings (w1 = w2 = 0.1).
    public static final double RUN2_W1 = 9.513711269289013;
    public static final double RUN2_W2 = -3.139325049628247;
    public static final double RUN2_B = -3.1632590797293045;
    public static final double RUN2_SUMMED_SQUARED_ERROR_EPOCH_999 = 0.004024006923535759;

    // Run 3: D2, the NumPy tab: one batch step per epoch with the SUM gradient and lr 0.1, which is
    // our MEAN gradient with lr 0.4. Rounded: w [8.951664356, −2.969628227], b −2.980323146.
    public static final double RUN3_LEARNING_RATE = 0.4;
    public static final double RUN3_W1 = 8.951664356464825;
    public static final double RUN3_W2 = -2.9696282268088448;
    public static final double RUN3_B = -2.9803231458184194;
    /** Summed squared error of epochs 0, 1, 2: it rises before it falls. */
    public static final double[] RUN3_SUMMED_SQUARED_ERROR_FIRST_EPOCHS = {
        1.018847114359146, 1.5522984174522954, 1.978540379681975};

    // "Formulas": at D1, w 0.1, b 0, summed over the rows.
    /** The tutorial's step, Σ(p − y)·x and Σ(p − y); rounded: (−1.257274627, 0.2479433617). */
    public static final double TUTORIAL_STEP_W = -1.257274627011319;
    public static final double TUTORIAL_STEP_B = 0.247943361715529;
    /** The true squared-error gradient, summed; rounded: (−0.5893366314, 0.1331191832). */
    public static final double SQUARED_ERROR_GRADIENT_W = -0.5893366314434451;
    public static final double SQUARED_ERROR_GRADIENT_B = 0.1331191832163627;
}
