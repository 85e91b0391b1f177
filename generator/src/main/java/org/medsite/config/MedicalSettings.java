package org.medsite.config;

import java.util.Optional;

/**
 * The {@code medical:} block of {@code site.yaml}.
 *
 * @param reviewCycleMonths months from one medical review to the next (default 36)
 * @param dueSoonDays how many days before a review is due a page is flagged (default 60)
 * @param disclaimer the site's medical disclaimer per language, replacing the theme's wording
 * @param emergencyNotice the emergency notice shown on medical pages per language, replacing the theme's wording
 * @param editorialPolicy the site path of the editorial policy page medical pages link to
 */
public record MedicalSettings(int reviewCycleMonths, int dueSoonDays, LocalizedText disclaimer,
        LocalizedText emergencyNotice, Optional<String> editorialPolicy) {

    public static MedicalSettings defaults() {
        return new MedicalSettings(36, 60, LocalizedText.none(), LocalizedText.none(), Optional.empty());
    }
}
