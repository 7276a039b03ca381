package dev.tinynn.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/** Counts the operations ND4J's profiler sees, for the tests that pin how many native calls a step makes. */
final class ProfiledOperations {
    private ProfiledOperations() {
    }

    /**
     * How many times ND4J's profiler sees each of {@code names} while {@code run} runs, by ND4J's
     * name for it (names it never saw left out); fails if it saw an operation not in {@code names}.
     * Profiling is on only while {@code run} runs.
     */
    static Map<String, Long> during(List<String> names, Runnable run) {
        try {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
            OpProfiler.getInstance().reset();
            run.run();
            Map<String, Long> counts = new TreeMap<>();
            for (String name : names) {
                long count = OpProfiler.getInstance().getOpCounter().getCount(name);
                if (count > 0) {
                    counts.put(name, count);
                }
            }
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum())
                    .as("every profiled operation is one of the names above")
                    .isEqualTo(OpProfiler.getInstance().getInvocationsCount());
            return counts;
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build()); // ND4J's default: off
        }
    }
}
