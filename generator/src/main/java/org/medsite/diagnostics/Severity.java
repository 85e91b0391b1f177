package org.medsite.diagnostics;

/** How bad a finding is. Errors fail the build; warnings fail it only with {@code failOnWarning}. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
