package org.medsite.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Site paths written by authors ({@code url}, {@code aliases}) checked before they become files: a path
 * must stay inside the output folder whatever way it is spelled ({@code ../}, {@code %2e%2e/},
 * backslashes, drive letters).
 */
public final class SitePaths {

    private SitePaths() {
    }

    /**
     * Normalizes an author-written site path to {@code /a/b/} (or {@code /a/b.html}).
     *
     * @return the path, or empty when it is unsafe or not a site path
     */
    public static Optional<String> normalize(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.strip().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!decoded.startsWith("/") || decoded.startsWith("//") || decoded.contains("\\") || decoded.contains(":")
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || decoded.contains("?") || decoded.contains("#")) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("/");
        String[] segments = decoded.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals(".") || s.equals("..") || s.startsWith(".")) {
                return Optional.empty();
            }
            sb.append(s);
            boolean last = i == segments.length - 1;
            if (!(last && s.endsWith(".html"))) {
                sb.append('/');
            }
        }
        return Optional.of(sb.toString());
    }

    /** The output file of a site path: {@code /a/b/} is {@code a/b/index.html}. */
    public static String outputPath(String url) {
        String rel = url.substring(1);
        return rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
    }
}
