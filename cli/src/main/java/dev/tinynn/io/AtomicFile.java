package dev.tinynn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a file in one step: the content goes to a temporary file in the same folder, is flushed
 * to the disk, and only then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * A rename within one folder is a single step for the file system, so anyone reading the target
 * sees either the old file or the new one, never half of one; if anything fails before the rename,
 * the temporary file is deleted and the old file is left exactly as it was.
 *
 * <p>A run with several outputs (a model, a plot and a report) writes them as one {@link Batch}:
 * every temporary file is written first, and only when all are complete are they renamed, so a
 * plot that cannot be drawn leaves the old model in place too.
 *
 * <p>The rename replaces only a regular file: a folder, a device or a pipe at the target is
 * refused before any work ({@link #checkWritable}). A new file gets the permissions the umask gives
 * (as any program's new file does); a file that is replaced keeps its own permissions
 * (a private model stays private); a symbolic link keeps pointing where it did, and the file it
 * points to is replaced. Temporary names are short ({@code .tinynn-} and a number), so any legal
 * target name works, however long.
 *
 * <p>Saved models, plots and training reports are all written this way.
 */
public final class AtomicFile {
    /** Makes the temporary files' names unique; they need not be unguessable (see {@link #temporaryBeside}). */
    private static final Random NAMES = new Random();

    private AtomicFile() {
    }

    /** Writes the content of the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks, before any work is done, that a file can be saved at {@code file}: its folder exists
     * and can be written, and the name is a regular file or nothing yet (not a folder, device or
     * pipe). {@link #write} checks again, for real.
     *
     * @param what what is saved, for the message: {@code "the model"}
     * @param example a file name to suggest inside a folder: {@code "model.json"}
     * @return where the file goes: the file a symbolic link points to, or the path as given
     */
    public static Path checkWritable(String file, String what, String example) {
        Path given = TextFiles.path(file);
        String cannot = "cannot save " + what + " to '" + TextFiles.oneLine(file) + "': ";
        if (Files.isDirectory(given)) {
            throw new IllegalArgumentException(cannot + "it is a folder; name a file such as "
                    + TextFiles.oneLine(given.resolve(example).toString()));
        }
        Path target = given;
        if (Files.exists(given)) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException(cannot + "it exists and is not a regular file (a device, a pipe or"
                        + " a socket), so it is left alone; save to a new file name, such as " + example);
            }
            try {
                target = given.toRealPath(); // through symbolic links: replace the file, keep the link
            } catch (IOException e) {
                target = given;
            }
        }
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(cannot + "the folder " + TextFiles.oneLine(folder.toString())
                    + " does not exist; create it first or save somewhere else");
        }
        if (!Files.isWritable(folder)) {
            throw permissionDenied(what, file, folder);
        }
        return target;
    }

    private static IllegalArgumentException permissionDenied(String what, String file, Path folder) {
        return new IllegalArgumentException("cannot save " + what + " to '" + TextFiles.oneLine(file)
                + "': permission denied in the folder " + TextFiles.oneLine(folder.toString())
                + "; save it in a folder you can write to, or make this one writable (chmod u+w)");
    }

    /**
     * Writes {@code content} at {@code target}, atomically (see the class comment).
     *
     * @param what what is saved, for the message: {@code "the model"}
     */
    public static void write(Path target, String what, Content content) throws IOException {
        try (Batch batch = new Batch()) {
            batch.add(target, what, content);
            batch.commit();
        }
    }

    /**
     * Several files written together: {@link #add} writes each one's temporary file, {@link #commit}
     * renames them all; closing without committing deletes the temporary files and changes nothing.
     */
    public static final class Batch implements AutoCloseable {
        private record Staged(Path temporary, Path target, String what) {
        }

        private final List<Staged> staged = new ArrayList<>();

        /** Writes {@code content} to a temporary file beside {@code target}; nothing is replaced yet. */
        public void add(Path target, String what, Content content) throws IOException {
            Path folder = target.toAbsolutePath().getParent();
            Path temporary;
            try {
                temporary = temporaryBeside(folder);
            } catch (AccessDeniedException e) {
                throw new IOException(permissionDenied(what, target.toString(), folder).getMessage()
                        + "; nothing was changed", e);
            } catch (IOException e) {
                throw failed(what, target, e);
            }
            staged.add(new Staged(temporary, target, what));
            temporary.toFile().deleteOnExit(); // also when Ctrl-C ends the program half-way (after a rename, a no-op)
            try {
                setPermissions(temporary, target);
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    content.writeTo(out);
                    out.flush();
                    channel.force(true); // on the disk before the rename makes it the file
                }
            } catch (IOException e) {
                throw failed(what, target, e);
            }
        }

        /** Renames every temporary file over its target, in the order they were added. */
        public void commit() throws IOException {
            while (!staged.isEmpty()) {
                Staged next = staged.get(0);
                try {
                    Files.move(next.temporary(), next.target(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw failed(next.what(), next.target(), e);
                }
                staged.remove(0);
            }
        }

        /** Deletes the temporary files not renamed yet. */
        @Override
        public void close() throws IOException {
            for (Staged left : staged) {
                Files.deleteIfExists(left.temporary());
            }
            staged.clear();
        }
    }

    /**
     * A new empty file {@code .tinynn-NUMBER.tmp} in {@code folder}, created as any program creates a
     * file, so that the user's umask decides its permissions (rw-r--r-- under the usual 022,
     * rw------- under 077), as it would for a file saved by an editor. Files.createTempFile would
     * make it owner-only whatever the umask. Created exclusively: a name taken is never reused.
     */
    private static Path temporaryBeside(Path folder) throws IOException {
        while (true) {
            try {
                return Files.createFile(folder.resolve(".tinynn-" + Integer.toUnsignedString(NAMES.nextInt(), 36)
                        + ".tmp"));
            } catch (FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** A replaced file's own permissions on its replacement; nothing on a file system without POSIX ones. */
    private static void setPermissions(Path temporary, Path target) throws IOException {
        try {
            if (Files.exists(target)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(temporary, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply.
        }
    }

    private static IOException failed(String what, Path target, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : TextFiles.firstLine(e.getMessage());
        return new IOException("cannot save " + what + " to '" + TextFiles.oneLine(target.toString()) + "': "
                + TextFiles.oneLine(reason) + "; nothing was changed", e);
    }
}
