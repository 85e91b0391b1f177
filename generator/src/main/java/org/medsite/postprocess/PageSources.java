package org.medsite.postprocess;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * What one finished page loads, by Content-Security-Policy directive: the other origins it loads from
 * ({@code https://player.vimeo.com} under {@code frame-src}), {@code data:} images, and the hash of each
 * inline script, style element and style attribute. Read from the parsed page, after every transformer,
 * so the policy allows exactly what the page uses and nothing more.
 *
 * <p>A click-to-load video ({@code data-video-embed} on the facade) counts as the frame it becomes.
 *
 * @param sources extra sources by directive (sorted)
 * @param inlineHandlers descriptions of inline event handlers and {@code javascript:} links, which no policy
 *     without {@code 'unsafe-inline'} lets run
 */
public record PageSources(Map<String, SortedSet<String>> sources, SortedSet<String> inlineHandlers) {

    // equals, hashCode and toString written out, in the record's form: its own are bootstrapped through
    // invokedynamic at run time, and every finished page of a one-page rebuild compares its stylesheets'
    // sources (issue #11). toString is part of the finished pages' cache key.

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PageSources s && sources.equals(s.sources)
                && inlineHandlers.equals(s.inlineHandlers);
    }

    @Override
    public int hashCode() {
        return 31 * sources.hashCode() + inlineHandlers.hashCode();
    }

    @Override
    public String toString() {
        return "PageSources[sources=" + sources + ", inlineHandlers=" + inlineHandlers + "]";
    }

    /** Marks style attribute hashes, which need {@code 'unsafe-hashes'} beside them. */
    static final String STYLE_ATTRIBUTE = "style-src-attr";

    /**
     * Marks the hashes of JSON-LD blocks. Browsers never run a data block, so no policy needs them; but the
     * Nu Html Checker applies a page's meta policy to every {@code <script>} element and reports each JSON-LD
     * block as a blocked inline script. The page's meta policy lists their hashes, which allow nothing
     * that could run (the text is JSON); the header policy, shared by many pages, leaves them out.
     */
    static final String DATA_BLOCK = "script-src-data";

    /** The attribute the video facade keeps the player's address in until the click. */
    public static final String VIDEO_EMBED_ATTRIBUTE = "data-video-embed";

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]+)");

    /**
     * What an element loads: the elements named {@code tag} (or any, when null) that {@code selector} matches
     * and that are inside one of {@code within} (any, when empty), its address in {@code attribute}.
     */
    private record Load(String tag, Evaluator selector, Set<String> within, String attribute, String directive) {

        Load(String tag, String selector, Set<String> within, String attribute, String directive) {
            this(tag, Selector.evaluatorOf(selector), within, attribute, directive);
        }

        Load(String tag, String selector, String attribute, String directive) {
            this(tag, selector, Set.of(), attribute, directive);
        }

        List<Element> in(PageElements page) {
            List<Element> found = tag == null ? page.select(selector) : page.select(tag, selector);
            return within.isEmpty() ? found
                    : found.stream().filter(e -> PageElements.hasAncestor(e, within)).toList();
        }
    }

    /** Selectors parsed once: Jsoup parses a selector string again on every call (issue #11). */
    private static final List<Load> LOADS = List.of(
        new Load("script", "script[src]", "src", "script-src"), new Load("iframe", "iframe[src]", "src", "frame-src"),
        new Load("frame", "frame[src]", "src", "frame-src"), new Load("img", "img[src]", "src", "img-src"),
        new Load("input", "input[type=image][src]", "src", "img-src"), new Load("video", "video[poster]", "poster", "img-src"),
        new Load("video", "video[src]", "src", "media-src"), new Load("audio", "audio[src]", "src", "media-src"),
        new Load("source", "source[src]", Set.of("video", "audio"), "src", "media-src"),
        new Load("track", "track[src]", "src", "media-src"), new Load("embed", "embed[src]", "src", "object-src"),
        new Load("object", "object[data]", "data", "object-src"),
        new Load("link", "link[rel~=(?i)^stylesheet$][href]", "href", "style-src"),
        new Load("link", "link[rel~=(?i)^(icon|apple-touch-icon)$][href]", "href", "img-src"),
        new Load("link", "link[rel~=(?i)^manifest$][href]", "href", "manifest-src"),
        new Load("link", "link[rel~=(?i)^preload$][as=font][href]", "href", "font-src"),
        new Load("form", "form[action]", "action", "form-action"),
        new Load(null, "[" + VIDEO_EMBED_ATTRIBUTE + "]", VIDEO_EMBED_ATTRIBUTE, "frame-src"));
    /** {@code img[srcset], picture source[srcset]}. */
    private static final List<Load> SRCSETS = List.of(new Load("img", "img[srcset]", "srcset", "img-src"),
            new Load("source", "source[srcset]", Set.of("picture"), "srcset", "img-src"));
    private static final Evaluator SCRIPTS = Selector.evaluatorOf("script");
    private static final Evaluator STYLES = Selector.evaluatorOf("style");

    public PageSources {
        Map<String, SortedSet<String>> copy = new TreeMap<>();
        sources.forEach((directive, set) -> copy.put(directive, Collections.unmodifiableSortedSet(new TreeSet<>(set))));
        sources = Collections.unmodifiableMap(copy);
        inlineHandlers = Collections.unmodifiableSortedSet(new TreeSet<>(inlineHandlers));
    }

    public static final PageSources NONE = new PageSources(Map.of(), new TreeSet<>());

    /** What {@code page} loads from anywhere but its own origin, and its inline code. */
    public static PageSources of(Document page) {
        return of(PageElements.of(page));
    }

    /** The same, from the page's elements listed once. */
    public static PageSources of(PageElements page) {
        Map<String, SortedSet<String>> sources = new TreeMap<>();
        SortedSet<String> handlers = new TreeSet<>();
        for (Load load : LOADS) {
            for (Element e : load.in(page)) {
                add(sources, load.directive(), e.attr(load.attribute()));
            }
        }
        for (Load load : SRCSETS) {
            for (Element e : load.in(page)) {
                for (String candidate : e.attr("srcset").split(",")) {
                    add(sources, "img-src", candidate.strip().split("\\s+")[0]);
                }
            }
        }
        for (Element script : page.select("script", SCRIPTS)) {
            if (script.hasAttr("src")) {
                continue;
            }
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty() || type.equals("module") || type.endsWith("javascript") || type.endsWith("ecmascript")) {
                put(sources, "script-src", hash(script.data()));
            } else if (type.equals("application/ld+json")) {
                put(sources, DATA_BLOCK, hash(script.data()));
            }
        }
        for (Element style : page.select("style", STYLES)) {
            put(sources, "style-src", hash(style.data()));
            css(sources, style.data());
        }
        for (Element e : page.all()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.equals("style")) {
                    put(sources, STYLE_ATTRIBUTE, hash(a.getValue()));
                    css(sources, a.getValue());
                } else if (name.startsWith("on") && name.length() > 2) {
                    handlers.add(name + " on <" + e.tagName() + ">");
                } else if ((name.equals("href") || name.equals("action") || name.equals("src"))
                        && a.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    handlers.add("javascript: link on <" + e.tagName() + ">");
                }
            }
        }
        return new PageSources(sources, handlers);
    }

    /** These sources and {@code other}'s, for the policy of several pages. */
    public PageSources with(PageSources other) {
        Map<String, SortedSet<String>> merged = new TreeMap<>();
        sources.forEach((d, s) -> merged.computeIfAbsent(d, k -> new TreeSet<>()).addAll(s));
        other.sources.forEach((d, s) -> merged.computeIfAbsent(d, k -> new TreeSet<>()).addAll(s));
        SortedSet<String> handlers = new TreeSet<>(inlineHandlers);
        handlers.addAll(other.inlineHandlers);
        return new PageSources(merged, handlers);
    }

    /** The sources a stylesheet's {@code url()}s add: data URIs and other origins, for images and fonts. */
    public static PageSources ofStylesheet(String css) {
        Map<String, SortedSet<String>> sources = new TreeMap<>();
        css(sources, css);
        Map<String, SortedSet<String>> both = new TreeMap<>(sources);
        Optional.ofNullable(sources.get("img-src")).ifPresent(s -> both.put("font-src", s));
        return new PageSources(both, new TreeSet<>());
    }

    private static void css(Map<String, SortedSet<String>> sources, String css) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            add(sources, "img-src", m.group(1));
        }
    }

    /** Adds the source a URL needs, if it is not the page's own origin. */
    private static void add(Map<String, SortedSet<String>> sources, String directive, String url) {
        origin(url).ifPresent(o -> put(sources, directive, o));
    }

    private static void put(Map<String, SortedSet<String>> sources, String directive, String source) {
        sources.computeIfAbsent(directive, k -> new TreeSet<>()).add(source);
    }

    /**
     * The source expression for a URL on another origin ({@code https://host}, {@code data:}), or empty for
     * a URL on the page's own origin (relative or root-relative). An absolute URL on the site's own host
     * is kept too: the policy cannot know where the site is served from in a preview.
     */
    static Optional<String> origin(String url) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            return Optional.of("data:");
        }
        if (lower.startsWith("blob:")) {
            return Optional.of("blob:");
        }
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//"))) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(lower.startsWith("//") ? "https:" + u : u.replace(" ", "%20"));
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The CSP hash source of an inline script or style: what a browser computes over the element's text. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
