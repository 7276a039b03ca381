package dev.tinynn.bench;

import dev.tinynn.core.Backends;
import dev.tinynn.core.Dataset;
import dev.tinynn.core.Loss;
import dev.tinynn.core.NetworkTrainer;
import dev.tinynn.core.spi.NetworkWorkspace;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes what the Python peers need to train exactly the network the JMH benchmarks train, and to
 * check that they did: for each {@link Networks network}, {@code NET.f64} (little-endian doubles,
 * NumPy's {@code np.fromfile(..., "<f8")}) and {@code NET.json} (the sizes and the layout).
 *
 * <pre>
 *   NET.f64 = X (n·d, row-major) | y (n) | initial W₁ (d·H, row-major), b₁ (H), w₂ (H), b₂ (1)
 *           | after one batch epoch: W₁, b₁, w₂, b₂ | after one online epoch (the online networks only): W₁, b₁, w₂, b₂
 * </pre>
 *
 * The weights after one epoch are tinynn's plain backend's (learning rate 0.1, cross-entropy,
 * sigmoid hidden units), checked here against the plain floor's ({@link NetworkFloors.ArraysFloor},
 * written separately) within {@link Networks#TOLERANCE}. A peer (benchmarks/network_peers.py) trains
 * one epoch from the initial weights and is timed only if its weights agree within the same tolerance.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.tinynn.bench.NetworkExchange OUTDIR [NET,NET...]
 * </pre>
 */
public final class NetworkExchange {
    private NetworkExchange() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: NetworkExchange OUTDIR [NET,NET...]   (networks: " + String.join(",", all()) + ")");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (String net : args.length > 1 ? new LinkedHashSet<>(List.of(args[1].split(","))) : all()) {
            String reference = write(out, net);
            System.err.println("network exchange: " + out.resolve(net + ".f64") + " (reference: " + reference + ")");
        }
    }

    /** Every network of the batch and online sweeps, once each. */
    static List<String> all() {
        Set<String> nets = new TreeSet<>((a, b) -> Double.compare(Networks.flops(a), Networks.flops(b)));
        nets.addAll(Networks.BATCH);
        nets.addAll(Networks.ONLINE);
        return new ArrayList<>(nets);
    }

    /** Writes NET.f64 and NET.json into {@code out}; returns where the reference weights came from. */
    static String write(Path out, String net) throws IOException {
        Dataset data = Networks.dataset(net);
        int h = Networks.hidden(net);
        double[][] initial = Networks.initialLayers(net);
        boolean online = Networks.ONLINE.contains(net);

        NetworkFloors.ArraysFloor floor = new NetworkFloors.ArraysFloor(data, h);
        floor.set(initial);
        double loss = floor.epoch(BenchData.LEARNING_RATE);
        double[][] batch = floor.layers();
        double[][] afterOnline = null;
        if (online) {
            floor.set(initial);
            floor.onlineEpoch(BenchData.LEARNING_RATE);
            afterOnline = floor.layers();
        }
        try (NetworkWorkspace ws = Backends.named("plain").openNetwork(data, Networks.shape(net))) {
            OpenNetwork.set(ws, initial);
            NetworkTrainer.batchEpoch(ws, Loss.CROSS_ENTROPY, BenchData.LEARNING_RATE);
            Networks.check("the plain floor", batch, OpenNetwork.layers(ws));
            batch = OpenNetwork.layers(ws);
            if (online) {
                OpenNetwork.set(ws, initial);
                NetworkTrainer.onlineEpoch(ws, Loss.CROSS_ENTROPY, BenchData.LEARNING_RATE);
                Networks.check("the plain floor's online epoch", afterOnline, OpenNetwork.layers(ws));
                afterOnline = OpenNetwork.layers(ws);
            }
        }
        String reference = "tinynn plain (the plain floor agrees within " + Networks.TOLERANCE + ")";

        try (OutputStream file = Files.newOutputStream(out.resolve(net + ".f64"));
                DataOutputStream stream = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
            write(stream, data.rowMajor());
            write(stream, data.labels());
            for (double[][] layers : online ? new double[][][] {initial, batch, afterOnline} : new double[][][] {initial, batch}) {
                for (double[] values : layers) {
                    write(stream, values);
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("net", net);
        meta.put("rows", data.rows());
        meta.put("features", data.features());
        meta.put("hidden", h);
        meta.put("activation", "sigmoid");
        meta.put("loss", "cross-entropy");
        meta.put("learning_rate", BenchData.LEARNING_RATE);
        meta.put("batch_loss", loss);
        meta.put("online", online);
        meta.put("tolerance", Networks.TOLERANCE);
        meta.put("reference", reference);
        meta.put("layout", "X (rows*features) | y (rows) | initial W1 (features*hidden), b1 (hidden), w2 (hidden), b2 (1)"
                + " | after one batch epoch: W1, b1, w2, b2" + (online ? " | after one online epoch: W1, b1, w2, b2" : ""));
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve(net + ".json").toFile(), meta);
        return reference;
    }

    private static void write(DataOutputStream stream, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        stream.write(buffer.array());
    }
}
