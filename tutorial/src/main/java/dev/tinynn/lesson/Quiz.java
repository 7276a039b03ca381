package dev.tinynn.lesson;

import java.util.List;

/** One or more multiple-choice questions, each graded on its own. */
public record Quiz(String key, int page, String title, List<Question> questions) implements Exercise {

    public Quiz {
        questions = List.copyOf(questions);
    }
}
