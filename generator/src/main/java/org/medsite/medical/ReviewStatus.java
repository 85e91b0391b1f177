package org.medsite.medical;

import java.time.LocalDate;

/** Where a page stands in its review cycle on a given day. */
public enum ReviewStatus {
    CURRENT("current"),
    DUE_SOON("due-soon"),
    OVERDUE("overdue"),
    UNREVIEWED("unreviewed");

    private final String id;

    ReviewStatus(String id) {
        this.id = id;
    }

    /** The status as templates and reports spell it ({@code due-soon}). */
    public String id() {
        return id;
    }

    public static ReviewStatus of(MedicalInfo info, LocalDate today, int dueSoonDays) {
        if (info.lastReviewed().isEmpty() || info.nextReview().isEmpty()) {
            return UNREVIEWED;
        }
        LocalDate next = info.nextReview().get();
        if (!next.isAfter(today)) {
            return OVERDUE;
        }
        return next.isAfter(today.plusDays(dueSoonDays)) ? CURRENT : DUE_SOON;
    }
}
