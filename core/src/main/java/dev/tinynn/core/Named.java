package dev.tinynn.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Something chosen by a short name on the command line and in JSON, such as a loss or a backend. */
public interface Named {

    /** The short name, e.g. {@code cross-entropy}. */
    String id();

    /**
     * The one of {@code choices} whose {@link #id()} is {@code id}; otherwise an
     * {@link IllegalArgumentException} whose message lists the valid names.
     *
     * @param what what is being chosen, for the message ("loss", "updates")
     */
    static <T extends Named> T byId(String what, String id, T[] choices) {
        for (T choice : choices) {
            if (choice.id().equals(id)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'; use one of: "
                + Arrays.stream(choices).map(Named::id).collect(Collectors.joining(", ")));
    }
}
