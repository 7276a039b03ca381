package dev.tinynn.fast;

import dev.tinynn.core.Dataset;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.core.spi.ThreadCount;
import dev.tinynn.core.spi.Workspace;

/**
 * The fast backend: loops over {@code double[]} like {@code plain}, rearranged so that the CPU and
 * the JIT can go faster, and spread over the machine's cores when the data are large. Pure Java
 * 17, no library, no native code, no incubator module. See {@link FastWorkspace} for what differs
 * from plain and why; {@code plain} remains the one to read first.
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
        return "Java arrays (double[]), unrolled and multi-threaded";
    }

    @Override
    public String version() {
        return "Java " + Runtime.version().feature();
    }

    @Override
    public Workspace open(Dataset data) {
        return new FastWorkspace(data, threads());
    }

    static int threads() {
        return ThreadCount.fromProperty(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }
}
