package dev.tinynn.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.BackendConformance;
import dev.tinynn.core.Backends;
import dev.tinynn.core.Datasets;
import dev.tinynn.core.ForwardBackward;
import dev.tinynn.core.Loss;
import dev.tinynn.core.Model;
import dev.tinynn.core.Trainer;
import dev.tinynn.core.TrainingConfig;
import dev.tinynn.core.TrainingListener;
import dev.tinynn.core.TrainingResult;
import dev.tinynn.core.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared conformance suite, run on plain Java arrays. */
class PlainBackendConformanceTest extends BackendConformance {

    @Override
    protected Backend backend() {
        return Backends.named("plain");
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(backend()).isInstanceOf(PlainBackend.class);
        assertThat(Backends.available()).extracting(Backend::name).contains("plain");
        assertThat(backend().library()).isEqualTo("Java arrays (double[])");
        assertThat(backend().version()).isEqualTo("Java " + Runtime.version().feature());
    }

    @Test
    void theOverloadsThatTakeABackendsNameUsePlain() {
        TrainingConfig config = TrainingConfig.tutorial().withEpochs(3).withInitialWeights(0.1);
        TrainingResult byBackend = Trainer.train(backend(), Datasets.studyHours(), config);
        TrainingResult byName = Trainer.train("plain", Datasets.studyHours(), config);
        assertThat(byName.weights()).isEqualTo(byBackend.weights());
        assertThat(byName.backend()).isEqualTo("plain");
        List<Integer> epochs = new ArrayList<>();
        TrainingResult heard = Trainer.train("plain", Datasets.studyHours(), config, new TrainingListener() {
            @Override
            public void onEpochDone(int epoch, double loss) {
                epochs.add(epoch);
            }
        });
        assertThat(heard.weights()).isEqualTo(byBackend.weights());
        assertThat(epochs).containsExactly(0, 1, 2);
        Model model = new Model(new double[] {0.1}, 0);
        assertThat(ForwardBackward.at("plain", Datasets.studyHours(), model, Loss.CROSS_ENTROPY).p())
                .isEqualTo(ForwardBackward.at(backend(), Datasets.studyHours(), model, Loss.CROSS_ENTROPY).p());
    }
}
