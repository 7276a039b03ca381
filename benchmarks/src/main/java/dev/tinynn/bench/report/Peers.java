package dev.tinynn.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peers timed outside JMH, read from their scripts' JSON: NumPy's best batch epoch
 * ({@code numpy_epoch.py}) and scikit-learn's online epoch ({@code sklearn_online.py}), each
 * with a line saying which Python, NumPy, scikit-learn and BLAS kernel the figures came from.
 * A peer whose file is missing ("-" or absent) is empty, and the report says it was not run.
 */
record Peers(Map<String, Double> numpy, String numpyFrom, Map<String, Double> sklearn, String sklearnFrom,
        String sklearnCheck) {

    static Peers read(String numpyFile, String sklearnFile) throws IOException {
        Map<String, Double> numpy = new LinkedHashMap<>();
        String numpyFrom = "";
        JsonNode np = json(numpyFile);
        if (np != null) {
            np.path("sizes").properties().forEach(e -> numpy.put(e.getKey(), e.getValue().path("best_ns").asDouble()));
            JsonNode blas = np.path("blas");
            numpyFrom = "NumPy " + np.path("numpy").asText() + " on Python " + np.path("python").asText() + " ("
                    + np.path("executable").asText("?") + "), BLAS " + blas.path("library").asText("?") + ' '
                    + blas.path("version").asText("") + " with kernel " + blas.path("kernel").asText("?")
                    + " (from " + blas.path("source").asText("?") + "); OPENBLAS_CORETYPE "
                    + np.path("environment").path("OPENBLAS_CORETYPE").asText("unset") + ", OPENBLAS_L2_SIZE "
                    + np.path("environment").path("OPENBLAS_L2_SIZE").asText("unset");
        }
        Map<String, Double> sklearn = new LinkedHashMap<>();
        String sklearnFrom = "";
        String check = "";
        JsonNode sk = json(sklearnFile);
        if (sk != null) {
            sk.path("sizes").properties().forEach(e -> sklearn.put(e.getKey(), e.getValue().path("online_epoch_ns").asDouble()));
            sklearnFrom = "scikit-learn " + sk.path("sklearn").asText() + " with NumPy " + sk.path("numpy").asText()
                    + " on Python " + sk.path("python").asText() + " (" + sk.path("executable").asText() + ")";
            JsonNode c = sk.path("check");
            check = "one SGDClassifier epoch on " + c.path("data").asText() + " from w = " + c.path("initial_weights")
                    + ", b = " + c.path("initial_bias").asText() + ", lr = " + c.path("learning_rate").asText()
                    + " gives w = " + c.path("weights") + ", b = " + c.path("bias").asText();
        }
        return new Peers(numpy, numpyFrom, sklearn, sklearnFrom, check);
    }

    private static JsonNode json(String file) throws IOException {
        if (file == null || file.equals("-") || !Files.exists(Path.of(file))) {
            return null;
        }
        return new ObjectMapper().readTree(Path.of(file).toFile());
    }
}
