package dev.tinynn.web;

import dev.tinynn.lesson.Num;
import dev.tinynn.web.api.Page5Json;

/**
 * The limits of a training request ({@code GET /api/train}, page 5's Retrain): one place for the
 * numbers the page's fields carry as min and max, the ones the API enforces and the sentence that
 * refuses the rest, so the three cannot disagree. A parameter that is absent keeps the tutorial's
 * default; one that is present must be a number in range (an empty learning rate is refused, not
 * silently replaced by 0.1).
 */
final class TrainLimits {
    static final double MIN_LEARNING_RATE = 0.001;
    static final double MAX_LEARNING_RATE = 10;
    static final int MIN_EPOCHS = 1;
    static final int MAX_EPOCHS = 5000;

    private TrainLimits() {
    }

    /** The limits as the pages read them: {@code {"lr": {"min", "max"}, "epochs": {"min", "max"}}}. */
    static Page5Json.Limits json() {
        return new Page5Json.Limits(new Page5Json.Range<>(MIN_LEARNING_RATE, MAX_LEARNING_RATE),
                new Page5Json.Range<>(MIN_EPOCHS, MAX_EPOCHS));
    }

    /**
     * Refuses a learning rate or a number of epochs that is present but empty, not a number, or out
     * of range.
     *
     * @throws OutOfRange naming the field and the range
     */
    static void check(Query query) {
        Double lr = given(query, "lr", "a learning rate", "a number from " + Num.num(MIN_LEARNING_RATE)
                + " to " + Num.num(MAX_LEARNING_RATE));
        if (lr != null && !(lr >= MIN_LEARNING_RATE && lr <= MAX_LEARNING_RATE)) {
            throw new OutOfRange("lr", "The learning rate must be from " + Num.num(MIN_LEARNING_RATE)
                    + " to " + Num.num(MAX_LEARNING_RATE) + "; " + Num.num(lr) + " is out of range.");
        }
        Double epochs = given(query, "epochs", "a number of epochs", "a whole number from " + MIN_EPOCHS + " to " + MAX_EPOCHS);
        if (epochs != null && !(epochs >= MIN_EPOCHS && epochs <= MAX_EPOCHS && epochs == Math.rint(epochs))) {
            throw new OutOfRange("epochs", "The number of epochs must be a whole number from " + MIN_EPOCHS + " to "
                    + MAX_EPOCHS + "; " + Num.num(epochs) + " is not.");
        }
    }

    private static Double given(Query query, String key, String what, String range) {
        String value = query.given(key);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new OutOfRange(key, "Type " + what + ": " + range + ".");
        }
        try {
            return Query.parse(value);
        } catch (IllegalArgumentException e) {
            throw new OutOfRange(key, e.getMessage());
        }
    }

    /** A training setting refused, with the query parameter it is about (the page shows it beside that field). */
    static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        OutOfRange(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
