package org.medsite.config;

import java.time.Duration;

/**
 * How much a build lets one page cost before it reports the page instead of hanging or running out of
 * memory: {@code limits:} in {@code site.yaml}.
 *
 * @param templateTime how long one page's templates may run ({@code limits.templateSeconds}, default 10 s):
 *     far above any real page (a page renders in milliseconds), so reaching it means a loop without end
 */
public record BuildLimits(Duration templateTime) {

    public static final BuildLimits DEFAULTS = new BuildLimits(Duration.ofSeconds(10));
}
