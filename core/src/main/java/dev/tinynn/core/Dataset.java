package dev.tinynn.core;

import java.util.List;

/**
 * Rows of inputs x with a 0/1 label y each: the table the neuron learns from.
 *
 * <p>The inputs are kept as one row-major array, n rows of d features, the layout every backend
 * library expects. A Dataset is checked when it is made and never changes afterwards, so the
 * training loop and the backends can trust it.
 */
public final class Dataset {
    private final String name;
    private final List<String> featureNames;
    private final int rows;
    private final int features;
    private final double[] x;
    private final double[] y;

    private Dataset(String name, List<String> featureNames, int rows, double[] x, double[] y) {
        this.name = name;
        this.featureNames = featureNames;
        this.rows = rows;
        this.features = featureNames.size();
        this.x = x;
        this.y = y;
    }

    /**
     * A dataset from rows of inputs and their labels.
     *
     * @throws IllegalArgumentException naming the problem: no rows, rows of different lengths, a
     *     feature name missing or repeated, a NaN or infinite input, a label other than 0 or 1
     */
    public static Dataset of(String name, List<String> featureNames, double[][] x, double[] y) {
        List<String> names = List.copyOf(featureNames);
        if (x.length == 0) {
            throw new IllegalArgumentException("dataset '" + name + "' is empty: it needs at least one row");
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException("dataset '" + name + "' has " + x.length + " rows but "
                    + y.length + " labels: every row needs exactly one label");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "' has no features: a neuron needs at least one input");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("dataset '" + name + "' names a feature twice: " + names);
        }
        int d = names.size();
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " of '" + name + "' has " + x[i].length
                        + " values but there are " + d + " features " + names + ": every row needs one value per feature");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("row " + i + ", feature '" + names.get(j) + "' of '" + name
                            + "' is " + x[i][j] + ": inputs must be finite numbers");
                }
                flat[i * d + j] = x[i][j];
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("row " + i + " of '" + name + "' has label " + y[i]
                        + ": labels must be 0 (fail) or 1 (pass)");
            }
        }
        return new Dataset(name, names, x.length, flat, y.clone());
    }

    /** This dataset with one more row at the end (the tutorial's page-5 exercise adds (5, 1)). */
    public Dataset withRow(String newName, double[] row, double label) {
        double[][] grown = new double[rows + 1][];
        double[] labels = new double[rows + 1];
        for (int i = 0; i < rows; i++) {
            grown[i] = row(i);
            labels[i] = y[i];
        }
        grown[rows] = row;
        labels[rows] = label;
        return of(newName, featureNames, grown, labels);
    }

    public String name() {
        return name;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** n, the number of rows. */
    public int rows() {
        return rows;
    }

    /** d, the number of features (inputs) per row. */
    public int features() {
        return features;
    }

    /** The input of row i, feature j. */
    public double x(int i, int j) {
        return x[i * features + j];
    }

    /** The label of row i: 0 or 1. */
    public double y(int i) {
        return y[i];
    }

    /** A copy of row i's inputs. */
    public double[] row(int i) {
        double[] copy = new double[features];
        System.arraycopy(x, i * features, copy, 0, features);
        return copy;
    }

    /** A copy of all inputs, n×d row-major: row i, feature j at index i·d + j. */
    public double[] rowMajor() {
        return x.clone();
    }

    /** A copy of the labels. */
    public double[] labels() {
        return y.clone();
    }

    @Override
    public String toString() {
        return name + " (" + rows + (rows == 1 ? " row" : " rows") + " of " + featureNames + ")";
    }
}
