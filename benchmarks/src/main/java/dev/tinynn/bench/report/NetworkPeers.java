package dev.tinynn.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network peers timed outside JMH, read from {@code network_peers.py}'s JSON files (one per
 * Python: NumPy's newest on one, PyTorch and scikit-learn on Debian's): each peer's batch epoch per
 * network, PyTorch's online epoch, NumPy's {@code @} as a dgemm ceiling, and every weight check.
 * A peer whose check failed at a network has no time there; {@link #failures} says why.
 *
 * @param batch peer name ("NumPy", "PyTorch", "scikit-learn") → network → ns per epoch
 * @param online peer name → network → ns per online epoch
 * @param dgemm a label ("NumPy 2.4.6 @, OpenBLAS 0.3.31 SkylakeX") → n ("1024") → {all cores, one thread} GFLOP/s
 * @param from one line per file: which Python, libraries, BLAS kernel and threads
 * @param checks one line per peer: the largest weight difference over the networks it was timed on
 * @param failures one line per network a peer was not timed on
 */
record NetworkPeers(Map<String, Map<String, Double>> batch, Map<String, Map<String, Double>> online,
        Map<String, Map<String, double[]>> dgemm, List<String> from, List<String> checks, List<String> failures) {

    static final Map<String, String> NAMES = Map.of("numpy", "NumPy", "torch", "PyTorch", "sklearn", "scikit-learn");

    static NetworkPeers none() {
        return new NetworkPeers(Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** Reads the files named in a comma-separated list; "-" and missing files are skipped. */
    static NetworkPeers read(String files) throws IOException {
        Map<String, Map<String, Double>> batch = new LinkedHashMap<>();
        Map<String, Map<String, Double>> online = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> dgemm = new LinkedHashMap<>();
        List<String> from = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String file : files == null ? new String[0] : files.split(",")) {
            if (file.isBlank() || file.equals("-") || !Files.exists(Path.of(file))) {
                continue;
            }
            JsonNode json = new ObjectMapper().readTree(Path.of(file).toFile());
            JsonNode blas = json.path("blas");
            String kernel = blas.path("library").asText("?") + ' ' + blas.path("version").asText("") + ' '
                    + blas.path("kernel").asText("?");
            StringBuilder line = new StringBuilder("Python " + json.path("python").asText() + " ("
                    + json.path("executable").asText() + "): NumPy " + json.path("numpy").asText() + " on " + kernel
                    + " (from " + blas.path("source").asText("?") + "), " + json.path("threads").asText() + " threads");
            if (json.has("torch")) {
                line.append("; PyTorch ").append(json.path("torch").asText()).append(" with ")
                        .append(json.path("torch_threads").asText()).append(" threads");
                json.path("torch_config").forEach(c -> line.append(", ").append(c.asText()));
            }
            if (json.has("sklearn")) {
                line.append("; scikit-learn ").append(json.path("sklearn").asText());
            }
            if (json.path("blas_libraries").size() > 1) {
                line.append("; BLAS libraries loaded by the end:");
                json.path("blas_libraries").forEach(b -> line.append(' ').append(b.asText()));
            }
            line.append("; OPENBLAS_CORETYPE ").append(json.path("environment").path("OPENBLAS_CORETYPE").asText("unset"))
                    .append(", OPENBLAS_L2_SIZE ").append(json.path("environment").path("OPENBLAS_L2_SIZE").asText("unset"));
            from.add(line.toString());
            json.path("dgemm").properties().forEach(e -> dgemm
                    .computeIfAbsent("NumPy " + json.path("numpy").asText() + " `@` (" + kernel + ")", k -> new LinkedHashMap<>())
                    .put(e.getKey(), new double[] {e.getValue().path("all_gflops").asDouble(), e.getValue().path("one_gflops").asDouble()}));
            timed(json.path("batch"), batch, "", checks, failures);
            timed(json.path("online"), online, " (online)", checks, failures);
        }
        return new NetworkPeers(batch, online, dgemm, from, checks, failures);
    }

    private static void timed(JsonNode kind, Map<String, Map<String, Double>> into, String suffix, List<String> checks,
            List<String> failures) {
        kind.properties().forEach(peer -> {
            String name = NAMES.getOrDefault(peer.getKey(), peer.getKey());
            double worst = 0;
            int ok = 0;
            for (Map.Entry<String, JsonNode> net : peer.getValue().properties()) {
                JsonNode check = net.getValue().path("check");
                if (check.path("ok").asBoolean(false) && net.getValue().has("epoch_ns")) {
                    into.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(net.getKey(), net.getValue().path("epoch_ns").asDouble());
                    worst = Math.max(worst, check.path("max_difference").asDouble());
                    ok++;
                } else {
                    failures.add(name + suffix + " at " + net.getKey() + ": not timed, its weights after one epoch differ from"
                            + " tinynn's by " + Format.sci(check.path("max_difference").asDouble(Double.NaN)) + " (allowed "
                            + check.path("tolerance").asText("1e-9") + ")");
                }
            }
            if (ok > 0) {
                checks.add(name + suffix + ": weights after one epoch within " + Format.sci(worst) + " of tinynn's at all "
                        + ok + " networks it was timed on");
            }
        });
    }

    /** A peer's batch epoch at a network, or null. */
    Double batch(String peer, String net) {
        return batch.getOrDefault(peer, Map.of()).get(net);
    }
}
