package org.medsite.postprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.medsite.config.SecuritySettings;
import org.medsite.diagnostics.FindingCollector;

/**
 * A strict Content-Security-Policy built from what pages use ({@link PageSources}): nothing by default,
 * the site's own files for scripts, styles, images, fonts, media and fetches (the search index), and
 * beyond that only the origins and inline-code hashes the pages really have, plus the site's
 * {@code security.sources}. Frames are allowed only where a page has one (a video after its click), forms
 * post only to the site and the hosts its forms name, and nothing may frame the site or change its base URL.
 *
 * <p>As a header the policy also carries {@code frame-ancestors}; a {@code <meta http-equiv>} cannot
 * (CSP Level 3, section 3.3), so {@link #meta} leaves it out.
 */
public final class ContentSecurityPolicy {

    /** Directives that start from the site's own origin; the others start from nothing. */
    private static final List<String> SELF = List.of("script-src", "style-src", "img-src", "font-src", "connect-src",
            "media-src", "manifest-src", "form-action");
    /** The order directives are written in, so the same site gives the same bytes. */
    private static final List<String> ORDER = List.of("default-src", "script-src", "style-src", "img-src", "font-src",
            "connect-src", "media-src", "manifest-src", "worker-src", "frame-src", "object-src", "form-action",
            "base-uri");

    /** Rules a site may change the level of under {@code checks:}. */
    public static final Set<String> RULES = Set.of("security.inline-code", "security.headers-limit");

    private final SecuritySettings settings;

    public ContentSecurityPolicy(SecuritySettings settings) {
        this.settings = settings;
    }

    /** The policy for a page (or, with the union of all pages' sources, for the site) as a header value. */
    public String header(PageSources used) {
        return String.join("; ", directives(used, false)) + "; frame-ancestors 'none'";
    }

    /**
     * The same policy without the directives a meta element cannot carry, and with the hashes of the page's
     * JSON-LD blocks (see {@link PageSources#DATA_BLOCK}).
     */
    public String meta(PageSources used) {
        return String.join("; ", directives(used, true));
    }

    private List<String> directives(PageSources used, boolean withDataBlocks) {
        Map<String, Set<String>> policy = new LinkedHashMap<>();
        for (String directive : ORDER) {
            policy.put(directive, new LinkedHashSet<>());
        }
        policy.get("default-src").add("'none'");
        SELF.forEach(d -> policy.get(d).add("'self'"));
        policy.get("object-src").add("'none'");
        policy.get("base-uri").add("'self'");
        for (Map.Entry<String, SortedSet<String>> e : used.sources().entrySet()) {
            if (e.getKey().equals(PageSources.STYLE_ATTRIBUTE)) {
                // CSP Level 3: hashes match style attributes only next to 'unsafe-hashes'.
                policy.get("style-src").add("'unsafe-hashes'");
                policy.get("style-src").addAll(e.getValue());
            } else if (e.getKey().equals(PageSources.DATA_BLOCK)) {
                if (withDataBlocks) {
                    policy.get("script-src").addAll(e.getValue());
                }
            } else if (e.getKey().equals("object-src")) {
                policy.put("object-src", new LinkedHashSet<>(e.getValue()));
            } else {
                policy.get(e.getKey()).addAll(e.getValue());
            }
        }
        settings.extraSources().forEach((directive, sources) -> {
            Set<String> set = policy.get(directive);
            if (set.size() == 1 && set.contains("'none'")) {
                set.clear();
            }
            set.addAll(sources);
        });
        List<String> result = new ArrayList<>();
        policy.forEach((directive, sources) -> {
            if (!sources.isEmpty()) {
                result.add(directive + " " + String.join(" ", sources));
            }
        });
        return result;
    }

    /**
     * Reports the inline code of a page that its policy will block: event handler attributes and
     * {@code javascript:} links cannot be allowed by a hash without also allowing every other handler.
     */
    public static void reportInlineCode(PageSources used, String origin, FindingCollector findings) {
        for (String handler : used.inlineHandlers()) {
            findings.warning("security.inline-code", origin, 0, handler + " will not run under the site's "
                    + "Content-Security-Policy; move the code into a script file and attach it with addEventListener");
        }
    }

    /**
     * Puts the page's policy first in its {@code <head>}, after {@code <meta charset>}: a policy in a meta
     * element governs only what comes after it.
     */
    public void insertMeta(Document page, PageSources used) {
        Element meta = new Element("meta").attr("http-equiv", "Content-Security-Policy").attr("content", meta(used));
        Element charset = page.head().selectFirst("meta[charset]");
        if (charset != null) {
            charset.after(meta);
        } else {
            page.head().prependChild(meta);
        }
    }
}
