package org.medsite.server;

/**
 * Where the dev server tells its user what it does: the CLI prints to the terminal, the Maven plugin
 * logs. Called from the server's threads.
 */
public interface ServeListener {

    /** One line of progress: the address, a rebuild and what it took. */
    void info(String line);

    /** One line about a problem: a finding of a failed rebuild, a risky setting. */
    void warning(String line);

    /** A detail for someone looking into the server itself (the CLI prints it with {@code --debug}). */
    default void debug(String line) {
    }
}
