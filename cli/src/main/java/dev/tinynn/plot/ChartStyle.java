package dev.tinynn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look every tinynn chart shares (sizes, fonts, colours) and the series it draws with (points,
 * lines). XChart draws everything: axes, ticks, titles, legends; tinynn only chooses what goes in.
 */
final class ChartStyle {
    /** One panel's size in pixels; pictures with two panels are twice as wide. */
    static final int WIDTH = 720;
    static final int HEIGHT = 500;

    /** Pass and fail: blue and orange, which also people with red-green colour blindness tell apart. */
    static final Color PASS = new Color(0x1f, 0x77, 0xb4);
    static final Color FAIL = new Color(0xe0, 0x6c, 0x00);
    static final Color MODEL = new Color(0x33, 0x33, 0x33);
    static final Color GUIDE = new Color(0x88, 0x88, 0x88);

    private ChartStyle() {
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
