package org.medsite.check;

import java.util.Locale;
import java.util.Set;

/**
 * What the output folder will contain, for checks that follow links.
 *
 * @param paths every output file, relative to the output folder
 * @param basePath the site's base path ({@code /} or {@code /clinic/})
 */
public record OutputIndex(Set<String> paths, String basePath) {

    public OutputIndex {
        paths = Set.copyOf(paths);
    }

    /** Whether a site path (without base path, leading {@code /}) is served by a file of the output. */
    public boolean serves(String sitePath) {
        String rel = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        if (rel.isEmpty() || rel.endsWith("/")) {
            return paths.contains(rel + "index.html");
        }
        return paths.contains(rel) || paths.contains(rel + "/index.html")
                || (rel.toLowerCase(Locale.ROOT).endsWith(".html") && paths.contains(rel));
    }
}
