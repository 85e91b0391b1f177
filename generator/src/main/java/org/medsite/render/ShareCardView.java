package org.medsite.render;

/**
 * A page's generated share card as templates see it ({@code page.shareCard}), for {@code og:image}.
 *
 * @param url the link with the base path ({@code /clinic/blog/flu/share.png})
 * @param permalink the absolute URL when the base URL is absolute, else the same as {@code url}
 * @param width always 1200
 * @param height always 630
 * @param alt what the card shows: the title, the section and the practice's name
 */
public record ShareCardView(String url, String permalink, int width, int height, String alt) {
}
