package org.medsite.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.medsite.diagnostics.FindingCollector;

/**
 * Every link, image, stylesheet and script that a rendered page loads from the site itself must exist
 * in the output, and every same-page {@code #fragment} must name an element of the page. Catches what
 * the Markdown link resolver cannot see: links written in templates, in raw HTML and in menus.
 */
public final class InternalLinkCheck implements PageCheck {

    /** The rules this check reports. */
    public static final java.util.Set<String> RULES = java.util.Set.of("link.broken", "link.fragment",
            "link.malformed", "link.outside-base");

    /** Tag, selector and attribute of each reference; selectors parsed once (issue #11). */
    private record Reference(String tag, Evaluator selector, String attribute) {
        Reference(String tag, String attribute) {
            this(tag, Selector.evaluatorOf(tag + "[" + attribute + "]"), attribute);
        }
    }

    private static final List<Reference> REFERENCES = List.of(
        new Reference("a", "href"), new Reference("area", "href"), new Reference("link", "href"),
        new Reference("img", "src"), new Reference("script", "src"), new Reference("source", "src"),
        new Reference("video", "src"), new Reference("audio", "src"), new Reference("track", "src"),
        new Reference("iframe", "src"), new Reference("video", "poster"), new Reference("form", "action"));

    @Override
    public void check(RenderedPage page, OutputIndex output, FindingCollector findings) {
        for (Reference reference : REFERENCES) {
            for (Element element : page.elements().select(reference.tag(), reference.selector())) {
                check(page, output, element.attr(reference.attribute()), element.tagName(), findings);
            }
        }
    }

    private static void check(RenderedPage page, OutputIndex output, String value, String tag,
            FindingCollector findings) {
        String href = value.strip();
        if (href.isEmpty()) {
            return;
        }
        if (href.startsWith("#")) {
            String id = URLDecoder.decode(href.substring(1), StandardCharsets.UTF_8);
            if (!id.isEmpty() && page.document().getElementById(id) == null
                    && page.document().selectFirst("a[name=" + cssEscape(id) + "]") == null) {
                findings.error("link.fragment", page.origin(), 0, "link '" + href + "' points to no element with id '"
                        + id + "' on this page");
            }
            return;
        }
        URI uri;
        try {
            uri = new URI(href.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            findings.error("link.malformed", page.origin(), 0, "<" + tag + "> link '" + href + "' is not a valid address");
            return;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null) {
            return;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty()) {
            return;
        }
        String sitePath;
        if (path.startsWith("/")) {
            if (!path.startsWith(output.basePath()) && !(path + "/").equals(output.basePath())) {
                findings.error("link.outside-base", page.origin(), 0, "<" + tag + "> link '" + href
                        + "' is outside the site's base path " + output.basePath()
                        + "; write links with relURL(...) in templates");
                return;
            }
            sitePath = "/" + (path.length() >= output.basePath().length() ? path.substring(output.basePath().length()) : "");
        } else {
            sitePath = URI.create("http://x" + page.url()).resolve(uri.getRawPath()).getPath();
        }
        if (!output.serves(sitePath)) {
            findings.error("link.broken", page.origin(), 0, "<" + tag + "> link '" + href + "' points to "
                    + sitePath + ", which the site does not have");
        }
    }

    private static String cssEscape(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
