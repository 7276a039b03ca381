package dev.tinynn.plot;

import static dev.tinynn.text.Numbers.num;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.Model;
import dev.tinynn.core.Network;
import dev.tinynn.core.NetworkResult;
import dev.tinynn.core.Sigmoid;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture {@code tinynn train --plot} draws: two panels side by side. Left, the loss per
 * epoch. Right, the data and what the neuron learned: for one input, the sigmoid through the
 * points with the threshold and the decision boundary; for two, the points in the plane coloured
 * by label, with the decision line; for more, every row against its raw score z.
 *
 * <p>Inputs are drawn in their own units, also after --standardize: the neuron's weights on
 * z-scores are turned back into weights on the raw inputs for drawing.
 */
public final class TrainPlot {
    private static final int CURVE_POINTS = 301;

    private TrainPlot() {
    }

    /**
     * The two panels.
     *
     * @param raw the rows as read, in their own units
     * @param scaling the standardisation the neuron was trained with, or {@code null}
     */
    public static List<XYChart> charts(Dataset raw, Standardization scaling, TrainingResult result, double threshold) {
        XYChart loss = loss(raw, result.config(), result.lossHistory());
        Model model = inRawUnits(result.model(), scaling);
        XYChart data = switch (raw.features()) {
            case 1 -> oneInput(raw, model, scaling != null, threshold);
            case 2 -> twoInputs(raw, model, threshold);
            default -> byRawScore(raw, model, threshold);
        };
        return List.of(loss, data);
    }

    /** The left panel: the loss per epoch. */
    private static XYChart loss(Dataset raw, TrainingConfig config, double[] history) {
        String curve = "learning rate " + num(config.learningRate()) + ", " + config.updates() + " updates";
        return LossChart.lossCurves(raw.name() + ": loss per epoch", config.loss().id(),
                List.of(new LossChart.LossCurve(curve, history)));
    }

    /**
     * The same neuron on raw inputs: z = Σ wⱼ·(xⱼ − meanⱼ)/sdⱼ + b = Σ (wⱼ/sdⱼ)·xⱼ + (b − Σ wⱼ·meanⱼ/sdⱼ).
     */
    static Model inRawUnits(Model model, Standardization scaling) {
        if (scaling == null) {
            return model;
        }
        double[] w = model.weights();
        double b = model.bias();
        for (int j = 0; j < w.length; j++) {
            w[j] /= scaling.standardDeviations()[j];
            b -= w[j] * scaling.means()[j];
        }
        return new Model(w, b);
    }

    /** One input: the labels at 0 and 1, the fitted sigmoid, each row's p, the threshold and the boundary. */
    private static XYChart oneInput(Dataset raw, Model model, boolean scaled, double threshold) {
        String feature = raw.featureNames().get(0);
        double w = model.weights()[0];
        String formula = scaled ? "p = σ(z) for z-scores of " + feature
                : "p = σ(" + num(w, 4) + "·" + feature + " " + (model.bias() < 0 ? "− " : "+ ")
                        + num(Math.abs(model.bias()), 4) + ")";
        double[] x = column(raw, 0);
        return sigmoidChart(raw.name() + ": the fitted sigmoid", Units.axisTitle(raw.name(), feature), x,
                raw.labels(), value -> model.probability(value), formula, model.boundary(threshold),
                feature + " = " + num(model.boundary(threshold), 4), threshold, w >= 0);
    }

    /** Three or more inputs: each row against its raw score z, on the sigmoid σ(z). */
    private static XYChart byRawScore(Dataset raw, Model model, double threshold) {
        double[] z = new double[raw.rows()];
        for (int i = 0; i < z.length; i++) {
            z[i] = model.z(raw.row(i));
        }
        double cut = Sigmoid.logit(threshold);
        return sigmoidChart(raw.name() + ": every row by its raw score", "raw score z = x·w + b", z, raw.labels(),
                Sigmoid::of, "p = σ(z)", cut, "z = " + num(cut, 4), threshold, true);
    }

    private static XYChart sigmoidChart(String title, String xAxis, double[] x, double[] labels,
            DoubleUnaryOperator p, String formula, double boundary, String boundaryName, double threshold,
            boolean rising) {
        double lo = min(x);
        double hi = max(x);
        double span = hi > lo ? hi - lo : 1;
        boolean showBoundary = Double.isFinite(boundary) && boundary >= lo - span && boundary <= hi + span;
        if (showBoundary) {
            lo = Math.min(lo, boundary);
            hi = Math.max(hi, boundary);
            span = hi > lo ? hi - lo : 1;
        }
        lo -= 0.1 * span;
        hi += 0.1 * span;

        XYChart chart = ChartStyle.chart(title, xAxis, "probability of Pass, p");
        XYStyler styler = chart.getStyler();
        styler.setXAxisMin(lo);
        styler.setXAxisMax(hi);
        styler.setYAxisMin(-0.05);
        styler.setYAxisMax(1.05);
        styler.setYAxisDecimalPattern("0.0");
        styler.setLegendPosition(rising ? LegendPosition.InsideNW : LegendPosition.InsideNE);

        double[] curveX = new double[CURVE_POINTS];
        double[] curveY = new double[CURVE_POINTS];
        for (int k = 0; k < CURVE_POINTS; k++) {
            curveX[k] = lo + (hi - lo) * k / (CURVE_POINTS - 1);
            curveY[k] = p.applyAsDouble(curveX[k]);
        }
        ChartStyle.line(chart, formula, curveX, curveY, ChartStyle.MODEL, ChartStyle.solid(2.5f));
        ChartStyle.line(chart, "threshold p = " + num(threshold), new double[] {lo, hi},
                new double[] {threshold, threshold}, ChartStyle.GUIDE, ChartStyle.dashes(2f, 8f, 6f));
        if (showBoundary) {
            ChartStyle.line(chart, "decision boundary: " + boundaryName, new double[] {boundary, boundary},
                    new double[] {-0.05, 1.05}, ChartStyle.MODEL, ChartStyle.dashes(2f, 12f, 4f, 3f, 4f));
        }
        addLabelled(chart, x, labels);
        double[] probabilities = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            probabilities[i] = p.applyAsDouble(x[i]);
        }
        ChartStyle.points(chart, "each row's p", x, probabilities, ChartStyle.MODEL, SeriesMarkers.CROSS);
        return chart;
    }

    /** The rows as points at their label's height, pass and fail in their colours. */
    private static void addLabelled(XYChart chart, double[] x, double[] labels) {
        for (int label = 1; label >= 0; label--) {
            List<Double> at = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (labels[i] == label) {
                    at.add(x[i]);
                }
            }
            if (!at.isEmpty()) {
                double[] xs = at.stream().mapToDouble(Double::doubleValue).toArray();
                double[] ys = new double[xs.length];
                java.util.Arrays.fill(ys, label);
                ChartStyle.points(chart, label == 1 ? "pass (label 1)" : "fail (label 0)", xs, ys,
                        label == 1 ? ChartStyle.PASS : ChartStyle.FAIL, label == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
        }
    }

    /** Two inputs: the rows in the plane, coloured by label, and the line where p = threshold. */
    private static XYChart twoInputs(Dataset raw, Model model, double threshold) {
        double[] box = box(raw);
        XYChart chart = plane(raw, raw.name() + ": the decision line", box);
        double[] w = model.weights();
        double cut = Sigmoid.logit(threshold);
        double[][] segment = clip(w[0], w[1], model.bias() - cut, box);
        if (segment != null) {
            ChartStyle.line(chart, "decision line: p = " + num(threshold), segment[0], segment[1], ChartStyle.MODEL,
                    ChartStyle.dashes(2.5f, 10f, 6f));
            sideLabels(chart, segment, w, box);
        }
        addRows(chart, raw);
        return chart;
    }

    /**
     * The part inside {@code box} (x from box[0] to box[1], y from box[2] to box[3]) of the line
     * a·x + b·y + c = 0, as {{x0, x1}, {y0, y1}}; {@code null} when the line misses the box.
     */
    static double[][] clip(double a, double b, double c, double[] box) {
        List<double[]> hits = new ArrayList<>();
        if (b != 0) {
            for (double x : new double[] {box[0], box[1]}) {
                double y = -(a * x + c) / b;
                if (y >= box[2] && y <= box[3]) {
                    hits.add(new double[] {x, y});
                }
            }
        }
        if (a != 0) {
            for (double y : new double[] {box[2], box[3]}) {
                double x = -(b * y + c) / a;
                if (x >= box[0] && x <= box[1]) {
                    hits.add(new double[] {x, y});
                }
            }
        }
        for (int i = 0; i < hits.size(); i++) {
            for (int j = i + 1; j < hits.size(); j++) {
                double[] p = hits.get(i);
                double[] q = hits.get(j);
                if (p[0] != q[0] || p[1] != q[1]) {
                    return new double[][] {{p[0], q[0]}, {p[1], q[1]}};
                }
            }
        }
        return null;
    }

    /** "Pass" and "Fail" written on either side of the line, a little away from its middle. */
    private static void sideLabels(XYChart chart, double[][] segment, double[] w, double[] box) {
        double width = box[1] - box[0];
        double height = box[3] - box[2];
        // z grows along (w1, w2); in the box's own proportions that is (w1·width, w2·height)
        double nx = w[0] * width;
        double ny = w[1] * height;
        double length = Math.hypot(nx, ny);
        double midX = (segment[0][0] + segment[0][1]) / 2;
        double midY = (segment[1][0] + segment[1][1]) / 2;
        for (int side = 1; side >= -1; side -= 2) {
            double u = clamp((midX - box[0]) / width + side * 0.14 * nx / length);
            double v = clamp((midY - box[2]) / height + side * 0.14 * ny / length);
            chart.addAnnotation(new AnnotationText(side > 0 ? "Pass side" : "Fail side", box[0] + u * width,
                    box[2] + v * height, false));
        }
    }

    private static double clamp(double unit) {
        return Math.max(0.1, Math.min(0.9, unit));
    }

    private static double[] column(Dataset data, int j) {
        double[] values = new double[data.rows()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.x(i, j);
        }
        return values;
    }

    private static double min(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The rows' bounding box, 12% wider on every side: {x1 min, x1 max, x2 min, x2 max}. */
    private static double[] box(Dataset raw) {
        double[] x1 = column(raw, 0);
        double[] x2 = column(raw, 1);
        double[] box = {min(x1), max(x1), min(x2), max(x2)};
        for (int a = 0; a < 4; a += 2) {
            double span = box[a + 1] > box[a] ? box[a + 1] - box[a] : 1;
            box[a] -= 0.12 * span;
            box[a + 1] += 0.12 * span;
        }
        return box;
    }

    /** An empty chart of the plane of the two inputs, over {@code box}, legend below. */
    private static XYChart plane(Dataset raw, String title, double[] box) {
        XYChart chart = ChartStyle.chart(title, Units.axisTitle(raw.name(), raw.featureNames().get(0)),
                Units.axisTitle(raw.name(), raw.featureNames().get(1)));
        XYStyler styler = chart.getStyler();
        styler.setXAxisMin(box[0]);
        styler.setXAxisMax(box[1]);
        styler.setYAxisMin(box[2]);
        styler.setYAxisMax(box[3]);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        return chart;
    }

    /** The rows as points in the plane, pass and fail in their colours. */
    private static void addRows(XYChart chart, Dataset raw) {
        for (int label = 1; label >= 0; label--) {
            List<double[]> at = new ArrayList<>();
            for (int i = 0; i < raw.rows(); i++) {
                if (raw.y(i) == label) {
                    at.add(raw.row(i));
                }
            }
            if (!at.isEmpty()) {
                ChartStyle.points(chart, label == 1 ? "pass (label 1)" : "fail (label 0)",
                        at.stream().mapToDouble(r -> r[0]).toArray(), at.stream().mapToDouble(r -> r[1]).toArray(),
                        label == 1 ? ChartStyle.PASS : ChartStyle.FAIL,
                        label == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
        }
    }

    /** Cells per side of the decision region's grid: fine enough to show a curve, few enough to draw fast. */
    private static final int GRID = 60;
    /** The region's colour bands, from p = 0 (fail's colour) to p = 1 (pass's). */
    private static final int BANDS = 10;

    /**
     * A network's picture: the loss per epoch and, for two inputs, the decision region, a heat map
     * of p over the plane (drawn as a {@value #GRID}×{@value #GRID} grid of squares in {@value #BANDS}
     * shades from fail's colour at p = 0 to pass's at p = 1) with the rows on it; for other data,
     * every row's p against its number, with the threshold. Drawn with XChart like the neuron's
     * picture, so --plot writes the same PNG or SVG layout.
     */
    public static List<XYChart> network(Dataset raw, Standardization scaling, NetworkResult result, double threshold) {
        XYChart loss = loss(raw, result.config(), result.lossHistory());
        Network network = result.network();
        if (raw.features() != 2) {
            double[] index = new double[raw.rows()];
            for (int i = 0; i < index.length; i++) {
                index[i] = i + 1;
            }
            XYChart rows = ChartStyle.chart(raw.name() + ": p of every row", "row", "p");
            addLabelled(rows, index, raw.labels());
            ChartStyle.points(rows, "p", index, result.probabilities(), ChartStyle.MODEL, SeriesMarkers.CROSS);
            ChartStyle.line(rows, "threshold " + num(threshold), new double[] {1, raw.rows()},
                    new double[] {threshold, threshold}, ChartStyle.GUIDE, ChartStyle.dashes(2f, 8f, 6f));
            return List.of(loss, rows);
        }
        double[] box = box(raw);
        XYChart region = plane(raw, raw.name() + ": the decision region", box);
        region.getStyler().setMarkerSize(12);
        List<List<double[]>> bands = new ArrayList<>();
        for (int band = 0; band < BANDS; band++) {
            bands.add(new ArrayList<>());
        }
        double[][] p = region(box, scaling, network, GRID);
        for (int a = 0; a < GRID; a++) {
            for (int c = 0; c < GRID; c++) {
                double[] x = {box[0] + (a + 0.5) * (box[1] - box[0]) / GRID, box[2] + (c + 0.5) * (box[3] - box[2]) / GRID};
                bands.get(Math.min(BANDS - 1, (int) (p[a][c] * BANDS))).add(x);
            }
        }
        for (int band = 0; band < BANDS; band++) {
            List<double[]> cells = bands.get(band);
            if (!cells.isEmpty()) {
                XYSeries series = ChartStyle.points(region, "p " + num((double) band / BANDS) + "–"
                        + num((double) (band + 1) / BANDS), cells.stream().mapToDouble(x -> x[0]).toArray(),
                        cells.stream().mapToDouble(x -> x[1]).toArray(), shade((band + 0.5) / BANDS), SeriesMarkers.SQUARE);
                series.setShowInLegend(false);
            }
        }
        addRows(region, raw);
        return List.of(loss, region);
    }

    /**
     * The plane around 2-D data's rows (a margin of 12% each side), as {x1 min, x1 max, x2 min, x2 max}:
     * the box the decision region is drawn over.
     */
    public static double[] regionBox(Dataset raw) {
        return box(raw);
    }

    /**
     * The decision region: p[a][c] is the network's p at the centre of cell (a, c) of a
     * {@code cells}×{@code cells} grid over {@code box}, a along the first input, c along the second.
     * Raw inputs are scaled as in training first.
     */
    public static double[][] region(double[] box, Standardization scaling, Network network, int cells) {
        double[][] p = new double[cells][cells];
        for (int a = 0; a < cells; a++) {
            for (int c = 0; c < cells; c++) {
                double[] x = {box[0] + (a + 0.5) * (box[1] - box[0]) / cells, box[2] + (c + 0.5) * (box[3] - box[2]) / cells};
                p[a][c] = network.probability(scaling == null ? x : scaling.apply(x));
            }
        }
        return p;
    }

    /** A pale mix of fail's colour (at 0) and pass's (at 1). */
    private static Color shade(double p) {
        Color fail = ChartStyle.FAIL;
        Color pass = ChartStyle.PASS;
        double pale = 0.55;
        int r = (int) Math.round(((1 - p) * fail.getRed() + p * pass.getRed()) * (1 - pale) + 255 * pale);
        int g = (int) Math.round(((1 - p) * fail.getGreen() + p * pass.getGreen()) * (1 - pale) + 255 * pale);
        int b = (int) Math.round(((1 - p) * fail.getBlue() + p * pass.getBlue()) * (1 - pale) + 255 * pale);
        return new Color(r, g, b);
    }
}
