/**
 * What the tutorial says and asks, written once: each page's title and words ({@link Book}, from the
 * text files beside this package), the example values ({@link Examples}), every exercise with its
 * answer, tolerance, hint and explanation ({@link Exercises}), the one grading rule both screens use
 * ({@link Grading}), and how a number is written ({@link Num}). It knows core and no screen: the
 * terminal ({@code dev.tinynn.terminal}, {@code tinynn tutorial}) and the browser ({@code dev.tinynn.web},
 * {@code tinynn serve}) render it.
 */
package dev.tinynn.lesson;
