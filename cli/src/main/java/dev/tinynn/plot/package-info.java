/**
 * The pictures {@code --plot} writes, drawn by XChart: the shared look of every chart
 * ({@link dev.tinynn.plot.ChartStyle}), the loss-curve chart ({@link dev.tinynn.plot.LossChart}),
 * what {@code train} draws ({@link dev.tinynn.plot.TrainPlot}) and what {@code lab} draws
 * ({@link dev.tinynn.plot.LabPlot}), and the PNG or SVG file they go into
 * ({@link dev.tinynn.plot.PlotFile}).
 *
 * <p>Why the look and the loss chart are two classes: every chart uses the look, and only the loss
 * curves of {@code train} and {@code lab} use the loss chart; one name for both hid which was which.
 */
package dev.tinynn.plot;
