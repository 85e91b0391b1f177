package org.medsite.render;

/**
 * A template that cannot be read or run, located in the template's own file.
 *
 * @param template where the template lives, for people ({@code layouts/single.ftlh},
 *     {@code theme clinic: layouts/single.ftlh})
 * @param line the template line, or 0
 * @param rule the finding's rule: {@code template.error}, or {@code template.timeout} and
 *     {@code template.too-large} for a run that was stopped
 * @param message what went wrong, on one line
 */
public record TemplateProblem(String template, int line, String rule, String message) {

    public TemplateProblem(String template, int line, String message) {
        this(template, line, "template.error", message);
    }
}
