package org.medsite.config;

import java.util.List;

/**
 * The {@code glossary:} block of {@code site.yaml}.
 *
 * @param enabled whether the first use of each glossary term on a page is marked up with its definition
 *     (default true; a page can opt out with {@code glossary: false} in its front matter)
 * @param jargonAudiences the audiences whose pages are checked for jargon used without a definition
 *     (default {@code [patient]}: clinicians know the words)
 */
public record GlossarySettings(boolean enabled, List<String> jargonAudiences) {

    public GlossarySettings {
        jargonAudiences = List.copyOf(jargonAudiences);
    }

    public static GlossarySettings defaults() {
        return new GlossarySettings(true, List.of("patient"));
    }
}
