package dev.tinynn.bench;

import dev.tinynn.core.Dataset;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * How both Deeplearning4j benchmarks ({@link Dl4jBenchmark}, {@link Dl4jNetworkBenchmark}) set
 * DL4J up, written once so the neuron and the network are compared under the same settings:
 * double precision, plain SGD at {@link BenchData#LEARNING_RATE}, zero initial weights (each
 * benchmark sets its own), and a sigmoid output neuron on binary cross-entropy (XENT).
 */
final class Dl4jPeer {
    private Dl4jPeer() {
    }

    /** X, n×d, from the data's row-major values. */
    static INDArray inputs(Dataset data) {
        return Nd4j.create(data.rowMajor(), new long[] {data.rows(), data.features()}, DataType.DOUBLE);
    }

    /** y, n×1. */
    static INDArray labels(Dataset data) {
        return Nd4j.create(data.labels(), new long[] {data.rows(), 1}, DataType.DOUBLE);
    }

    /** The layers' list, after the settings every layer shares. */
    static NeuralNetConfiguration.ListBuilder layers() {
        return new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(BenchData.LEARNING_RATE))
                .weightInit(WeightInit.ZERO)
                .list();
    }

    /** The output neuron: {@code inputs} → 1, sigmoid, binary cross-entropy. */
    static OutputLayer output(int inputs) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                .nIn(inputs).nOut(1).activation(Activation.SIGMOID).build();
    }
}
