package org.medsite.image;

/**
 * What one share card shows.
 *
 * @param title the page's title, large
 * @param label the page's section or kind ({@code Health library}), above the title; may be empty
 * @param siteName the practice's name, at the bottom beside its logo
 */
public record ShareCard(String title, String label, String siteName) {

    /** A text alternative that says what the card shows, for {@code og:image:alt}. */
    public String alt() {
        StringBuilder alt = new StringBuilder(title);
        if (!label.isEmpty()) {
            alt.append(" — ").append(label);
        }
        if (!siteName.isEmpty() && !siteName.equals(title)) {
            alt.append(" — ").append(siteName);
        }
        return alt.toString();
    }
}
