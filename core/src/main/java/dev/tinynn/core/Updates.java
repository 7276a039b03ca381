package dev.tinynn.core;

/**
 * When the weights move. The tutorial's two tabs do different things, and so give different
 * numbers: its pure-Python pages update after every row ({@link #ONLINE}), its NumPy tab once per
 * epoch from all rows together ({@link #BATCH}).
 */
public enum Updates implements Named {

    /**
     * One step per epoch, with the MEAN gradient over all n rows:
     * {@code w −= lr·Xᵀδ/n}, {@code b −= lr·Σδ/n}. (The NumPy tab uses the SUM, which is the
     * same step as the mean with a learning rate n times larger.)
     */
    BATCH("batch"),

    /**
     * One step per row, rows in data order, each with that row's own gradient and no 1/n:
     * {@code w −= lr·δᵢ·xᵢ}, {@code b −= lr·δᵢ}. Also called stochastic gradient descent.
     */
    ONLINE("online");

    private final String id;

    Updates(String id) {
        this.id = id;
    }

    /** The name used on the command line and in JSON: {@code batch} or {@code online}. */
    @Override
    public String id() {
        return id;
    }

    /** The schedule with this {@link #id()}; the error message lists the valid names. */
    public static Updates byId(String id) {
        return Named.byId("updates", id, values());
    }

    @Override
    public String toString() {
        return id;
    }
}
