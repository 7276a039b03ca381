package dev.tinynn.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's thread settings for benchmarks that call ND4J directly (the raw floor, Deeplearning4j),
 * made the same way the nd4j backend makes them, so that a floor and the backend it is the floor
 * of run with the same number of threads.
 */
public final class Nd4jThreads {
    private Nd4jThreads() {
    }

    /** ND4J's own default: one native thread per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** tinynn's nd4j backend will use one thread. */
    static void useOne() {
        System.setProperty("tinynn.nd4j.threads", "1");
    }

    /** tinynn's nd4j backend will use ND4J's default, one thread per core. */
    static void useDefault() {
        System.setProperty("tinynn.nd4j.threads", Integer.toString(defaultThreads()));
    }

    /** Starts ND4J in double precision with this many native threads (OpenMP, libnd4j, OpenBLAS). */
    public static void start(int threads) {
        System.setProperty("org.nd4j.log.initialization", "false");
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** The threads for a library/backend name: {@code nd4j-default} gets ND4J's default, all else 1. */
    public static int forName(String name) {
        return name.endsWith("-default") ? defaultThreads() : 1;
    }
}
