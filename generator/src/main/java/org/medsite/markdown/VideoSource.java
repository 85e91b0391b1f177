package org.medsite.markdown;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YouTube or Vimeo video, known by its id, and the addresses Medsite uses for it: the privacy-enhanced
 * player loaded after the click (YouTube's {@code youtube-nocookie.com}, Vimeo's {@code dnt=1}), and the
 * video's page on the provider's site for readers without JavaScript.
 *
 * @param provider {@code youtube} or {@code vimeo}
 * @param id the provider's id of the video (11 characters for YouTube, digits for Vimeo)
 */
public record VideoSource(String provider, String id) {

    static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    static final Pattern VIMEO_ID = Pattern.compile("[0-9]{1,12}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:embed|shorts|live|v)/([^/?#]+)");
    private static final Pattern VIMEO_PATH = Pattern.compile("/(?:video/)?([0-9]+)(?:[/?#].*)?");

    /** The player after the click: no cookies until the reader plays the video. */
    public String embedUrl() {
        return provider.equals("youtube") ? "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"
                : "https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1";
    }

    /** The video's page on the provider's site. */
    public String watchUrl() {
        return provider.equals("youtube") ? "https://www.youtube.com/watch?v=" + id : "https://vimeo.com/" + id;
    }

    /** The provider's name as readers know it. */
    public String providerName() {
        return provider.equals("youtube") ? "YouTube" : "Vimeo";
    }

    /** A YouTube id, or empty when {@code id} is not one. */
    static Optional<VideoSource> youtube(String id) {
        return YOUTUBE_ID.matcher(id).matches() ? Optional.of(new VideoSource("youtube", id)) : Optional.empty();
    }

    /** A Vimeo id, or empty when {@code id} is not one. */
    static Optional<VideoSource> vimeo(String id) {
        return VIMEO_ID.matcher(id).matches() ? Optional.of(new VideoSource("vimeo", id)) : Optional.empty();
    }

    /**
     * The video a YouTube or Vimeo address shows: watch pages, short links, embed and player addresses.
     * Empty for any other address, or one whose id is not a valid id.
     */
    static Optional<VideoSource> fromUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip().startsWith("//") ? "https:" + url.strip() : url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.equals("youtu.be")) {
            return youtube(path.replaceFirst("^/", ""));
        }
        if (isHost(host, "youtube.com") || isHost(host, "youtube-nocookie.com")) {
            Matcher m = YOUTUBE_PATH.matcher(path);
            if (m.lookingAt()) {
                return youtube(m.group(1));
            }
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            for (String pair : query.split("&")) {
                if (pair.startsWith("v=")) {
                    return youtube(pair.substring(2));
                }
            }
            return Optional.empty();
        }
        if (isHost(host, "vimeo.com")) {
            Matcher m = VIMEO_PATH.matcher(path);
            return m.matches() ? vimeo(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether an address is on YouTube or Vimeo at all (valid video or not). */
    static boolean isVideoHost(String url) {
        try {
            String host = URI.create(url.strip().startsWith("//") ? "https:" + url.strip() : url.strip()).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return isHost(h, "youtube.com") || isHost(h, "youtube-nocookie.com") || h.equals("youtu.be")
                    || isHost(h, "vimeo.com");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHost(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
