package dev.tinynn.tutorial;

/** One page of the tutorial: its idea in a few sentences, shown with live numbers from the core API. */
interface Page {

    /** The page's title, as the tutorial names it. */
    String title();

    /** Prints the page (the heading is printed by the caller). */
    void show(Lesson lesson);
}
