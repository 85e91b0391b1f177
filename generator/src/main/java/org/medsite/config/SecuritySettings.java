package org.medsite.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code security:} block of {@code site.yaml}: the Content-Security-Policy Medsite derives from the
 * finished pages, and where it goes.
 *
 * @param policy whether pages get a policy at all (a {@code <meta http-equiv>} and the {@code _headers} line);
 *     off only for a host that sets its own
 * @param headersFile whether to write {@code _headers} (Netlify and Cloudflare Pages read it)
 * @param metaElement whether each page carries its policy as {@code <meta http-equiv="Content-Security-Policy">},
 *     for hosts that cannot set headers (GitHub Pages)
 * @param extraSources sources added to a directive beyond what the pages use (e.g. {@code img-src:
 *     [https://images.example.org]}), by directive name, sorted
 */
public record SecuritySettings(boolean policy, boolean headersFile, boolean metaElement,
        Map<String, List<String>> extraSources) {

    /** Directives a site may add sources to: those that take a source list. */
    public static final Set<String> SOURCE_DIRECTIVES = Set.of("default-src", "script-src", "style-src", "img-src",
            "font-src", "connect-src", "media-src", "frame-src", "form-action", "manifest-src", "worker-src");

    public SecuritySettings {
        Map<String, List<String>> sorted = new TreeMap<>();
        extraSources.forEach((directive, sources) -> sorted.put(directive, List.copyOf(sources)));
        extraSources = Collections.unmodifiableMap(sorted);
    }

    public static SecuritySettings defaults() {
        return new SecuritySettings(true, true, true, Map.of());
    }
}
