package org.medsite.config;

import java.util.Optional;

/**
 * The {@code shareCards:} block of {@code site.yaml}: the picture a page shows when it is shared on social
 * media, drawn at build time for every page without its own {@code image}.
 *
 * @param enabled whether cards are drawn (default true)
 * @param background the card's background colour ({@code #rrggbb})
 * @param text the colour of the title and the practice name
 * @param accent the colour of the section label and the side band
 * @param logo the site path of a PNG or JPEG logo drawn beside the practice name, if any
 */
public record ShareCardSettings(boolean enabled, String background, String text, String accent, Optional<String> logo) {

    /** The clinic theme's own colours: white and a pale yellow on its dark teal, both above WCAG AA. */
    public static ShareCardSettings defaults() {
        return new ShareCardSettings(true, "#0b5563", "#ffffff", "#fde68a", Optional.empty());
    }
}
