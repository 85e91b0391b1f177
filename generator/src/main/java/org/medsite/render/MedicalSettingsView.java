package org.medsite.render;

/**
 * The {@code medical:} settings of {@code site.yaml} as templates see them ({@code site.medical}), in the
 * language of the page being rendered. A text the site did not write for this language is null, so a
 * theme falls back to its own translated wording.
 *
 * @param disclaimer the site's medical disclaimer for this language, or null
 * @param emergencyNotice the site's emergency notice for this language, or null
 * @param editorialPolicy the link to the editorial policy page (base path included), or null
 * @param reviewCycleMonths months from one medical review to the next
 * @param dueSoonDays how many days before it is due a review counts as due soon
 */
public record MedicalSettingsView(String disclaimer, String emergencyNotice, String editorialPolicy,
        int reviewCycleMonths, int dueSoonDays) {
}
