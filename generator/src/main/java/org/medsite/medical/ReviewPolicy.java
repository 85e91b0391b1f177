package org.medsite.medical;

/**
 * How often medical pages are reviewed, from {@code site.yaml}'s {@code medical:} block.
 *
 * @param cycleMonths months from one review to the next (36 by default, as many patient-information
 *     publishers use; the NHS reviews at least every 3 years)
 * @param dueSoonDays how long before the due date a page is flagged as due soon
 */
public record ReviewPolicy(int cycleMonths, int dueSoonDays) {

    public static ReviewPolicy defaults() {
        return new ReviewPolicy(36, 60);
    }
}
