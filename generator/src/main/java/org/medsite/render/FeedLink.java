package org.medsite.render;

/**
 * A feed a page can advertise with {@code <link rel="alternate">}.
 *
 * @param title what the feed holds
 * @param url its address
 * @param type its media type ({@code application/atom+xml}, {@code application/rss+xml}, {@code application/feed+json})
 */
public record FeedLink(String title, String url, String type) {
}
