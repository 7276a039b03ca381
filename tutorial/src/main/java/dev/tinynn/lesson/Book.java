package dev.tinynn.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' words, read from {@code pages/N.txt} beside this class: adding a page is adding its
 * file (and, on each screen, its rendering).
 *
 * <p>A page's file: the first line {@code # Title}; then named passages, each starting with a line
 * {@code ## name}. A passage is paragraphs separated by empty lines; a line starting with {@code - }
 * is a list item. Inline, {@code `code`} is code; {@code {name}} is an example value from
 * {@link Examples}, filled in here; {@code ${name}} is a number computed live, which each screen
 * fills in (the browser from the key of the page's JSON of that name).
 */
public final class Book {
    private static final Pattern LIVE = Pattern.compile("\\$\\{([\\w.]+)}");
    private static final Pattern EXAMPLE = Pattern.compile("(?<!\\$)\\{([\\w.]+)}");
    private static final List<PageText> PAGES = load();

    private Book() {
    }

    /** The pages, in order. */
    public static List<PageText> pages() {
        return PAGES;
    }

    /** Page {@code n}, 1-based. */
    public static PageText page(int n) {
        return PAGES.get(n - 1);
    }

    /** The pages' titles, in order. */
    public static List<String> titles() {
        return PAGES.stream().map(PageText::title).toList();
    }

    /** One page's title and named passages. */
    public record PageText(int number, String title, Map<String, String> passages) {

        /** The passage {@code name}, with its {@code ${…}} left for the screen. */
        public String text(String name) {
            String text = passages.get(name);
            if (text == null) {
                throw new IllegalArgumentException("page " + number + " has no passage '" + name + "'");
            }
            return text;
        }

        /** The passage {@code name} with each {@code ${key}} replaced by {@code live.get(key)}. */
        public String text(String name, Map<String, String> live) {
            return fill(text(name), live);
        }
    }

    /** {@code text} with each {@code ${key}} replaced; a key without a value is an error, never a silent blank. */
    public static String fill(String text, Map<String, String> live) {
        Matcher m = LIVE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = live.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in: " + text);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** The keys of the live numbers a text needs, in order. */
    public static List<String> liveKeys(String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = LIVE.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<PageText> load() {
        List<PageText> pages = new ArrayList<>();
        for (int n = 1; ; n++) {
            String file = read("pages/" + n + ".txt");
            if (file == null) {
                return Collections.unmodifiableList(pages);
            }
            pages.add(parse(n, file));
        }
    }

    static PageText parse(int n, String file) {
        List<String> lines = file.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new IllegalStateException("pages/" + n + ".txt must start with '# Title'");
        }
        Map<String, String> passages = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("## ")) {
                put(passages, name, text);
                name = line.substring(3).trim();
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        put(passages, name, text);
        return new PageText(n, lines.get(0).substring(2).trim(), Collections.unmodifiableMap(passages));
    }

    private static void put(Map<String, String> passages, String name, StringBuilder text) {
        if (name != null) {
            passages.put(name, examples(text.toString().strip()));
        }
    }

    /** Fills in {@code {name}} from {@link Examples#value}. */
    private static String examples(String text) {
        Matcher m = EXAMPLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Examples.value(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static String read(String name) {
        try (InputStream in = Book.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
