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

    /**
     * Text from a file, fit to quote in a one-line message: line breaks, tabs and other control
     * characters written as escapes ({@code \n}, {@code \t}, {@code \u0000}), and anything
     * past 60 characters cut to an ellipsis.
     */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < 60; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(isControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return i < text.length() ? out + "…" : out.toString();
    }

    /** Whether {@code text} holds a line break, a tab or another control character. */
    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(TextFiles::isControl);
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    /** The first line of a library's message, which may have several. */
    static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
