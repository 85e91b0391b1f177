package org.medsite.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.medsite.diagnostics.Suggestions;

/**
 * Click-to-load videos. A fenced block with the info string {@code video} holds {@code key: value} lines:
 *
 * <pre>
 * ```video
 * youtube: https://www.youtube.com/watch?v=VIDEO_ID   (or an id; or vimeo: ...; or url: ...)
 * title: How to wash your hands
 * poster: handwashing.jpg                             (a file of the page bundle, or /images/... from static/)
 * ```
 * </pre>
 *
 * It becomes a facade: the local poster, the title, a {@code <button>} that the theme's script turns into
 * the provider's privacy-enhanced player only when pressed, and a link to the video on the provider's site
 * for readers without JavaScript. Nothing loads from YouTube or Vimeo before the click. A raw YouTube or
 * Vimeo {@code <iframe>} written as an HTML block is rewritten into the same facade (with a warning to
 * use the block); one that cannot be (an invalid id, other markup around it) is left for the privacy
 * check to report, with a warning here that gives its line.
 */
final class VideoRenderer implements NodeRenderer {

    static final String INFO = "video";
    private static final Set<String> KEYS = Set.of("youtube", "vimeo", "url", "title", "poster");
    private static final Set<String> WRAPPERS = Set.of("div", "p", "figure", "center");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderBlock),
                new NodeRenderingHandler<>(HtmlBlock.class, this::renderHtmlBlock),
                new NodeRenderingHandler<>(HtmlInline.class, this::renderHtmlInline));
    }

    private void renderBlock(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        if (page == null || !node.getInfo().toString().strip().equalsIgnoreCase(INFO)) {
            context.delegateRender();
            return;
        }
        int blockLine = page.fileLine(node.getStartLineNumber());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> body = node.getContentChars().toString().lines().toList();
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i).strip();
            int line = blockLine + 1 + i;
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int colon = text.indexOf(':');
            String key = colon < 0 ? text : text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (colon < 0 || !KEYS.contains(key)) {
                page.findings().error("video.invalid", page.displayName(), line, "'" + text + "' in a video block: "
                        + "write 'key: value' with the keys youtube, vimeo or url, title and poster"
                        + (colon < 0 ? "" : Suggestions.didYouMean(key, KEYS)));
                continue;
            }
            values.put(key, unquote(text.substring(colon + 1).strip()));
            lines.put(key, line);
        }
        Optional<VideoSource> video = source(values, lines, blockLine, page);
        String title = values.getOrDefault("title", "");
        if (title.isEmpty()) {
            page.findings().error("video.invalid", page.displayName(), blockLine, "a video block needs a 'title:' "
                    + "(the button and the player are named after it, WCAG 4.1.2)");
        }
        if (video.isEmpty() || title.isEmpty()) {
            return;
        }
        Optional<String> poster = poster(values.get("poster"), lines.getOrDefault("poster", blockLine), page);
        if (!values.containsKey("poster")) {
            page.findings().warning("video.poster", page.displayName(), blockLine, "the video '" + title + "' has no "
                    + "poster; add 'poster: image.jpg' (a local image: the facade never loads the provider's thumbnails)");
        }
        html.line();
        html.raw(facade(video.get(), title, poster, page.lang()));
        html.line();
    }

    private static Optional<VideoSource> source(Map<String, String> values, Map<String, Integer> lines, int blockLine,
            MarkdownContext page) {
        List<String> given = values.keySet().stream().filter(k -> Set.of("youtube", "vimeo", "url").contains(k)).toList();
        if (given.size() != 1) {
            page.findings().error("video.invalid", page.displayName(), blockLine, "a video block needs exactly one of "
                    + "'youtube:', 'vimeo:' or 'url:' (the video's address or id)");
            return Optional.empty();
        }
        String key = given.get(0);
        String value = values.get(key);
        boolean isUrl = value.contains("/");
        Optional<VideoSource> video = isUrl ? VideoSource.fromUrl(value).filter(v -> key.equals("url") || v.provider().equals(key))
                : key.equals("youtube") ? VideoSource.youtube(value) : key.equals("vimeo") ? VideoSource.vimeo(value)
                : Optional.empty();
        if (video.isEmpty()) {
            page.findings().error("video.invalid", page.displayName(), lines.get(key), "'" + value + "' is not "
                    + (key.equals("url") ? "a YouTube or Vimeo video address" : "a " + key + " video id or address")
                    + "; give e.g. https://www.youtube.com/watch?v=<11-character id> or https://vimeo.com/<number>");
        }
        return video;
    }

    /** The poster's site address: a file of the page's bundle, or a site path (checked after rendering). */
    static Optional<String> poster(String poster, int line, MarkdownContext page) {
        if (poster == null || poster.isEmpty()) {
            return Optional.empty();
        }
        if (poster.contains("://") || poster.startsWith("//") || poster.startsWith("data:")) {
            page.findings().error("video.poster", page.displayName(), line, "poster '" + poster + "' is not a local "
                    + "image; put the image beside the page (or in static/) and name it here");
            return Optional.empty();
        }
        if (poster.startsWith("/")) {
            return Optional.of(page.basePath() + poster.substring(1));
        }
        int slash = page.contentPath().lastIndexOf('/');
        String folder = slash < 0 ? "" : page.contentPath().substring(0, slash);
        Optional<String> target = SiteLinkResolver.normalize(folder, poster).flatMap(page.links()::resource);
        if (target.isEmpty()) {
            page.findings().error("video.poster", page.displayName(), line, "poster '" + poster + "' does not exist; "
                    + "put the image beside the page (a page bundle) or give a site path such as /images/poster.jpg");
            return Optional.empty();
        }
        return Optional.of(page.basePath() + target.get().substring(1));
    }

    private void renderHtmlBlock(HtmlBlock node, NodeRendererContext context, HtmlWriter html) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        String raw = node.getChars().toString();
        if (page == null || !raw.toLowerCase(Locale.ROOT).contains("<iframe")) {
            context.delegateRender();
            return;
        }
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(raw);
        List<Element> frames = fragment.select("iframe[src]").stream()
                .filter(f -> VideoSource.isVideoHost(f.attr("src"))).toList();
        if (frames.isEmpty()) {
            context.delegateRender();
            return;
        }
        int line = page.fileLine(node.getStartLineNumber());
        Element frame = frames.get(0);
        Optional<VideoSource> video = VideoSource.fromUrl(frame.attr("src"));
        if (frames.size() == 1 && video.isPresent() && aloneIn(frame, fragment.body())) {
            String title = frame.attr("title").strip();
            if (title.isEmpty()) {
                title = video.get().providerName() + " video";
            }
            page.findings().warning("video.raw-embed", page.displayName(), line, "the " + video.get().providerName()
                    + " player here would load before the reader chooses to play; it is shown as a click-to-load video "
                    + "without a poster. Write a ```video block with 'title:' and a local 'poster:' instead");
            html.line();
            html.raw(facade(video.get(), title, Optional.empty(), page.lang()));
            html.line();
            return;
        }
        page.findings().warning("video.raw-embed", page.displayName(), line, "this embedded player ("
                + frame.attr("src") + ") cannot be made click-to-load" + (video.isEmpty() ? ": its address names no valid "
                        + "video" : ": other markup surrounds it") + "; write a ```video block with the video's address, "
                + "a title and a poster instead");
        context.delegateRender();
    }

    private void renderHtmlInline(HtmlInline node, NodeRendererContext context, HtmlWriter html) {
        MarkdownContext page = MarkdownRenderer.CONTEXT.get(context.getDocument());
        String raw = node.getChars().toString();
        if (page != null && raw.toLowerCase(Locale.ROOT).startsWith("<iframe")) {
            Element frame = Jsoup.parseBodyFragment(raw + "</iframe>").selectFirst("iframe[src]");
            if (frame != null && VideoSource.isVideoHost(frame.attr("src"))) {
                page.findings().warning("video.raw-embed", page.displayName(), page.fileLine(node.getStartLineNumber()),
                        "this embedded player (" + frame.attr("src") + ") inside a paragraph cannot be made "
                                + "click-to-load; write a ```video block on its own lines instead");
            }
        }
        context.delegateRender();
    }

    /** Whether an element is the only content of {@code body}, at most inside plain wrapper elements. */
    private static boolean aloneIn(Element frame, Element body) {
        for (Element e = frame; e != body; e = e.parent()) {
            Element parent = e.parent();
            if (parent != body && !WRAPPERS.contains(parent.tagName())) {
                return false;
            }
            for (org.jsoup.nodes.Node sibling : parent.childNodes()) {
                if (sibling != e && !(sibling instanceof TextNode t && t.isBlank())
                        && !(sibling instanceof org.jsoup.nodes.Comment)) {
                    return false;
                }
            }
        }
        return frame.children().isEmpty();
    }

    /**
     * The facade's markup. The button starts hidden: without the theme's script it could do nothing, and
     * the link to the provider's page is there instead.
     */
    static String facade(VideoSource video, String title, Optional<String> poster, String lang) {
        boolean es = lang.startsWith("es");
        String t = escape(title);
        String provider = video.providerName();
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"video\" data-video-provider=\"").append(video.provider())
                .append("\" data-video-embed=\"").append(escape(video.embedUrl()))
                .append("\" data-video-title=\"").append(t).append("\">\n");
        html.append("<div class=\"video-frame\">");
        poster.ifPresent(p -> html.append("<img class=\"video-poster\" src=\"").append(escape(p)).append("\" alt=\"\">"));
        html.append("<button type=\"button\" class=\"video-play\" hidden>")
                .append("<span class=\"video-play-icon\" aria-hidden=\"true\"></span>")
                .append(es ? "Reproducir el vídeo" : "Play video").append("<span class=\"visually-hidden\">: ")
                .append(t).append("</span></button></div>\n");
        html.append("<figcaption><span class=\"video-title\">").append(t).append("</span> ")
                .append("<a class=\"video-link\" href=\"").append(escape(video.watchUrl())).append("\">")
                .append(es ? "Ver en " + provider : "Watch on " + provider).append("<span class=\"visually-hidden\">: ")
                .append(t).append("</span></a> <span class=\"video-note\">")
                .append(es ? "Al reproducirlo aquí se carga el reproductor de " + provider + ", que recibe su dirección IP."
                        : "Playing it here loads " + provider + "'s player, which receives your IP address.")
                .append("</span></figcaption>\n</figure>");
        return html.toString();
    }

    private static String escape(String text) {
        return Escaping.escapeHtml(text, false);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new VideoRenderer();
        }
    }
}
