package dev.tinynn.fast;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.ThreadCount;
import dev.tinynn.core.spi.Workspace;

/**
 * The fast backend: loops over {@code double[]} like {@code plain}, rearranged so that the CPU and
 * the JIT can go faster, and spread over the machine's cores when the data are large. Pure Java
 * 17, no library, no native code; several values per instruction with the JDK's Vector API when
 * the JVM is started with {@code --add-modules jdk.incubator.vector} ({@link VectorKernel}), one
 * at a time otherwise ({@link ScalarKernel}). See {@link FastWorkspace} for what differs from
 * plain and why; {@code plain} remains the one to read first. Networks: {@link FastNetworkWorkspace},
 * a blocked matrix product ({@link VectorMatrixKernel} or {@link ScalarMatrixKernel}) on the same threads.
 *
 * <p>Threads: {@value #THREADS_PROPERTY} if set, otherwise one per core; small data (under
 * {@link FastWorkspace#PARALLEL_THRESHOLD} input values) always run on the calling thread.
 */
public final class FastBackend implements Backend {
    /** The system property that sets the number of threads, e.g. {@code -Dtinynn.fast.threads=1}. */
    public static final String THREADS_PROPERTY = "tinynn.fast.threads";

    @Override
    public String name() {
        return "fast";
    }

    @Override
    public String library() {
        return vectorApi
                ? "Java arrays (double[]), Vector API (" + VectorKernel.LANES + " lanes), multi-threaded"
                : "Java arrays (double[]), one value at a time, multi-threaded";
    }

    @Override
    public String version() {
        return "Java " + Runtime.version().feature();
    }

    private final boolean vectorApi;

    /** The backend ServiceLoader finds: the Vector API when this JVM has it. */
    public FastBackend() {
        this(vectorApi());
    }

    /** With {@code vectorApi} false, {@link ScalarKernel} even when the Vector API is there (the tests run both). */
    FastBackend(boolean vectorApi) {
        this.vectorApi = vectorApi;
    }

    @Override
    public Workspace open(Dataset data) {
        return new FastWorkspace(data, threads(), vectorApi);
    }

    @Override
    public NetworkWorkspace openNetwork(Dataset data, NetworkShape shape) {
        return new FastNetworkWorkspace(data, shape, threads(), vectorApi);
    }

    /**
     * True when this JVM has the Vector API, the incubator module {@code jdk.incubator.vector}
     * (started with {@code --add-modules jdk.incubator.vector}); without it the fast backend runs
     * the same steps one value at a time ({@link ScalarKernel}).
     */
    static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static int threads() {
        return ThreadCount.fromProperty(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }
}
