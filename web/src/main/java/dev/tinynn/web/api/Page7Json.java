package dev.tinynn.web.api;

import java.util.List;

/**
 * Page 7, backprop: the chosen row, every row's hours, the chain rule for that row factor by factor
 * for both losses, the gradients summed over the rows, each weight's share with two inputs, and the quiz.
 */
public record Page7Json(String backend, Row row, List<Double> rows, Chain chain, Gradients summed,
        TwoInputs twoInputs, List<QuizQuestion> quiz) implements PageJson {

    /** The row (1-based), its label in words and numbers, the start, z, p and the squared error. */
    public record Row(int row, String result, double hours, double y, double w, double b, double z, double p,
            double loss) {
    }

    /** The chain for each loss. */
    public record Chain(Factors squaredError, Factors crossEntropy) {
    }

    /** ∂ℓ/∂p · ∂p/∂z · ∂z/∂w, their products, and the backend's own ∂ℓ/∂w to compare. */
    public record Factors(double dldp, double dpdz, double dzdw, double dldz, double product, double backend) {
    }

    /** The two-input example's row, its error p − y, and each input's share of the gradient (and the bias's). */
    public record TwoInputs(double study, double sleep, double y, double error, double[] shares) {
    }
}
