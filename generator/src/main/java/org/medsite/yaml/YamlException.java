package org.medsite.yaml;

/** YAML that cannot be read, with the 1-based line of the file where the reader gave up (0 if unknown). */
public final class YamlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public YamlException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
