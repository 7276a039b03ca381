package dev.tinynn.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tinynn.cli.Cli;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.Model;
import dev.tinynn.core.Standardization;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Element;

/** {@code --plot} on train and lab: real files of the expected size and kind, and charts that hold the model's numbers. */
class PlotTest {
    @TempDir
    Path dir;

    @Test
    void trainDrawsTwoPanelsIntoAPng() throws Exception {
        Path file = dir.resolve("train.png");
        Cli cli = Cli.run("train", "--initial-weights", "0.1", "--plot", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("plotted   the loss and the fitted sigmoid to " + file);
        assertPng(file, 2 * ChartStyle.WIDTH, ChartStyle.HEIGHT);
        assertThat(files()).containsExactly("train.png"); // no temporary file left behind
    }

    @Test
    void trainDrawsAnSvgWhenTheNameSaysSo() throws Exception {
        Path file = dir.resolve("train.SVG");
        Cli cli = Cli.run("train", "--data", "study-sleep", "--initial-weights", "0.1,0.1", "--plot", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Element svg = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 " + 2 * ChartStyle.WIDTH + " " + ChartStyle.HEIGHT);
        String text = Files.readString(file); // XChart's letters are drawn as outlines, so there is no <text>
        assertThat(text.contains("<path")).as("drawn as paths").isTrue();
        assertThat(text.contains("translate(" + ChartStyle.WIDTH + " 0)")).as("the second panel beside the first").isTrue();
        assertThat(text.contains("<image")).as("no bitmap inside").isFalse();
    }

    @Test
    void twoAndThreeInputsAndStandardisedInputsArePlottedToo() throws Exception {
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "a,b,c,passed\n1,5,2,0\n2,6,1,0\n3,7,3,1\n4,8,2,1\n2.5,5,1,1\n");
        for (String[] args : List.of(new String[] {"--data", "study-sleep"},
                new String[] {"--data", "quiz-attendance", "--standardize"}, new String[] {"--data", csv.toString()})) {
            Path file = dir.resolve("plot.png");
            Cli cli = Cli.run(Stream.concat(Stream.of("train", "--plot", file.toString()), Stream.of(args))
                    .toArray(String[]::new));
            assertThat(cli.exitCode()).as(String.join(" ", args) + ": " + cli.err()).isZero();
            assertPng(file, 2 * ChartStyle.WIDTH, ChartStyle.HEIGHT);
        }
    }

    @Test
    void labDrawsOneCurvePerLearningRate() throws Exception {
        Path file = dir.resolve("lab.png");
        Files.writeString(file, "an older picture");
        Cli cli = Cli.run("lab", "--plot", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("plotted   the loss curves to " + file);
        assertPng(file, ChartStyle.WIDTH, ChartStyle.HEIGHT);
        assertThat(files()).containsExactly("lab.png");
    }

    @Test
    void theSigmoidPanelMarksTheLearnedBoundaryAndThreshold() {
        TrainingResult result = Trainer.train(Backends.named("plain"), Datasets.studyHours(),
                TrainingConfig.tutorial().withInitialWeights(0.1));
        List<XYChart> charts = TrainPlot.charts(Datasets.studyHours(), null, result, 0.5);
        assertThat(charts).hasSize(2);
        XYChart loss = charts.get(0);
        assertThat(loss.getYAxisTitle()).isEqualTo("mean cross-entropy loss (not the tutorial's Σ(y − p)²)"); // 0.70 to 0.059: linear
        XYSeries curve = loss.getSeries("learning rate 0.1, online updates");
        assertThat(curve.getYData()).hasSize(1000);
        assertThat(curve.getYData()[999]).isEqualTo(result.lossHistory()[999]);

        XYChart data = charts.get(1);
        assertThat(data.getXAxisTitle()).isEqualTo("hours of study");
        assertThat(data.getYAxisTitle()).isEqualTo("probability of Pass, p");
        assertThat(data.getSeriesCollection().stream().map(XYSeries::getName)).containsExactlyInAnyOrder("p = σ(4.302·hours − 10.51)", "threshold p = 0.5",
                "decision boundary: hours = 2.443", "pass (label 1)", "fail (label 0)", "each row's p");
        XYSeries boundary = data.getSeries("decision boundary: hours = 2.443");
        assertThat(boundary.getXData()).containsOnly(result.model().boundary(0.5));
        assertThat(data.getSeries("each row's p").getYData()).containsExactly(result.probabilities(),
                within(1e-15));
    }

    @Test
    void theLossAxisIsLogarithmicWhenItSpansMoreThanAFactor100() {
        XYChart narrow = LossChart.lossCurves("t", "cross-entropy", List.of(new LossChart.LossCurve("a", new double[] {1, 0.011})));
        XYChart wide = LossChart.lossCurves("t", "squared-error", List.of(new LossChart.LossCurve("a", new double[] {1, 0.5}),
                new LossChart.LossCurve("b", new double[] {0.5, 0.009})));
        assertThat(narrow.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(wide.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(wide.getYAxisTitle()).isEqualTo("mean squared error (the tutorial printed the sum, Σ(y − p)²), log scale");
        assertThat(LossChart.logScale(0, 1)).as("a loss of 0 cannot go on a log axis").isFalse();
    }

    @Test
    void longRunsAreSampledAndDivergedRunsStopAtTheirLastNumber() {
        double[] losses = new double[5000];
        for (int e = 0; e < losses.length; e++) {
            losses[e] = 1.0 / (e + 1);
        }
        double[][] sampled = LossChart.sample(losses);
        assertThat(sampled[0]).hasSize(LossChart.MAX_POINTS).startsWith(0).endsWith(4999);
        assertThat(sampled[1][LossChart.MAX_POINTS - 1]).isEqualTo(1.0 / 5000);
        assertThat(LossChart.sample(new double[] {0.7, 3, Double.POSITIVE_INFINITY, Double.NaN})[0]).containsExactly(0, 1);
    }

    @Test
    void theDecisionLineIsClippedToThePlot() {
        double[] box = {0, 1, 0, 1};
        assertThat(TrainPlot.clip(1, -1, 0, box)).isDeepEqualTo(new double[][] {{0, 1}, {0, 1}}); // x − y = 0
        assertThat(TrainPlot.clip(1, 0, -0.25, box)).isDeepEqualTo(new double[][] {{0.25, 0.25}, {0, 1}}); // x = 1/4
        assertThat(TrainPlot.clip(1, 1, -5, box)).isNull(); // x + y = 5 misses the box
    }

    @Test
    void aStandardisedNeuronIsDrawnInTheInputsOwnUnits() {
        Dataset raw = Datasets.quizAttendance();
        Standardization scaling = Standardization.of(raw);
        Model model = new Model(new double[] {2.15, 2.59}, -0.08);
        Model inRaw = TrainPlot.inRawUnits(model, scaling);
        for (int i = 0; i < raw.rows(); i++) {
            assertThat(inRaw.z(raw.row(i))).isCloseTo(model.z(scaling.apply(raw.row(i))), within(1e-12));
        }
    }

    @Test
    void plotsAreDrawnWithoutAScreen() {
        LossChart.lossCurves("t", "cross-entropy", List.of(new LossChart.LossCurve("a", new double[] {1})));
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    private static void assertPng(Path file, int width, int height) throws IOException {
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
