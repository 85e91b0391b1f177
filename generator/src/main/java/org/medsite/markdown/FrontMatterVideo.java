package org.medsite.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medsite.diagnostics.Suggestions;

/**
 * The {@code video:} front matter key: a page's own click-to-load video, shown at the top of its content
 * with the same facade as a {@code ```video} block and checked the same way.
 *
 * <pre>
 * video:
 *   provider: youtube          (or vimeo)
 *   id: VIDEO_ID               (or, instead of provider and id, url: https://www.youtube.com/watch?v=...)
 *   title: How to wash your hands
 *   poster: handwashing.jpg    (a file of the page bundle, or /images/... from static/)
 * </pre>
 *
 * Mistakes are reported at the line of the {@code video:} key.
 */
public final class FrontMatterVideo {

    private static final Set<String> KEYS = Set.of("provider", "id", "url", "title", "poster");
    private static final Set<String> PROVIDERS = Set.of("youtube", "vimeo");

    private FrontMatterVideo() {
    }

    /**
     * The facade for a page's {@code video:} value, or empty when it has none or it is wrong (then reported).
     *
     * @param value the value as YAML gives it (a mapping, or whatever was written)
     * @param line the file line of the {@code video:} key
     */
    public static Optional<String> facade(Object value, int line, MarkdownContext page) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return invalid(page, line, "'video' must be a mapping such as {provider: youtube, id: VIDEO_ID, "
                    + "title: ..., poster: image.jpg}");
        }
        boolean wrong = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!KEYS.contains(key)) {
                page.findings().error("video.invalid", page.displayName(), line, "unknown key '" + key + "' under "
                        + "'video'; the keys are provider, id (or url), title and poster"
                        + Suggestions.didYouMean(key, KEYS));
                wrong = true;
            } else if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                page.findings().error("video.invalid", page.displayName(), line, "'video." + key + "' must be text");
                wrong = true;
            }
        }
        if (wrong) {
            return Optional.empty();
        }
        Optional<VideoSource> video = source(text(map, "provider"), text(map, "id"), text(map, "url"), line, page);
        String title = text(map, "title");
        if (title.isEmpty()) {
            page.findings().error("video.invalid", page.displayName(), line, "'video' needs a 'title' (the button and "
                    + "the player are named after it, WCAG 4.1.2)");
        }
        if (video.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        String poster = text(map, "poster");
        if (poster.isEmpty()) {
            page.findings().warning("video.poster", page.displayName(), line, "the video '" + title + "' has no "
                    + "poster; add 'poster: image.jpg' under 'video' (a local image: the facade never loads the "
                    + "provider's thumbnails)");
        }
        return Optional.of(VideoRenderer.facade(video.get(), title, VideoRenderer.poster(poster, line, page), page.lang()));
    }

    private static Optional<VideoSource> source(String provider, String id, String url, int line, MarkdownContext page) {
        if (id.isEmpty() == url.isEmpty()) {
            return invalid(page, line, "'video' needs either 'provider' and 'id', or 'url' (the video's address)");
        }
        if (!url.isEmpty()) {
            Optional<VideoSource> video = VideoSource.fromUrl(url);
            return video.isPresent() ? video : invalid(page, line, "'" + url + "' is not a YouTube or Vimeo video "
                    + "address; give e.g. https://www.youtube.com/watch?v=<11-character id> or https://vimeo.com/<number>");
        }
        String p = provider.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(p)) {
            return invalid(page, line, provider.isEmpty() ? "'video' with an 'id' needs a 'provider': youtube or vimeo"
                    : "unknown video provider '" + provider + "'; click-to-load videos come from youtube or vimeo"
                            + Suggestions.didYouMean(p, PROVIDERS));
        }
        Optional<VideoSource> video = id.contains("/") ? VideoSource.fromUrl(id).filter(v -> v.provider().equals(p))
                : p.equals("youtube") ? VideoSource.youtube(id) : VideoSource.vimeo(id);
        return video.isPresent() ? video : invalid(page, line, "'" + id + "' is not a " + p + " video id ("
                + (p.equals("youtube") ? "11 letters, digits, - or _" : "digits") + ")");
    }

    private static <T> Optional<T> invalid(MarkdownContext page, int line, String message) {
        page.findings().error("video.invalid", page.displayName(), line, message);
        return Optional.empty();
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value).strip();
    }
}
