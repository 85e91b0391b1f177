package org.medsite.api;

/**
 * A build that could not run for a reason that is not a mistake in the site: a disk that is full or
 * read-only, a theme jar that cannot be read. Mistakes in the site are never thrown; they are
 * {@link org.medsite.diagnostics.Finding}s in the {@link BuildResult}.
 */
public class MedsiteException extends Exception {

    private static final long serialVersionUID = 1L;

    public MedsiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
