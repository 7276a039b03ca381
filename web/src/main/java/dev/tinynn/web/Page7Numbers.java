package dev.tinynn.web;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.web.api.Gradients;
import dev.tinynn.web.api.Page7Json;
import java.util.stream.IntStream;

/**
 * Page 7's numbers: the chain rule for one row, factor by factor, beside the backend's own
 * gradient; the gradients summed over the rows; and each weight's share with two inputs.
 */
final class Page7Numbers {
    private Page7Numbers() {
    }

    /**
     * @param chosen the row whose chain is shown, 1-based
     * @throws IllegalArgumentException when there is no such row
     */
    static Page7Json of(Backend backend, int chosen) {
        Dataset data = Datasets.studyHours();
        if (chosen < 1 || chosen > data.rows()) {
            throw new IllegalArgumentException("row must be 1 to " + data.rows() + ", got " + chosen);
        }
        int row = chosen - 1;
        double[] start = {Examples.START_W};
        double b = Examples.START_B;
        Dataset one = Dataset.of("row", data.featureNames(), new double[][] {data.row(row)}, new double[] {data.y(row)});
        ForwardBackward squared = ForwardBackward.at(backend, one, start, b, Loss.SQUARED_ERROR);
        ForwardBackward cross = ForwardBackward.at(backend, one, start, b, Loss.CROSS_ENTROPY);
        double x = data.x(row, 0);
        double y = data.y(row);
        double z = cross.z()[0];
        double p = cross.p()[0];
        double dpdz = p * (1 - p);
        Page7Json.Chain chain = new Page7Json.Chain(
                factors(2 * (p - y), dpdz, x, squared),
                factors(-y / p + (1 - y) / (1 - p), dpdz, x, cross));
        Dataset two = Datasets.studySleep();
        int shared = Examples.Backprop.ROW; // the two-input example and quiz 7 keep their row, whichever the chain shows
        Dataset twoRow = Dataset.of("row", two.featureNames(), new double[][] {two.row(shared)}, new double[] {two.y(shared)});
        ForwardBackward shares = ForwardBackward.at(backend, twoRow, new double[] {Examples.START_W, Examples.START_W}, b,
                Loss.CROSS_ENTROPY);
        ForwardBackward summedCross = ForwardBackward.at(backend, data, start, b, Loss.CROSS_ENTROPY);
        ForwardBackward summedSquared = ForwardBackward.at(backend, data, start, b, Loss.SQUARED_ERROR);
        return new Page7Json(backend.name(),
                new Page7Json.Row(chosen, y == 1 ? "passed" : "failed", x, y, Examples.START_W, b, z, p,
                        Loss.SQUARED_ERROR.of(z, p, y)),
                IntStream.range(0, data.rows()).mapToObj(i -> data.x(i, 0)).toList(),
                chain,
                new Gradients(ForwardBackward.tutorialStep(data, summedCross.p()), summedCross.summedGradientWithBias(),
                        summedSquared.summedGradientWithBias()),
                new Page7Json.TwoInputs(two.x(shared, 0), two.x(shared, 1), two.y(shared), shares.p()[0] - two.y(shared),
                        shares.summedGradientWithBias()),
                Quizzes.questions(Exercises.q7(backend)));
    }

    /** dℓ/dp, dp/dz, dz/dw, their products, and the backend's ∂ℓ/∂w for the same row. */
    private static Page7Json.Factors factors(double dldp, double dpdz, double dzdw, ForwardBackward backend) {
        return new Page7Json.Factors(dldp, dpdz, dzdw, dldp * dpdz, dldp * dpdz * dzdw, backend.gradient()[0]);
    }
}
