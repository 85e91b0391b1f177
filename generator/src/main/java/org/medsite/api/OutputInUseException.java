package org.medsite.api;

/**
 * Another Medsite build (another process, or another build in this one) is writing the same output
 * folder. Not a mistake in the site, and not a failure of the machine: the user waits or stops the
 * other build. Hosts show the message alone, without a stack trace, and fail as for site errors.
 */
public final class OutputInUseException extends MedsiteException {

    private static final long serialVersionUID = 1L;

    OutputInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
