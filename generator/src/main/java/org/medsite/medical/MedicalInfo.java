package org.medsite.medical;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The medical metadata of a page, typed: what the JAMA benchmarks for health information ask a page to
 * show (authorship, attribution, disclosure, currency) and what schema.org's MedicalWebPage can say.
 *
 * @param type the kind of content ({@code condition}, {@code treatment}, {@code test}, {@code medication},
 *     {@code prevention}, {@code blog}, {@code page}, ...)
 * @param medical whether medical rules apply (default: true for clinical types)
 * @param audience {@code patient} or {@code clinician}
 * @param author the author's registry id
 * @param reviewedBy the medical reviewers' registry ids
 * @param factCheckedBy fact checkers' registry ids
 * @param lastReviewed the date of the last medical review
 * @param nextReview when the next review is due (written, or last review plus the site's cycle)
 * @param sources the sources, in the order written
 * @param about the condition or topic the page is about
 * @param specialties the medical specialties the page belongs to
 * @param disclosures financial interests relevant to the page
 * @param sponsored who sponsored the page, if anyone
 * @param history dated revision notes, newest first
 * @param disclaimer a page-specific disclaimer replacing the site's
 * @param actions "what to do next" items for patients
 * @param lines the front matter line of each medical key, for findings
 * @param readabilityTarget a page's own reading-grade target and why, replacing its audience's
 */
public record MedicalInfo(String type, boolean medical, String audience, Optional<String> author,
        List<String> reviewedBy, List<String> factCheckedBy, Optional<LocalDate> lastReviewed,
        Optional<LocalDate> nextReview, List<Source> sources, Optional<About> about, List<String> specialties,
        Optional<String> disclosures, Optional<String> sponsored, List<Revision> history, Optional<String> disclaimer,
        List<String> actions, java.util.Map<String, Integer> lines, Optional<ReadabilityTarget> readabilityTarget) {

    /** Content types that are medical unless a page says {@code medical: false}. */
    public static final List<String> CLINICAL_TYPES = List.of("condition", "treatment", "test", "medication",
            "prevention", "symptom", "procedure");

    public MedicalInfo {
        reviewedBy = List.copyOf(reviewedBy);
        factCheckedBy = List.copyOf(factCheckedBy);
        sources = List.copyOf(sources);
        specialties = List.copyOf(specialties);
        history = List.copyOf(history);
        actions = List.copyOf(actions);
        lines = java.util.Map.copyOf(lines);
    }

    /** The line of a key, or 1 (the front matter's start) when the page does not have it. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 1);
    }

    /**
     * What a page is about.
     *
     * @param name the condition or topic ("Hypertension")
     * @param icd10 its ICD-10 code, if given
     * @param snomed its SNOMED CT concept id, if given
     */
    public record About(String name, Optional<String> icd10, Optional<String> snomed) {
    }

    /**
     * A dated note on what changed.
     *
     * @param date when
     * @param note what changed
     */
    public record Revision(LocalDate date, String note) {
    }

    /**
     * A page's justified exception to its audience's reading grade.
     *
     * @param grade the highest grade for this page
     * @param reason why this page needs it ("names the medicines exactly as on the label")
     */
    public record ReadabilityTarget(double grade, String reason) {
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
