package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code _headers} file (Netlify and Cloudflare Pages format): for every path, the site's
 * Content-Security-Policy and the headers that keep a health site's visitors private: no referrer beyond
 * the origin to other sites (the address of a health page is health information), no camera, microphone,
 * location or interest-based advertising, no MIME sniffing, no framing.
 *
 * <p>A site's own {@code static/_headers} is kept: its lines come first and unchanged, and of Medsite's
 * headers only those the site's file does not set are added for {@code /*}; each header the site sets
 * itself wins over Medsite's.
 */
public final class SecurityHeaders {

    public static final String FILE = "_headers";

    /** Features a medical information site never needs; {@code interest-cohort} is FLoC's name, {@code browsing-topics} its successor's. */
    static final String PERMISSIONS = "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^\\s+([A-Za-z0-9-]+)\\s*:");

    private SecurityHeaders() {
    }

    /**
     * The headers for every path, in the order they are written.
     *
     * @param policy the Content-Security-Policy header value, if the site has one
     */
    public static Map<String, String> headers(Optional<String> policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        policy.ifPresent(p -> headers.put("Content-Security-Policy", p));
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", PERMISSIONS);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    /**
     * The file's text: the site's own file, if any, then a {@code /*} block with each of {@code headers}
     * that the site's file does not already set (compared without regard to case).
     */
    public static byte[] file(Map<String, String> headers, Optional<String> siteFile) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> own = new java.util.HashSet<>();
        siteFile.ifPresent(site -> {
            Matcher m = HEADER_LINE.matcher(site);
            while (m.find()) {
                own.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            text.append(site);
            if (!site.endsWith("\n")) {
                text.append('\n');
            }
            text.append("\n# Added by Medsite (see README, 'Security headers')\n");
        });
        StringBuilder block = new StringBuilder();
        headers.forEach((name, value) -> {
            if (!own.contains(name.toLowerCase(Locale.ROOT))) {
                block.append("  ").append(name).append(": ").append(value).append('\n');
            }
        });
        if (block.length() > 0) {
            text.append("/*\n").append(block);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
