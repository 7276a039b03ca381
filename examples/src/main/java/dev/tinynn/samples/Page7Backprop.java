package dev.tinynn.samples;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Sigmoid;
import java.util.List;

/**
 * Page 7, backprop: for one row, the chain rule dℓ/dw = dℓ/dp · dp/dz · dz/dw, factor by factor,
 * checked against the backend's gradient.
 *
 * <p>Run: {@code java -cp cli/target/tinynn.jar dev.tinynn.samples.Page7Backprop plain}
 */
public final class Page7Backprop {
    private Page7Backprop() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : Backends.DEFAULT;   // "plain", "ejml", ...

        // One row: 3 hours, passed, at the page's starting neuron.
        double x = 3;
        double y = 1;
        double w = 0.1;
        double b = 0;

        // Forward.
        double z = x * w + b;
        double p = Sigmoid.of(z);
        System.out.println("z = " + z + ", p = " + p);

        // Backward, squared error l = (p - y)^2, one factor per forward step.
        double dl_dp = 2 * (p - y);     // how the loss changes with p
        double dp_dz = p * (1 - p);     // how the sigmoid's output changes with z
        double dz_dw = x;               // z = x*w + b, so z changes by x per unit of w
        double dl_dw = dl_dp * dp_dz * dz_dw;
        System.out.println("squared error: dl/dp = " + dl_dp + ", dp/dz = " + dp_dz + ", dz/dw = " + dz_dw
                + ", dl/dw = " + dl_dw);

        // Cross-entropy l = -[y ln p + (1 - y) ln(1 - p)]: its dl/dp * dp/dz is exactly p - y,
        // the "error" of page 4's update.
        double ce_dl_dp = -y / p + (1 - y) / (1 - p);
        double delta = ce_dl_dp * dp_dz;
        System.out.println("cross-entropy: dl/dp = " + ce_dl_dp + ", dl/dz = " + delta + " (p - y = " + (p - y)
                + "), dl/dw = " + delta * dz_dw);

        // The backend does the same for a whole dataset; with one row, its gradient is this row's.
        Dataset row = Dataset.of("one row", List.of("hours"), new double[][] {{x}}, new double[] {y});
        for (Loss loss : new Loss[] {Loss.SQUARED_ERROR, Loss.CROSS_ENTROPY}) {
            ForwardBackward chain = ForwardBackward.at(backend, row, new Model(new double[] {w}, b), loss);
            System.out.println(backend + " backend, " + loss + ": dl/dw = " + chain.gradient()[0] + ", dl/db = "
                    + chain.biasGradient());
        }
        // Break it: change y to 0 and predict the signs before you run it.
    }
}
