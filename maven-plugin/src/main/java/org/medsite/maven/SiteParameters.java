package org.medsite.maven;

import java.io.File;
import java.util.Optional;
import org.medsite.api.BuildListener;
import org.medsite.api.Medsite;

/**
 * The one adapter from the goals' parameters to the generator's options. Maven leaves an unset text
 * parameter {@code null} and an empty {@code -Dmedsite.theme=} blank; both mean "as site.yaml says".
 *
 * @param sourceDirectory the site folder
 * @param outputDirectory where the site is written
 * @param baseUrl replaces {@code site.yaml}'s {@code baseURL}, if given
 * @param theme replaces {@code site.yaml}'s {@code theme}, if given
 * @param drafts publish pages marked {@code draft: true}
 * @param future publish pages dated in the future
 * @param expired publish pages past their {@code expiryDate}
 */
record SiteParameters(File sourceDirectory, File outputDirectory, String baseUrl, String theme, boolean drafts,
        boolean future, boolean expired) {

    /**
     * A build of the site, ready to run.
     *
     * @param themes where themes are found: the plugin's class loader, which holds the theme jars a
     *     POM adds as {@code <dependencies>} of the plugin
     */
    Medsite medsite(ClassLoader themes, BuildListener listener) {
        Medsite medsite = Medsite.forSite(sourceDirectory.toPath())
                .outputDir(outputDirectory.toPath())
                .includeDrafts(drafts)
                .includeFuture(future)
                .includeExpired(expired)
                .classLoader(themes)
                .listener(listener);
        given(baseUrl).ifPresent(medsite::baseUrl);
        given(theme).ifPresent(medsite::theme);
        return medsite;
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
