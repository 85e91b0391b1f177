package org.medsite.render;

import java.util.List;

/**
 * A page's typed medical information ({@code page.medicalInfo}), with its review ({@code page.review})
 * and numbered sources ({@code page.sources}).
 *
 * @param type the content type ({@code condition}, {@code blog}, ...)
 * @param medical whether medical rules apply (and the theme should show review box and disclaimer)
 * @param audience {@code patient} or {@code clinician}
 * @param about the condition's name, or null
 * @param icd10 its ICD-10 code, or null
 * @param specialties specialty names
 * @param disclosures financial interests, or null
 * @param sponsored the sponsor, or null
 * @param history revision notes, newest first
 * @param disclaimer the page's own disclaimer, or null for the site's
 * @param actions "what to do next" items
 */
public record MedicalView(String type, boolean medical, String audience, String about, String icd10,
        List<String> specialties, String disclosures, String sponsored, List<RevisionView> history, String disclaimer,
        List<String> actions) {

    /**
     * A revision note.
     *
     * @param date when
     * @param note what changed
     */
    public record RevisionView(DateView date, String note) {
    }

    /**
     * Who wrote and reviewed a page, and when.
     *
     * @param author the author, or null
     * @param reviewers the medical reviewers
     * @param factCheckers the fact checkers
     * @param lastReviewed the last review, or null
     * @param nextReview when the next review is due, or null
     * @param status {@code current}, {@code due-soon}, {@code overdue} or {@code unreviewed}
     */
    public record ReviewView(PersonView author, List<PersonView> reviewers, List<PersonView> factCheckers,
            DateView lastReviewed, DateView nextReview, String status) {
    }

    /**
     * One entry of the reference list; its anchor is {@code source-<id>}, which citations link to.
     *
     * @param number its number in the text's citations
     * @param id the id cited as {@code [@id]}
     * @param title the title
     * @param publisher the publisher or journal, or null
     * @param year the year, or null
     * @param url the URL, or null
     * @param doi the DOI, or null
     * @param pmid the PubMed id, or null
     * @param href where to follow it: the URL, else the DOI or PubMed link
     * @param cited whether the text cites it
     */
    public record SourceView(int number, String id, String title, String publisher, Integer year, String url, String doi,
            String pmid, String href, boolean cited) {
    }
}
