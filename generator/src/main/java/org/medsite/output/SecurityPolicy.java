package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.medsite.config.PrivacySettings;

/**
 * A Content-Security-Policy that matches what the pages actually use: everything from the site itself,
 * plus the hosts the site allowed, plus a hash for each inline script or style a page really has
 * (so no {@code 'unsafe-inline'}). Written as {@code _headers} (Netlify, Cloudflare Pages) with the other
 * privacy and security headers, and as a {@code <meta http-equiv>} in every page for hosts that cannot
 * set headers. Observes pages from several threads while they are post-processed.
 */
public final class SecurityPolicy {

    private final Set<String> scriptHashes = new ConcurrentSkipListSet<>();
    private final Set<String> styleHashes = new ConcurrentSkipListSet<>();
    private final Set<String> styleAttributeHashes = new ConcurrentSkipListSet<>();
    private final PrivacySettings privacy;

    public SecurityPolicy(PrivacySettings privacy) {
        this.privacy = privacy;
    }

    /** Records the inline scripts and styles of one page. JSON-LD blocks are data, which CSP does not run. */
    public void observe(Document page) {
        for (Element script : page.select("script:not([src])")) {
            String type = script.attr("type");
            if (type.isEmpty() || type.equals("text/javascript") || type.equals("module")) {
                scriptHashes.add(hash(script.data()));
            }
        }
        for (Element style : page.select("style")) {
            styleHashes.add(hash(style.data()));
        }
        for (Element e : page.select("[style]")) {
            styleAttributeHashes.add(hash(e.attr("style")));
        }
    }

    /** The policy as a header value (with the directives a meta element cannot carry when {@code header}). */
    public String policy(boolean header) {
        List<String> allowed = privacy.allowedHosts().stream().map(h -> "https://" + h.host()).sorted().toList();
        List<String> d = new ArrayList<>();
        d.add("default-src 'self'");
        d.add("script-src " + join("'self'", scriptHashes));
        Set<String> styles = new TreeSet<>(styleHashes);
        if (!styleAttributeHashes.isEmpty()) {
            styles.addAll(styleAttributeHashes);
            styles.add("'unsafe-hashes'");
        }
        d.add("style-src " + join("'self'", styles));
        d.add("img-src " + join("'self' data:", allowed));
        d.add("media-src " + join("'self'", allowed));
        d.add("frame-src " + (allowed.isEmpty() ? "'none'" : String.join(" ", allowed)));
        d.add("font-src 'self'");
        d.add("connect-src 'self'");
        d.add("object-src 'none'");
        d.add("base-uri 'self'");
        d.add("form-action " + join("'self'", privacy.bookingHosts().stream().map(h -> "https://" + h).toList()));
        if (header) {
            // Only honoured as a header: a page may not be framed (clickjacking).
            d.add("frame-ancestors 'none'");
        }
        d.add("upgrade-insecure-requests");
        return String.join("; ", d);
    }

    /** The {@code _headers} file: the policy and the privacy headers for every path. */
    public byte[] headersFile() {
        String text = "/*\n"
                + "  Content-Security-Policy: " + policy(true) + "\n"
                // The address of a health page is health information: send no Referer to other sites.
                + "  Referrer-Policy: same-origin\n"
                + "  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                + "interest-cohort=(), browsing-topics=()\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  X-Frame-Options: DENY\n"
                + "  Cross-Origin-Opener-Policy: same-origin\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The meta elements to put first in every page's head. */
    public String metaElements() {
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy(false) + "\">"
                + "<meta name=\"referrer\" content=\"same-origin\">";
    }

    private static String join(String first, Iterable<String> rest) {
        StringBuilder sb = new StringBuilder(first);
        for (String r : rest) {
            sb.append(' ').append(r);
        }
        return sb.toString();
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
