package dev.tinynn.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * The loss-curve chart: the loss per epoch of one run ({@code train --plot}) or of several side by
 * side ({@code lab --plot}), in the look of {@link ChartStyle}.
 */
final class LossChart {
    /** Distinct colours for several loss curves (the lab's learning rates). */
    private static final Color[] CURVES = {new Color(0x1f, 0x77, 0xb4), new Color(0xe0, 0x6c, 0x00),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd),
        new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f)};
    /** At most this many points per loss curve: a curve of ten million epochs is sampled evenly. */
    static final int MAX_POINTS = 2000;
    /** The loss axis is logarithmic when its largest value is more than this many times its smallest. */
    static final double LOG_SCALE_RATIO = 100;

    private LossChart() {
    }

    /** One loss curve: its name in the legend, and the loss of each epoch (entry e is epoch e). */
    record LossCurve(String name, double[] losses) {
    }

    /**
     * The loss per epoch, one line per curve. The loss axis is logarithmic when the values span
     * more than a factor {@value #LOG_SCALE_RATIO}, so that the slow end of training still shows.
     * A curve stops at its last finite value (a run that diverged).
     */
    static XYChart lossCurves(String title, String lossName, List<LossCurve> curves) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        List<double[][]> points = new ArrayList<>();
        for (LossCurve curve : curves) {
            double[][] xy = sample(curve.losses());
            points.add(xy);
            for (double loss : xy[1]) {
                smallest = Math.min(smallest, loss);
                largest = Math.max(largest, loss);
            }
        }
        boolean log = logScale(smallest, largest);
        XYChart chart = ChartStyle.chart(title, "epoch (one pass over the data)",
                lossAxisTitle(lossName) + (log ? ", log scale" : ""));
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        styler.setLegendPosition(LegendPosition.OutsideS); // below the plot: curves go anywhere
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setYAxisLogarithmic(log);
        styler.setXAxisDecimalPattern("#,##0");
        // XChart puts a tick on every value of an axis whose values are equally spaced (0, 1, 2, …),
        // and a thousand epochs' labels run into each other. Half an epoch of room at the right
        // makes the values uneven, and XChart chooses round ticks (0, 200, 400, …) instead.
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(lastEpoch(curves) + 0.5);
        if (!log) {
            styler.setYAxisMin(0.0);
        }
        for (int c = 0; c < curves.size(); c++) {
            double[][] xy = points.get(c);
            if (xy[0].length == 0) {
                continue; // diverged in its first epoch: nothing finite to draw
            }
            ChartStyle.line(chart, curves.get(c).name(), xy[0], xy[1], CURVES[c % CURVES.length],
                    ChartStyle.solid(2.5f));
        }
        return chart;
    }

    private static int lastEpoch(List<LossCurve> curves) {
        int last = 0;
        for (LossCurve curve : curves) {
            last = Math.max(last, curve.losses().length - 1);
        }
        return last;
    }

    /** Whether a loss axis from {@code smallest} to {@code largest} is drawn on a log scale. */
    static boolean logScale(double smallest, double largest) {
        return smallest > 0 && largest / smallest > LOG_SCALE_RATIO;
    }

    /** What the loss axis measures, and in which unit. */
    static String lossAxisTitle(String lossName) {
        return switch (lossName) {
            case "cross-entropy" -> "mean cross-entropy loss (not the tutorial's Σ(y − p)²)";
            case "squared-error" -> "mean squared error (the tutorial printed the sum, Σ(y − p)²)";
            default -> "mean " + lossName + " loss";
        };
    }

    /**
     * The epochs to draw and their losses: every epoch up to {@value #MAX_POINTS}, otherwise that
     * many spread evenly, always the first and the last; only the finite ones before the first
     * that is not (and only positive ones, which a log axis can show).
     */
    static double[][] sample(double[] losses) {
        int finite = 0;
        while (finite < losses.length && Double.isFinite(losses[finite])) {
            finite++;
        }
        int count = Math.min(finite, MAX_POINTS);
        double[] x = new double[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) {
            int epoch = count == 1 ? 0 : (int) Math.round((double) k * (finite - 1) / (count - 1));
            x[k] = epoch;
            y[k] = losses[epoch];
        }
        return new double[][] {x, y};
    }
}
