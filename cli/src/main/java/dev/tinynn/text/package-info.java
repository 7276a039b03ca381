/**
 * What tinynn writes for a person to read on the terminal: numbers ({@link dev.tinynn.text.Numbers}),
 * formulas with the data's own names ({@link dev.tinynn.text.Formulas}), core's diagnoses in plain
 * words ({@link dev.tinynn.text.Warnings}), and the printers of the commands: the explanation of a
 * training run ({@link dev.tinynn.text.NeuronExplanation}, {@link dev.tinynn.text.NetworkExplanation}),
 * the trace, the learning-rate lab and threshold experiment, and the progress bar on stderr.
 *
 * <p>Why here, not in {@link dev.tinynn.cli}: these classes print, the commands decide. Keeping them
 * apart leaves each command a short list of checks and calls, and lets the terminal tutorial
 * ({@link dev.tinynn.terminal}) share the same numbers and formulas. A printer gets what it prints
 * as values ({@link dev.tinynn.text.TrainingData}, core's results) and knows no command, option or
 * picocli; it depends on core, the tutorial's number format and the progressbar library.
 */
package dev.tinynn.text;
