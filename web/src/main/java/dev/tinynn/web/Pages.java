package dev.tinynn.web;

import dev.tinynn.lesson.Book;
import dev.tinynn.lesson.Examples;
import dev.tinynn.lesson.Exercises;
import dev.tinynn.lesson.NumberExercise;
import dev.tinynn.lesson.Question;
import dev.tinynn.lesson.Quiz;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' HTML: one frame (navigation, progress bar, backend choice, previous/next) around each
 * page's own template, both read from the jar, with the words filled in on the server from the
 * tutorial's content ({@link Book}, {@link Exercises}), so the browser and the terminal say the same
 * thing and the answers never reach the page. A page's numbers are filled in by its script from the
 * JSON API (a passage's {@code ${key}} becomes {@code <span data-k="key">}); its state lives in its
 * address's query, so a reload or a bookmark shows the same.
 *
 * <p>A template names content with {@code {{text NAME}}} (page passage NAME, as paragraphs),
 * {@code {{question KEY}}} (exercise KEY's question, as inline text) and {@code {{choices KEY}}}
 * (a one-question exercise as a fieldset of radio buttons named KEY, valued 0, 1, …),
 * {@code {{example NAME}}} (an example value, as {@link Examples#value} writes it) and {@code {{link N}}}
 * (a link to page N, named by its title).
 */
final class Pages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(text|question|choices|example|link) ([\\w.-]+)}}");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LIVE = Pattern.compile("\\$\\{([\\w.]+)}");

    private final String frame;
    private final String defaultBackend;

    Pages(String defaultBackend) {
        this.frame = Sources.read("page.html");
        this.defaultBackend = defaultBackend;
    }

    /** The number of pages. */
    static int count() {
        return Book.pages().size();
    }

    String page(int n) {
        List<String> titles = Book.titles();
        StringBuilder nav = new StringBuilder();
        for (int k = 1; k <= titles.size(); k++) {
            nav.append("<li><a href=\"/page/").append(k).append('"').append(k == n ? " aria-current=\"page\"" : "")
                    .append('>').append(k).append(". ").append(escape(titles.get(k - 1))).append("</a></li>");
        }
        String prev = n > 1 ? "<a rel=\"prev\" href=\"/page/" + (n - 1) + "\">← " + (n - 1) + ". "
                + escape(titles.get(n - 2)) + "</a>" : "<span></span>";
        String next = n < titles.size() ? "<a rel=\"next\" href=\"/page/" + (n + 1) + "\">" + (n + 1) + ". "
                + escape(titles.get(n)) + " →</a>" : "<span></span>";
        return frame.replace("{{n}}", String.valueOf(n))
                .replace("{{count}}", String.valueOf(titles.size()))
                .replace("{{title}}", escape(titles.get(n - 1)))
                .replace("{{nav}}", nav)
                .replace("{{prev}}", prev)
                .replace("{{next}}", next)
                .replace("{{backend}}", defaultBackend)
                .replace("{{content}}", content(n, Sources.read("pages/" + n + ".html")));
    }

    /** A page's template with its content filled in. */
    static String content(int n, String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String html = switch (m.group(1)) {
                case "text" -> blocks(Book.page(n).text(name));
                case "question" -> inline(question(name));
                case "example" -> escape(Examples.value(name));
                case "link" -> "<a href=\"/page/" + name + "\">" + name + ". "
                        + escape(Book.titles().get(Integer.parseInt(name) - 1)) + " →</a>";
                default -> choices(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(html));
        }
        return m.appendTail(out).toString();
    }

    private static String question(String key) {
        // The questions' words do not depend on the backend: only quizzes' explanations quote its numbers.
        Object exercise = Exercises.named(key, null);
        if (exercise instanceof NumberExercise number) {
            return number.question();
        }
        if (exercise instanceof Quiz quiz && quiz.questions().size() == 1) {
            return quiz.questions().get(0).text();
        }
        return ((dev.tinynn.lesson.CardOrder) exercise).question();
    }

    private static String choices(String key) {
        Question q = ((Quiz) Exercises.named(key, null)).questions().get(0);
        StringBuilder html = new StringBuilder("<fieldset data-exercise=\"").append(key).append("\"><legend>")
                .append(inline(q.text())).append("</legend>");
        for (int k = 0; k < q.options().size(); k++) {
            html.append("<label><input type=\"radio\" name=\"").append(key).append("\" value=\"").append(k)
                    .append("\"> ").append(inline(q.options().get(k))).append("</label>");
        }
        return html.append("</fieldset>").toString();
    }

    /** A passage as HTML: paragraphs, and "- " lines as a list. */
    static String blocks(String passage) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : passage.split("\n\\s*\n")) {
            List<String> lines = paragraph.lines().toList();
            if (lines.stream().allMatch(line -> line.startsWith("- "))) {
                html.append("<ul>");
                lines.forEach(line -> html.append("<li>").append(inline(line.substring(2))).append("</li>"));
                html.append("</ul>\n");
            } else {
                html.append("<p>").append(inline(String.join("\n", lines))).append("</p>\n");
            }
        }
        return html.toString().strip();
    }

    /** Inline text as HTML: escaped, `code` as code, ${key} as a number the page's script fills in. */
    static String inline(String text) {
        String html = CODE.matcher(escape(text)).replaceAll("<code>$1</code>");
        return LIVE.matcher(html).replaceAll("<span data-k=\"$1\"></span>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page a request without the token gets (HTTP 403). */
    static String refused(String why) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>tinynn: not allowed</title></head>"
                + "<body><h1>Not allowed</h1><p>This tutorial server answers only the person who started it. Open the "
                + "address that <code>tinynn serve</code> printed (it ends with <code>?token=…</code>).</p>"
                + "<p><small>(" + why.replace("<", "&lt;") + ")</small></p></body></html>";
    }
}
