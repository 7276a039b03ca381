package dev.tinynn.terminal;

/**
 * One page of the tutorial in the terminal: its words from the tutorial's content
 * ({@link dev.tinynn.lesson.Book}, through {@link Screen#text}), shown with live numbers from the core API.
 */
interface Page {

    /** Prints the page (the heading, with the content's title, is printed by the caller). */
    void show(Screen screen);
}
