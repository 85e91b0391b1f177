package org.medsite.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a build is asked to do, fixed before it starts.
 *
 * @param siteDir the site folder
 * @param outputDir where the site is written
 * @param includeDrafts publish pages marked {@code draft: true}
 * @param includeFuture publish pages dated in the future
 * @param includeExpired publish pages past their {@code expiryDate}
 * @param baseUrl replaces {@code site.yaml}'s {@code baseURL}
 * @param theme replaces {@code site.yaml}'s {@code theme}
 * @param now the moment that decides what is future or expired
 * @param threads how many pages are worked on at once
 * @param classLoader where themes are found
 */
public record BuildOptions(Path siteDir, Path outputDir, boolean includeDrafts, boolean includeFuture,
        boolean includeExpired, Optional<String> baseUrl, Optional<String> theme, Instant now, int threads,
        ClassLoader classLoader) {
}
