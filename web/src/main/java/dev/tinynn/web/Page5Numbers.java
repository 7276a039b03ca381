package dev.tinynn.web;

import dev.tinynn.core.Decision;
import dev.tinynn.core.spi.Backend;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.web.api.Page5Json;
import java.util.ArrayList;
import java.util.List;

/** Page 5's numbers: the example neuron's predictions, the quiz's questions and the Retrain fields' limits. */
final class Page5Numbers {
    private Page5Numbers() {
    }

    static Page5Json of(Backend backend) {
        List<Page5Json.Row> rows = new ArrayList<>();
        for (double h : Examples.Check.HOURS) {
            double[] zp = PageMath.forward(backend, h, Examples.Check.W, Examples.Check.B);
            rows.add(new Page5Json.Row(h, zp[0], zp[1], Decision.of(zp[1], Decision.DEFAULT_THRESHOLD).toString()));
        }
        return new Page5Json(backend.name(), Examples.Check.W, Examples.Check.B, rows,
                Quizzes.questions(Exercises.q5(backend)), TrainLimits.json());
    }
}
