package dev.tinynn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tinynn.core.Backends;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.NumberExercise;
import dev.tinynn.web.WebServer;
import dev.tinynn.web.runner.Runners;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two screens ask the same: every exercise a browser page asks (found in the pages the server
 * sends, by their {@code data-exercise}) is asked in the terminal ({@code tinynn tutorial}, a
 * scripted learner at the keyboard) with the same question, the same answer and tolerance, and the
 * same words after each answer: the hint after a first wrong one, the answer and explanation after a
 * second, the explanation after a right one, and "type a number" for what is not one. The browser is
 * driven through its API ({@code POST /api/check}), as its pages' scripts do.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoScreensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = WebServer.start(0, "plain", new Runners(1, Duration.ofSeconds(5), ""));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "token " + server.token()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The browser's verdict on one answer: {right, text, verdict, done, counted}. */
    private static JsonNode check(String exercise, int question, String answer, int attempt) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("exercise", exercise).put("question", question)
                .put("answer", answer).put("attempt", attempt).put("backend", "plain");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/check"))
                .header("Authorization", "token " + server.token()).header("Origin", base())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** What the terminal printed for page {@code page}, the learner typing {@code typed}, other exercises answered. */
    private static String terminal(int page, String[] given, String... typed) {
        List<String> args = new ArrayList<>(List.of("--page", String.valueOf(page)));
        for (String answer : given) {
            args.add("--answers");
            args.add(answer);
        }
        return flat(Learner.interactive(new Learner(typed), args.toArray(String[]::new)));
    }

    /** Right answers for the exercises not under test, so the terminal asks only the one typed. */
    private static String[] others(String key) {
        List<String> given = new ArrayList<>();
        for (String answer : List.of("raw2=1", "p3=a", "order=3,4,1,2", "p25=0.711", "w5=4.3208", "q5=b,a,c",
                "q7=a,c,b")) {
            if (!answer.startsWith(key + "=")) {
                given.add(answer);
            }
        }
        return given.toArray(String[]::new);
    }

    private static String flat(String text) {
        return text.replaceAll("\\s*\n\\s*", " ");
    }

    /** Page n's HTML as a reader sees its words: tags dropped, entities read, spaces collapsed. */
    private static String words(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    /** The exercises the browser's pages ask, in page order. */
    private static List<String> browserExercises() throws Exception {
        Set<String> keys = new LinkedHashSet<>();
        for (int n = 1; n <= dev.tinynn.lesson.Book.pages().size(); n++) {
            Matcher m = Pattern.compile("data-exercise=\"([\\w-]+)\"").matcher(get("/page/" + n));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return new ArrayList<>(keys);
    }

    @Test
    void everyQuestionTheBrowserAsksIsAskedInTheTerminalAlike() throws Exception {
        List<String> asked = browserExercises();
        assertThat(asked).as("the browser's exercises").containsExactly("raw2", "p3", "order", "q5", "q7");
        for (String key : asked) {
            switch (key) {
                case "order" -> sameOrder();
                case "p3", "q5", "q7" -> sameQuiz(key);
                default -> sameNumber(key);
            }
        }
    }

    /** A number exercise: the same question, tolerance, hint, answer and explanation, and "type a number". */
    private static void sameNumber(String key) throws Exception {
        NumberExercise exercise = (NumberExercise) Exercises.named(key, Backends.named("plain"));
        int page = Exercises.pageOf(key);
        String html = words(get("/page/" + page));
        double answer = exercise.answer();
        double tolerance = exercise.tolerance();
        assertThat(html).as("the browser asks %s", key).contains(exercise.question());
        String inside = String.valueOf(answer + 0.99 * tolerance);
        String outside = String.valueOf(answer + 1.01 * tolerance);
        String below = String.valueOf(answer - 1.01 * tolerance);

        // Right within the tolerance, on both screens, with the same words.
        JsonNode right = check(key, 0, inside, 1);
        assertThat(right.path("right").asBoolean()).as("%s=%s in the browser", key, inside).isTrue();
        String rightOut = terminal(page, others(key), inside);
        assertThat(rightOut).contains(exercise.question()).contains(right.path("text").asText());

        // Not a number: told to type one, the try not used; then wrong twice: the hint, then the answer.
        JsonNode notANumber = check(key, 0, "abc", 1);
        assertThat(notANumber.path("counted").asBoolean()).isFalse();
        assertThat(notANumber.path("text").asText()).containsIgnoringCase("type a number");
        JsonNode empty = check(key, 0, "", 1);
        assertThat(empty.path("counted").asBoolean()).isFalse();
        assertThat(empty.path("text").asText()).containsIgnoringCase("type a number");
        JsonNode hint = check(key, 0, outside, 1);
        JsonNode last = check(key, 0, below, 2);
        assertThat(hint.path("verdict").asText()).isEqualTo("hint");
        assertThat(last.path("verdict").asText()).isEqualTo("answer");
        Learner learner = new Learner("abc", "", outside, below);
        List<String> args = new ArrayList<>(List.of("--page", String.valueOf(page)));
        for (String given : others(key)) {
            args.add("--answers");
            args.add(given);
        }
        String wrongOut = flat(Learner.interactive(learner, args.toArray(String[]::new)));
        assertThat(learner.asked).as("abc and nothing are asked again, then two tries").hasSize(4);
        assertThat(learner.asked.get(1)).contains(notANumber.path("text").asText());
        assertThat(learner.asked.get(2)).contains(empty.path("text").asText());
        assertThat(wrongOut).contains(hint.path("text").asText()).contains(last.path("text").asText());
    }

    /** A multiple-choice exercise: the same questions and options, and the same words for every option, twice. */
    private static void sameQuiz(String key) throws Exception {
        int page = Exercises.pageOf(key);
        List<String> questions = new ArrayList<>();
        List<List<String>> options = new ArrayList<>();
        if (key.equals("p3")) {
            String html = get("/page/" + page);
            Matcher legend = Pattern.compile("data-exercise=\"p3\"><legend>(.*?)</legend>(.*?)</fieldset>",
                    Pattern.DOTALL).matcher(html);
            assertThat(legend.find()).as("page 3's exercise").isTrue();
            questions.add(words(legend.group(1)).strip());
            List<String> labels = new ArrayList<>();
            Matcher label = Pattern.compile("<label>(.*?)</label>").matcher(legend.group(2));
            while (label.find()) {
                labels.add(words(label.group(1)).strip());
            }
            options.add(labels);
        } else {
            for (JsonNode q : JSON.readTree(get("/api/page/" + page + "?backend=plain")).path("quiz")) {
                questions.add(q.path("text").asText());
                List<String> shown = new ArrayList<>();
                q.path("options").forEach(o -> shown.add(o.asText()));
                options.add(shown);
            }
        }
        assertThat(questions).as("%s's questions", key).isNotEmpty();
        int most = options.stream().mapToInt(List::size).max().orElseThrow();
        for (int k = 0; k < most; k++) {
            // Every question answered with option k (or its last option), twice when wrong.
            List<String> typed = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                int option = Math.min(k, options.get(q).size() - 1);
                String letter = String.valueOf((char) ('a' + option));
                JsonNode first = check(key, q, String.valueOf(option), 1);
                typed.add(letter);
                expected.add(first.path("text").asText());
                if (!first.path("done").asBoolean()) {
                    JsonNode second = check(key, q, String.valueOf(option), 2);
                    assertThat(second.path("done").asBoolean()).isTrue();
                    typed.add(letter);
                    expected.add(second.path("text").asText());
                }
            }
            String out = terminal(page, others(key), typed.toArray(String[]::new));
            for (int q = 0; q < questions.size(); q++) {
                assertThat(out).as("%s question %d in the terminal", key, q + 1).contains(questions.get(q));
                for (int o = 0; o < options.get(q).size(); o++) {
                    assertThat(out).contains((char) ('a' + o) + ") " + options.get(q).get(o));
                }
            }
            for (String words : expected) {
                assertThat(out).as("the terminal says what the browser says, option %d", k).contains(words);
            }
        }
        JsonNode none = check(key, 0, "", 1);
        assertThat(none.path("counted").asBoolean()).as("no option picked is no attempt").isFalse();
    }

    /** The ordering exercise: the same cards, and the same words for a right order and two wrong ones. */
    private static void sameOrder() throws Exception {
        List<String> cards = new ArrayList<>();
        JSON.readTree(get("/api/page/4?backend=plain")).path("cards").forEach(c -> cards.add(c.asText()));
        for (List<Integer> order : List.of(List.of(0, 1, 2, 3), List.of(3, 2, 1, 0), List.of(2, 3, 0, 1))) {
            String indices = order.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            String numbers = order.stream().map(i -> String.valueOf(i + 1)).reduce((a, b) -> a + "," + b).orElseThrow();
            JsonNode first = check("order", 0, indices, 1);
            List<String> typed = new ArrayList<>(List.of(numbers));
            List<String> expected = new ArrayList<>(List.of(first.path("text").asText()));
            if (!first.path("done").asBoolean()) {
                typed.add(numbers);
                expected.add(check("order", 0, indices, 2).path("text").asText());
            }
            String out = terminal(4, others("order"), typed.toArray(String[]::new));
            for (int k = 0; k < cards.size(); k++) {
                assertThat(out).contains((k + 1) + "  " + cards.get(k));
            }
            for (String words : expected) {
                assertThat(out).as("order %s", numbers).contains(words);
            }
        }
    }
}
