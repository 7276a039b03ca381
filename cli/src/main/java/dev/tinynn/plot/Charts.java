package dev.tinynn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every tinynn chart shares (sizes, fonts, colours) and the loss-curve chart. XChart
 * draws everything: axes, ticks, titles, legends; tinynn only chooses what goes in.
 */
public final class Charts {
    /** One panel's size in pixels; pictures with two panels are twice as wide. */
    static final int WIDTH = 720;
    static final int HEIGHT = 500;

    /** Pass and fail: blue and orange, which also people with red-green colour blindness tell apart. */
    static final Color PASS = new Color(0x1f, 0x77, 0xb4);
    static final Color FAIL = new Color(0xe0, 0x6c, 0x00);
    static final Color MODEL = new Color(0x33, 0x33, 0x33);
    static final Color GUIDE = new Color(0x88, 0x88, 0x88);
    /** Distinct colours for several loss curves (the lab's learning rates). */
    private static final Color[] CURVES = {new Color(0x1f, 0x77, 0xb4), new Color(0xe0, 0x6c, 0x00),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd),
        new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f)};
    /** At most this many points per loss curve: a curve of ten million epochs is sampled evenly. */
    static final int MAX_POINTS = 2000;
    /** The loss axis is logarithmic when its largest value is more than this many times its smallest. */
    static final double LOG_SCALE_RATIO = 100;

    private Charts() {
    }

    /**
     * Tells AWT that there is no screen before XChart first touches it: plots are drawn into
     * memory and written to a file, also on machines without a display (CI). A value set with
     * {@code -Djava.awt.headless} is left alone.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One loss curve: its name in the legend, and the loss of each epoch (entry e is epoch e). */
    public record LossCurve(String name, double[] losses) {
    }

    /** An empty chart with tinynn's look. */
    static XYChart chart(String title, String xAxis, String yAxis) {
        headless();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(GUIDE);
        styler.setPlotGridLinesColor(new Color(0xe8, 0xe8, 0xe8));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendBorderColor(GUIDE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setChartPadding(12);
        styler.setMarkerSize(11);
        styler.setAntiAlias(true);
        return chart;
    }

    /**
     * The loss per epoch, one line per curve. The loss axis is logarithmic when the values span
     * more than a factor {@value #LOG_SCALE_RATIO}, so that the slow end of training still shows.
     * A curve stops at its last finite value (a run that diverged).
     */
    public static XYChart lossCurves(String title, String lossName, List<LossCurve> curves) {
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
        XYChart chart = chart(title, "epoch (one pass over the data)",
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
            line(chart, curves.get(c).name(), xy[0], xy[1], CURVES[c % CURVES.length], solid(2.5f));
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

    /** A series of points alone (no line), in one colour, with one marker. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /** A line alone (no markers). */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        return series;
    }

    /** A solid line of this width, with round ends so that a curve of many short pieces shows no seams. */
    static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line of this width, dashes {@code on} long with gaps {@code off} long. */
    static BasicStroke dashes(float width, float... pattern) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }
}
