package dev.tinynn.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tinynn.core.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one grading rule, on the content's own exercises. */
class GradingTest {

    @Test
    void aNumberWithinTheToleranceIsRightAndOneOutsideGetsTheHintThenTheAnswer() {
        NumberExercise raw2 = Exercises.raw2();
        assertThat(raw2.answer()).isEqualTo(1.0);
        assertThat(raw2.tolerance()).isEqualTo(0.005);
        assertThat(Grading.number(raw2, "1.004", 1).kind()).isEqualTo(Grading.Kind.RIGHT);
        assertThat(Grading.number(raw2, "0.996", 2).text()).isEqualTo("Right. Raw = hours·w + b = 2·1 + (-1) = 1.");
        Grading.Verdict hint = Grading.number(raw2, "1.006", 1);
        assertThat(hint.kind()).isEqualTo(Grading.Kind.HINT);
        assertThat(hint.text()).isEqualTo("Not yet. Hint: multiply the hours by w, then add b (b is negative). One more"
                + " try.");
        assertThat(hint.done()).isFalse();
        Grading.Verdict answer = Grading.number(raw2, "3", 2);
        assertThat(answer.kind()).isEqualTo(Grading.Kind.ANSWER);
        assertThat(answer.text()).isEqualTo("Not quite: 3 is off by 2. Raw = hours·w + b = 2·1 + (-1) = 1.");
        assertThat(answer.done()).isTrue();
    }

    @Test
    void whatIsNotANumberIsNoAttemptAndIsToldToTypeOne() {
        NumberExercise p25 = Exercises.p25();
        for (String typed : List.of("abc", "", "  ", "0,71", "1d", "NaN", "Infinity")) {
            Grading.Verdict verdict = Grading.number(p25, typed, 1);
            assertThat(verdict.counted()).as(typed).isFalse();
            assertThat(verdict.done()).as(typed).isFalse();
            assertThat(verdict.text()).as(typed).containsIgnoringCase("type a number");
        }
        assertThat(Grading.number(p25, "−0.5", 1).counted()).as("the typographic minus is a minus").isTrue();
    }

    @Test
    void aQuizQuestionAndTheCardsFollowTheSameRule() {
        Question first = Exercises.q5(Backends.named("plain")).questions().get(0);
        assertThat(Grading.choice(first, 1, 1).right()).isTrue();
        assertThat(Grading.choice(first, 0, 1).text()).isEqualTo("Not yet. Hint: " + first.hint() + " One more try.");
        assertThat(Grading.choice(first, 0, 2).text()).startsWith("Not quite. The loss needs the label y")
                .contains("The answer is “the forward pass alone: z = w·hours + b, then p = σ(z)”. Inference is");
        assertThat(Grading.choice(first, null, 1).counted()).isFalse();
        assertThat(Grading.choice(first, 3, 1).counted()).isFalse();

        CardOrder order = Exercises.order();
        assertThat(Grading.order(order, List.of(2, 3, 0, 1), 1).right()).isTrue();
        assertThat(Grading.order(order, List.of(0, 1, 2, 3), 1).kind()).isEqualTo(Grading.Kind.HINT);
        assertThat(Grading.order(order, List.of(0, 1, 2, 3), 2).kind()).isEqualTo(Grading.Kind.ANSWER);
        assertThat(Grading.order(order, List.of(0, 0, 1, 2), 1).counted()).isFalse();
    }

    @Test
    void numbersHaveOneMinusSign() {
        assertThat(Num.num(-10.50801155978499)).isEqualTo("-10.50801156");
        assertThat(Num.num(0.5249791874789399)).isEqualTo("0.5249791875");
        assertThat(Num.signed(-1)).isEqualTo("(-1)");
    }

    @Test
    void everyPageHasATitleAndEveryExampleNameIsFilledIn() {
        assertThat(Book.titles()).containsExactly("The problem and the idea", "One neuron", "Sigmoid and decisions",
                "Loss and training", "Check your model", "Two inputs", "Backprop and limits", "Beyond one neuron");
        for (Book.PageText page : Book.pages()) {
            page.passages().forEach((name, text) -> assertThat(text).as("%d %s", page.number(), name)
                    .doesNotContainPattern("(?<!\\$)\\{[\\w.]+}"));
        }
    }
}
