package dev.tinynn;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the cli module and the project are, found from these test classes' own place
 * (cli/target/test-classes), so that no test depends on the folder it was started from.
 */
public final class Folders {
    private Folders() {
    }

    /** The cli module's folder. */
    public static Path module() {
        try {
            Path classes = Path.of(Folders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project's root folder, which holds docs/ and every module. */
    public static Path project() {
        return module().getParent();
    }
}
