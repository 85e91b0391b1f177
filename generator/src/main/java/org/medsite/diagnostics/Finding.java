package org.medsite.diagnostics;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a site, phrased for the person who wrote the site: where it is, what is wrong,
 * and what to do about it.
 *
 * @param severity how bad it is
 * @param rule a stable identifier of the rule that found it (e.g. {@code frontmatter.unknown-key}),
 *     so findings can be filtered, configured and tested without matching on prose
 * @param file the file, relative to the site folder and with forward slashes; empty when the
 *     finding concerns the whole site
 * @param line the 1-based line in {@code file}, or 0 when unknown
 * @param message what is wrong and what to do instead
 */
public record Finding(Severity severity, String rule, String file, int line, String message) {

    /**
     * Sort order of reports: by file, line, then severity, rule and message, so output is deterministic.
     * Written out rather than composed with {@code Comparator.comparing(...).thenComparing(...)}: a build sorts
     * its thousands of findings more than once, and the composed form's lambdas and boxing run interpreted or
     * C1-compiled under the launcher (issue #11, as with {@code PageOrder}).
     */
    public static final Comparator<Finding> ORDER = Finding::inReportOrder;

    private static int inReportOrder(Finding a, Finding b) {
        int c = a.file.compareTo(b.file);
        if (c == 0) {
            c = Integer.compare(a.line, b.line);
        }
        if (c == 0) {
            c = a.severity.compareTo(b.severity);
        }
        if (c == 0) {
            c = a.rule.compareTo(b.rule);
        }
        return c != 0 ? c : a.message.compareTo(b.message);
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        file = file == null ? "" : file;
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            line = 0;
        }
    }

    public static Finding error(String rule, String file, int line, String message) {
        return new Finding(Severity.ERROR, rule, file, line, message);
    }

    public static Finding warning(String rule, String file, int line, String message) {
        return new Finding(Severity.WARNING, rule, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: severity: message [rule]}, the format compilers and editors understand. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        sb.append(severity.label()).append(": ").append(message).append(" [").append(rule).append(']');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
