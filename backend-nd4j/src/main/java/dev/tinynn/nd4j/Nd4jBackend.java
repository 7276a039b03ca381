package dev.tinynn.nd4j;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.NetworkShape;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.NetworkWorkspace;
import dev.tinynn.core.spi.ThreadCount;
import dev.tinynn.core.spi.Workspace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The neuron on ND4J, the array library under Deeplearning4j: its CPU backend runs C++ kernels
 * (libnd4j) and OpenBLAS through JNI. Same arithmetic as {@code plain}, in ND4J's words; see
 * {@link Nd4jWorkspace}.
 *
 * <p>Creating this object does nothing (the service loader creates it just to ask its name). The
 * first {@link #open} starts ND4J, which is slow: it loads the native libraries, switches every
 * array to double precision, and sets the number of native threads. If the native code cannot
 * load, {@code open} throws an {@link IllegalStateException} whose message is one line saying so
 * and naming the other backends, not a stack trace.
 *
 * <p>Threads: {@value #THREADS_PROPERTY} if set; otherwise {@code OMP_NUM_THREADS} if set;
 * otherwise 1. One, because everything here is memory-bound vector arithmetic, too small to pay for
 * a second thread: ND4J's own default (one thread per core, for its OpenMP loops, its thread pool
 * and OpenBLAS) was several times slower, and slower still when another program wanted a core
 * (measured: benchmarks/results/design-notes.md#nd4jbackend). The number is set at run time, after
 * ND4J has loaded, in all three places that have one: OpenMP, libnd4j's master-thread limit, and
 * OpenBLAS (OMP_NUM_THREADS alone would have to be in the environment before the JVM starts).
 */
public final class Nd4jBackend implements Backend {
    /** The system property that sets the number of native threads, e.g. {@code -Dtinynn.nd4j.threads=2}. */
    public static final String THREADS_PROPERTY = "tinynn.nd4j.threads";

    /** ND4J's version: the nd4j-native artifact this module depends on (its jars carry no version of their own). */
    static final String ND4J_VERSION = "1.0.0-M2.1";

    /** ND4J logs its start-up (backend, threads, memory) at INFO unless this property is "false". */
    private static final String LOG_INITIALIZATION = "org.nd4j.log.initialization";

    /** Why ND4J could not start, once it has failed: later opens give the same one line. */
    private static String failure;
    private static boolean started;

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public String library() {
        return "ND4J";
    }

    @Override
    public String version() {
        return ND4J_VERSION;
    }

    @Override
    public Workspace open(Dataset data) {
        start();
        return new Nd4jWorkspace(data);
    }

    @Override
    public NetworkWorkspace openNetwork(Dataset data, NetworkShape shape) {
        start();
        return new Nd4jNetworkWorkspace(data, shape);
    }

    /** Starts ND4J once per JVM: quiet, double precision, and the number of threads from {@link #threads}. */
    private static synchronized void start() {
        if (started) {
            return;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        int threads = threads(System.getProperty(THREADS_PROPERTY), System.getenv("OMP_NUM_THREADS"));
        if (System.getProperty(LOG_INITIALIZATION) == null) {
            System.setProperty(LOG_INITIALIZATION, "false");
        }
        try {
            Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        } catch (RuntimeException | LinkageError e) {
            failure = nativeLoadFailure(e);
            throw new IllegalStateException(failure);
        }
        started = true;
    }

    /**
     * The number of native threads: the system property if set, else {@code OMP_NUM_THREADS} if it
     * is a positive whole number, else 1.
     */
    static int threads(String property, String ompNumThreads) {
        if (property != null) {
            return ThreadCount.parse(THREADS_PROPERTY, property, 1);
        }
        // OMP_NUM_THREADS is not ours to judge (ND4J reads it too): a value that is no count means our default
        try {
            return ompNumThreads == null ? 1 : ThreadCount.parse("OMP_NUM_THREADS", ompNumThreads, 1);
        } catch (IllegalArgumentException notACount) {
            return 1;
        }
    }

    /**
     * One line for a user whose ND4J would not start: what failed, the innermost reason (ND4J wraps
     * the {@link UnsatisfiedLinkError} from JavaCPP two or three levels deep), and what to do instead.
     */
    static String nativeLoadFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().strip();
        reason = reason.replaceAll("\\s+", " ");
        if (reason.length() > 300) {
            reason = reason.substring(0, 299) + "…";
        }
        return "the nd4j backend could not load its native library (" + reason
                + "); use --backend plain or --backend ejml";
    }
}
