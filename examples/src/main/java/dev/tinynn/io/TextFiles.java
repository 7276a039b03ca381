package dev.tinynn.io;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole UTF-8 text file that the user named, turning every failure into one line with a fix. */
final class TextFiles {
    private TextFiles() {
    }

    /**
     * The text of {@code file}.
     *
     * @param what what the file should be, for the message: {@code "a .csv file"}
     */
    static String read(String file, String what) {
        Path path = path(file);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("cannot read '" + file + "': it is a folder, not a file; name " + what
                    + " inside it");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': there is no such file in "
                    + path.toAbsolutePath().getParent() + "; check the name and the folder");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': permission denied; make the file readable"
                    + " (chmod +r)");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': it is not UTF-8 text; save it again as"
                    + " UTF-8 (spreadsheets call it \"CSV UTF-8\")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + file + "': " + firstLine(e.getMessage())
                    + "; check that it is a readable file");
        }
    }

    /** The path the user wrote, or one line saying why it is not a path. */
    static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + file + "' is not a valid file name (" + e.getReason()
                    + "); check the name");
        }
    }

    /** The first line of a library's message, which may have several. */
    static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
