package dev.tinynn.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one run reads and writes, checked against each other before any work: no output may
 * be an input of the run (train --data marks.csv --save marks.csv would replace the learner's
 * data with a model) or another output of it (--save out.html --report out.html would write the
 * model and then the report over it). Files are compared as the file system sees them, not as
 * text: {@code a.csv}, {@code ./a.csv}, a symbolic link to it and a hard link to it are all the
 * same file.
 */
public final class Outputs {
    private record Claim(String option, String file, Path path) {
    }

    private final List<Claim> inputs = new ArrayList<>();
    private final List<Claim> outputs = new ArrayList<>();

    /** Registers a file the run reads, which no output may replace. */
    public Outputs input(String option, String file) {
        inputs.add(new Claim(option, file, TextFiles.path(file)));
        return this;
    }

    /**
     * Registers an output, already checked by its own kind ({@link AtomicFile#checkWritable}).
     *
     * @return {@code path}
     * @throws IllegalArgumentException one line naming both options when it is an input or an earlier output
     */
    public Path output(String option, String file, Path path) {
        for (Claim input : inputs) {
            if (same(input.path(), path)) {
                throw new IllegalArgumentException(option + " " + TextFiles.oneLine(file) + " is the file that "
                        + input.option() + " reads ('" + TextFiles.oneLine(input.file()) + "'): writing it would"
                        + " replace what you gave; choose another name for " + option);
            }
        }
        for (Claim earlier : outputs) {
            if (same(earlier.path(), path)) {
                throw new IllegalArgumentException(option + " " + TextFiles.oneLine(file) + " is the same file as "
                        + earlier.option() + " " + TextFiles.oneLine(earlier.file()) + ": one would overwrite the"
                        + " other; give each output its own file name");
            }
        }
        outputs.add(new Claim(option, file, path));
        return path;
    }

    /** Whether two paths name one file: the same file when both exist, else the same place. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException unreadable) {
            // compare the places instead
        }
        return place(a).equals(place(b));
    }

    /** The absolute place of a path, with its folder's symbolic links and {@code ..} resolved. */
    private static Path place(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        try {
            return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
        } catch (IOException noFolder) {
            return absolute;
        }
    }
}
