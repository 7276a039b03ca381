package dev.tinynn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file in one step: the content goes to a temporary file in the same folder, is flushed
 * to the disk, and only then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * A rename within one folder is a single step for the file system, so anyone reading the target
 * sees either the old file or the new one, never half of one; if anything fails before the rename,
 * the temporary file is deleted and the old file is left exactly as it was.
 *
 * <p>Saved models, plots and training reports are all written this way.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes the content of the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks, before any work is done, that a file can be saved at {@code file}: its folder exists
     * and the name is not a folder. {@link #write} checks again, for real.
     *
     * @param what what is saved, for the message: {@code "the model"}
     * @param example a file name to suggest inside a folder: {@code "model.json"}
     */
    public static Path checkWritable(String file, String what, String example) {
        Path target = TextFiles.path(file);
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("cannot save " + what + " to '" + file + "': it is a folder; name a"
                    + " file such as " + target.resolve(example));
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("cannot save " + what + " to '" + file + "': the folder " + folder
                    + " does not exist; create it first or save somewhere else");
        }
        return target;
    }

    /**
     * Writes {@code content} at {@code target}, atomically (see the class comment).
     *
     * @param what what is saved, for the message: {@code "the model"}
     */
    public static void write(Path target, String what, Content content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean renamed = false;
        try {
            try {
                // createTempFile makes the file readable by its owner only; what we write is no secret.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply.
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true); // on the disk before the rename makes it the file
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
        } catch (IOException e) {
            throw new IOException("cannot save " + what + " to '" + target + "': "
                    + TextFiles.firstLine(e.getMessage()) + "; nothing was changed", e);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
