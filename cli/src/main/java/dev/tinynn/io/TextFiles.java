package dev.tinynn.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a whole UTF-8 text file that the user named, turning every failure into one line with a fix.
 *
 * <p>Only regular files are read, and only up to a size limit ({@value #DEFAULT_MAX_MB} MB, or
 * the number of MB in the environment variable {@value #MAX_MB_VARIABLE}): a device such as
 * {@code /dev/zero}, a named pipe or a huge file would otherwise be read until memory runs out.
 * The limit is checked while reading too, so a file that reports no size (as files under
 * {@code /proc} do) or grows cannot pass it.
 */
public final class TextFiles {
    /** The largest input read by default, in MB (10^6 bytes): a million-row CSV is about 20 MB. */
    static final long DEFAULT_MAX_MB = 200;
    /** The environment variable that raises (or lowers) the limit, in MB. */
    public static final String MAX_MB_VARIABLE = "TINYNN_MAX_INPUT_MB";

    private TextFiles() {
    }

    /**
     * The text of {@code file}.
     *
     * @param what what the file should be, for the message: {@code "a .csv file"}
     */
    static String read(String file, String what) {
        return read(file, what, maxBytes());
    }

    static String read(String file, String what, long maxBytes) {
        Path path = path(file);
        String shown = "cannot read '" + shown(file) + "': ";
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(shown + "there is no such file in "
                    + oneLine(String.valueOf(path.toAbsolutePath().getParent())) + "; check the name and the folder");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shown + "permission denied; make the file readable (chmod +r)");
        } catch (IOException e) {
            throw new IllegalArgumentException(shown + oneLine(firstLine(e.getMessage()))
                    + "; check that it is a readable file");
        }
        if (attributes.isDirectory()) {
            throw new IllegalArgumentException(shown + "it is a folder, not a file; name " + what + " inside it");
        }
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException(shown + "it is not a regular file (it is a device, a pipe or a socket,"
                    + " which can be read without end); give " + what + " saved on the disk");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(shown, attributes.size(), maxBytes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(attributes.size(), maxBytes));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                content.write(buffer, 0, n);
                if (content.size() > maxBytes) {
                    throw tooLarge(shown, -1, maxBytes); // it said it was smaller, or had no size (/proc)
                }
            }
            bytes = content.toByteArray();
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(shown + "permission denied; make the file readable (chmod +r)");
        } catch (IOException e) {
            throw new IllegalArgumentException(shown + oneLine(firstLine(e.getMessage()))
                    + "; check that it is a readable file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(shown + "it is not UTF-8 text; save it again as UTF-8 (spreadsheets"
                    + " call it \"CSV UTF-8\")");
        }
    }

    /** @param size the file's size, or -1 when it is not known */
    private static IllegalArgumentException tooLarge(String shown, long size, long maxBytes) {
        return new IllegalArgumentException(shown + "it is larger than " + megabytes(maxBytes)
                + " MB, the most tinynn reads (this file has " + (size < 0 ? "more" : megabytes(size) + " MB")
                + "); to read it anyway, set " + MAX_MB_VARIABLE + " to a larger number of MB, such as "
                + MAX_MB_VARIABLE + "=" + Math.max(2 * megabytes(maxBytes), 1000) + ", before the command");
    }

    private static long megabytes(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }

    /** The size limit: {@value #MAX_MB_VARIABLE} MB if it is set to a whole number, else the default. */
    static long maxBytes() {
        String set = System.getenv(MAX_MB_VARIABLE);
        if (set == null || set.isBlank()) {
            return DEFAULT_MAX_MB * 1_000_000;
        }
        try {
            long mb = Long.parseLong(set.strip());
            if (mb > 0 && mb < Long.MAX_VALUE / 1_000_000) {
                return mb * 1_000_000;
            }
        } catch (NumberFormatException notANumber) {
            // fall through to the message
        }
        throw new IllegalArgumentException(MAX_MB_VARIABLE + " is '" + shown(set) + "', but it must be a whole number"
                + " of MB, such as " + MAX_MB_VARIABLE + "=1000");
    }

    /** The path the user wrote, or one line saying why it is not a path. */
    static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            if (file.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("'" + oneLine(file) + "' is not a valid file name (it holds a NUL"
                        + " character, which no file name can); check the name");
            }
            String encoding = System.getProperty("sun.jnu.encoding", "");
            if (!file.chars().allMatch(c -> c < 128) && !encoding.toUpperCase(Locale.ROOT).replace("-", "")
                    .equals("UTF8")) {
                // Java decoded the name with the same encoding, so what it cannot read arrives as U+FFFD.
                throw new IllegalArgumentException("the file name '" + oneLine(file).replace('\uFFFD', '?')
                        + "' has characters that this system's locale cannot write in a file name (the locale's"
                        + " encoding is " + encoding
                        + "): set a UTF-8 locale before the command, such as LC_ALL=C.UTF-8");
            }
            throw new IllegalArgumentException("'" + oneLine(file) + "' is not a valid file name (" + e.getReason()
                    + "); check the name");
        }
    }

    /**
     * Text from a file, fit to quote in a one-line message: line breaks, tabs and other control
     * characters written as escapes ({@code \n}, {@code \t}, {@code \u0000}), and anything
     * past 60 characters cut to an ellipsis.
     */
    static String shown(String text) {
        return escape(text, 60);
    }

    /**
     * {@code text} on one line, whole: line breaks, tabs, ESC and every other control character
     * written as escapes ({@code \n}, {@code \t}, {@code \u001b}), so that a name can neither
     * split a message nor send the terminal a command (an ESC sequence can recolour or rewrite it).
     */
    public static String oneLine(String text) {
        return escape(text, Integer.MAX_VALUE);
    }

    private static String escape(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
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
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    /** The first line of a library's message, which may have several. */
    static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
