package dev.tinynn.text;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Updates;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The neuron's formulas written with the data's own feature names, for printing: z = w1·study +
 * w2·sleep + b, the update rule, δ under each loss. It builds no model; {@code new Formulas(data)}
 * only names the weights and inputs.
 */
public final class Formulas {
    private final List<String> features;

    public Formulas(Dataset data) {
        this(data.featureNames());
    }

    public Formulas(List<String> features) {
        this.features = features;
    }

    /** w, or w1, w2, … when there are several features. */
    public String weightName(int j) {
        return features.size() == 1 ? "w" : "w" + (j + 1);
    }

    /** "w1 = 0.1, w2 = 0.2": each weight by its name, its value written by {@code written}. */
    public String weights(double[] w, DoubleFunction<String> written) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            text.append(j == 0 ? "" : ", ").append(weightName(j)).append(" = ").append(written.apply(w[j]));
        }
        return text.toString();
    }

    /** z = w·hours + b, or z = w1·study + w2·sleep + b. */
    public String z() {
        StringBuilder text = new StringBuilder("z = ");
        for (int j = 0; j < features.size(); j++) {
            text.append(weightName(j)).append('·').append(features.get(j)).append(" + ");
        }
        return text.append('b').toString();
    }

    /** 1·0.1 + 5·0.1 + 0: the products that make z, with numbers. */
    public String zWithNumbers(double[] x, double[] w, double b) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            text.append(num(x[j])).append('·').append(num(w[j])).append(" + ");
        }
        return text.append(num(b)).toString();
    }

    /** The formula for δ = ∂ℓ/∂z under this loss. */
    public static String delta(Loss loss) {
        return loss == Loss.CROSS_ENTROPY ? "δ = p − y" : "δ = 2·(p − y)·p·(1 − p)";
    }

    /** How the weights move, in words and symbols. */
    public String updateRule(Updates updates, Loss loss) {
        String x = features.size() == 1 ? features.get(0) : "x";
        return updates == Updates.ONLINE
                ? "after every row: " + delta(loss) + ", then w −= lr·δ·" + x + ", b −= lr·δ"
                : "once per epoch: " + delta(loss) + " for every row, then w −= lr·Xᵀδ/n, b −= lr·Σδ/n";
    }
}
