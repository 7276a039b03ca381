/**
 * The {@code tinynn} program's commands: {@link dev.tinynn.cli.Main} and {@link dev.tinynn.cli.Tinynn}
 * (start-up, error handling, the list of subcommands), one picocli class per command
 * ({@code train}, {@code lab}, {@code predict}, …), the option mixins they share ({@code --data},
 * {@code --loss}, {@code --backend}, …) and the plumbing only commands need: Ctrl-C, usage errors
 * in plain words, UTF-8 streams, training with advice when it diverges.
 *
 * <p>Why apart from what the commands print ({@link dev.tinynn.text}): a command reads options,
 * checks them and decides what to run; the lines it prints are written elsewhere, so that each
 * class has one job and the printing can be read, and changed, without picocli in the way. This
 * package depends on the printers, never the other way round (LayeringTest checks that no two
 * top-level packages form a cycle).
 */
package dev.tinynn.cli;
