package org.medsite.scaffold;

/**
 * A scaffolding request that cannot be done as asked: an unknown page type, a title that makes no
 * file name, a file or folder that is already there. The message says what to do instead. Failures of
 * the machine (a read-only disk) are {@link java.io.IOException}s instead.
 */
public final class ScaffoldException extends Exception {

    private static final long serialVersionUID = 1L;

    public ScaffoldException(String message) {
        super(message);
    }
}
