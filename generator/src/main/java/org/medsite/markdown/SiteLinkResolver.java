package org.medsite.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites links between sources into links between built pages: {@code ../library/flu/index.md#symptoms}
 * becomes {@code /library/flu/#symptoms}, and a bundle's {@code chart.png} becomes the image's site path.
 * Authors link files they can see in their editor; the site gets clean URLs, and a link to a page that
 * does not exist is an error at build time instead of a 404 for a patient.
 */
final class SiteLinkResolver implements LinkResolver {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        if (page == null || !(link.getLinkType() == LinkType.LINK || link.getLinkType() == LinkType.IMAGE)) {
            return link;
        }
        String url = link.getUrl();
        if (node instanceof com.vladsch.flexmark.ast.MailLink) {
            return link; // An e-mail address written bare; the renderer adds "mailto:".
        }
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("//") || SCHEME.matcher(url).find()) {
            return link;
        }
        int cut = indexOfAny(url, '#', '?');
        String path = cut < 0 ? url : url.substring(0, cut);
        String suffix = cut < 0 ? "" : url.substring(cut);
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);

        if (decoded.startsWith("/")) {
            // A site path: make it follow the base path; the link check verifies it after rendering.
            return link.withStatus(LinkStatus.VALID).withUrl(page.basePath() + path.substring(1) + suffix);
        }
        Optional<String> target = normalize(parent(page.contentPath()), decoded);
        if (target.isEmpty()) {
            page.findings().error("markdown.link-outside", page.displayName(), line(page, node), "link '" + url
                    + "' leaves the content folder; link to pages and files inside content/");
            return link.withStatus(LinkStatus.INVALID);
        }
        String lower = target.get().toLowerCase(Locale.ROOT);
        boolean markdown = lower.endsWith(".md") || lower.endsWith(".markdown");
        Optional<String> resolved = markdown ? page.links().page(target.get()) : page.links().resource(target.get());
        if (resolved.isEmpty() && !markdown && (target.get().isEmpty() || path.endsWith("/"))) {
            // "../blog/" style folder links: accept a section or bundle written as a folder.
            resolved = page.links().page(target.get() + (target.get().isEmpty() ? "" : "/") + "_index.md")
                    .or(() -> page.links().page(target.get() + "/index.md"));
        }
        if (resolved.isEmpty()) {
            String what = markdown ? "a page" : "a file";
            page.findings().error("markdown.broken-link", page.displayName(), line(page, node), "link '" + url + "' points to "
                    + what + " that does not exist (content/" + target.get() + ")"
                    + (markdown ? "; check the file name, or whether the page is a draft" : ""));
            return link.withStatus(LinkStatus.INVALID);
        }
        return link.withStatus(LinkStatus.VALID).withUrl(page.basePath() + resolved.get().substring(1) + suffix);
    }

    /** The file line of a link: asked only for a finding, since Flexmark counts the lines of all the text before it. */
    private static int line(MarkdownContext page, Node node) {
        return page.fileLine(node.getStartLineNumber());
    }

    /** Joins a relative path to a folder, refusing paths that climb out of {@code content/}. */
    static Optional<String> normalize(String folder, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String p : folder.split("/")) {
                parts.addLast(p);
            }
        }
        for (String p : relative.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else if (p.contains("\\") || p.contains("\0")) {
                return Optional.empty();
            } else {
                parts.addLast(p);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    static final class Factory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new SiteLinkResolver();
        }
    }
}
