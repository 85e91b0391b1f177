package org.medsite.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Person;
import org.medsite.medical.Source;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * The rules a medical page must meet before patients read it, after the JAMA benchmarks for health
 * information on the web (Silberg et al., JAMA 1997: authorship, attribution, disclosure, currency) and
 * the practice of NHS, Mayo Clinic and MedlinePlus pages: a named author from the registry, a medical
 * review by another licensed clinician, a current review date, and sources a reader can follow.
 * Severities can be changed per rule in {@code site.yaml} ({@code checks:}).
 */
public final class MedicalPageCheck implements SiteCheck {

    /** Every rule this check reports, for {@code checks:} in site.yaml. */
    public static final Set<String> RULES = Set.of(
            "medical.no-author", "medical.unknown-person", "medical.no-reviewer", "medical.self-review",
            "medical.reviewer-not-licensed", "medical.no-review-date", "medical.review-overdue",
            "medical.review-due-soon", "medical.future-date", "medical.no-sources", "medical.source-no-link",
            "medical.source-doi", "medical.source-pmid", "medical.source-insecure",
            "medical.outside-expertise", "medical.credential-expired", "medical.date-mismatch");

    // DOI syntax as Crossref recommends matching it: "10.", a 4-9 digit registrant, "/", a suffix.
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern PMID = Pattern.compile("[1-9]\\d{0,8}");

    @Override
    public void checkPage(Site site, Page page, LocalDate today, FindingCollector findings) {
        if (page.isRegular()) {
            new PageRules(site, page, today, findings).run();
        }
    }

    private static final class PageRules {
        private final Site site;
        private final Page page;
        private final MedicalInfo m;
        private final LocalDate today;
        private final FindingCollector findings;

        PageRules(Site site, Page page, LocalDate today, FindingCollector findings) {
            this.site = site;
            this.page = page;
            this.m = page.medical();
            this.today = today;
            this.findings = findings;
        }

        /** Drafts are work in progress and never published: what would stop a real page only warns there. */
        void error(String rule, String key, String message) {
            if (page.frontMatter().draft()) {
                findings.warning(rule, page.sourceFile(), m.lineOf(key), message + " (draft)");
            } else {
                findings.error(rule, page.sourceFile(), m.lineOf(key), message);
            }
        }

        void warning(String rule, String key, String message) {
            findings.warning(rule, page.sourceFile(), m.lineOf(key), message);
        }

        void run() {
            // Whoever is named must exist, on any page: a typo in a reviewer id hides the review.
            m.author().ifPresent(id -> person("author", id));
            m.reviewedBy().forEach(id -> person("reviewedBy", id));
            m.factCheckedBy().forEach(id -> person("factCheckedBy", id));
            m.lastReviewed().filter(d -> d.isAfter(today)).ifPresent(d -> error("medical.future-date", "lastReviewed",
                    "'lastReviewed: " + d + "' is in the future; a review date is the day the review was done"));
            for (MedicalInfo.Revision r : m.history()) {
                if (r.date().isAfter(today)) {
                    error("medical.future-date", "history", "revision note dated " + r.date() + " is in the future");
                }
            }
            sources();
            statedDates();
            if (!m.medical()) {
                return;
            }
            if (m.author().isEmpty()) {
                error("medical.no-author", "author", "medical page has no 'author'; name the clinician who wrote it "
                        + "(an id from data/people/)");
            }
            if (m.reviewedBy().isEmpty()) {
                error("medical.no-reviewer", "reviewedBy", "medical page has no 'reviewedBy'; a licensed clinician other "
                        + "than the author must review it");
            } else if (m.author().isPresent() && m.reviewedBy().stream().allMatch(m.author().get()::equals)) {
                error("medical.self-review", "reviewedBy", "the page is reviewed only by its own author; add a reviewer "
                        + "other than " + m.author().get());
            }
            for (String id : m.reviewedBy()) {
                site.people().get(id).ifPresent(p -> {
                    if (!p.licensedClinician()) {
                        error("medical.reviewer-not-licensed", "reviewedBy", "reviewer " + id + " is not a licensed "
                                + "clinician (licensedClinician: true in " + p.file() + "); medical review needs one");
                    }
                    p.credentials().stream()
                            .filter(c -> c.validUntil().map(today::isAfter).orElse(false))
                            .forEach(c -> warning("medical.credential-expired", "reviewedBy", "reviewer " + id + "'s "
                                    + c.name() + " expired on " + c.validUntil().get() + " (" + p.file() + ")"));
                });
            }
            if (m.lastReviewed().isEmpty()) {
                if (!m.lines().containsKey("lastReviewed")) {
                    error("medical.no-review-date", "lastReviewed", "medical page has no 'lastReviewed' date; "
                            + "write the date of its last medical review as YYYY-MM-DD");
                }
            } else {
                LocalDate next = m.nextReview().orElseThrow();
                if (!next.isAfter(today)) {
                    error("medical.review-overdue", m.lines().containsKey("nextReview") ? "nextReview" : "lastReviewed",
                            "medical review was due on " + next + "; review the page and update 'lastReviewed'");
                } else if (!next.isAfter(today.plusDays(site.config().medical().dueSoonDays()))) {
                    warning("medical.review-due-soon", m.lines().containsKey("nextReview") ? "nextReview" : "lastReviewed",
                            "medical review is due on " + next);
                }
            }
            if (m.sources().isEmpty()) {
                error("medical.no-sources", "sources", "medical page has no 'sources'; list the guidelines or studies "
                        + "it rests on (id, title, and url, doi or pmid)");
            }
            expertise();
        }

        private Optional<Person> person(String key, String id) {
            Optional<Person> p = site.people().get(id);
            if (p.isEmpty()) {
                error("medical.unknown-person", key, "'" + id + "' is not in the people registry (data/people/)"
                        + Suggestions.didYouMean(id, site.people().ids()));
            }
            return p;
        }

        private void sources() {
            for (Source s : m.sources()) {
                if (s.url().isEmpty() && s.doi().isEmpty() && s.pmid().isEmpty()) {
                    error("medical.source-no-link", "sources", "source '" + s.id() + "' has no url, doi or pmid; "
                            + "give readers a way to find it");
                }
                s.doi().filter(d -> !DOI.matcher(d).matches()).ifPresent(d -> error("medical.source-doi", "sources",
                        "source '" + s.id() + "': '" + d + "' is not a DOI; write it like 10.1001/jama.2017.12345, "
                                + "without https://doi.org/"));
                s.pmid().filter(p -> !PMID.matcher(p).matches()).ifPresent(p -> error("medical.source-pmid", "sources",
                        "source '" + s.id() + "': PubMed id '" + p + "' must be digits only"));
                s.url().filter(u -> !u.startsWith("https://")).ifPresent(u -> warning("medical.source-insecure", "sources",
                        "source '" + s.id() + "' links to '" + u + "'; use its https:// address"));
            }
        }

        /**
         * Dates typed into the text must be the ones the byline and the structured data show: a page that
         * says "Last reviewed March 2024" under a byline of June 2026 leaves the reader unsure which is true.
         */
        private void statedDates() {
            for (StatedDates.Stated stated : StatedDates.in(page.body(), page.bodyLine())) {
                String problem;
                if (stated.kind() == StatedDates.Kind.REVIEWED) {
                    Optional<LocalDate> reviewed = m.lastReviewed();
                    if (reviewed.isPresent() && stated.agreesWith(reviewed.get())) {
                        continue;
                    }
                    problem = reviewed.map(d -> "but 'lastReviewed' is " + d + ", which the byline and structured "
                            + "data show").orElse("but the page has no 'lastReviewed', so its byline and structured data "
                            + "show no review date; put the date in the front matter");
                } else {
                    List<LocalDate> shown = new java.util.ArrayList<>();
                    page.lastmod().ifPresent(d -> shown.add(d.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate()));
                    m.lastReviewed().ifPresent(shown::add);
                    if (shown.isEmpty() || shown.stream().anyMatch(stated::agreesWith)) {
                        continue;
                    }
                    problem = "but the page's 'lastmod' (or 'date') is " + shown.get(0) + ", which the page and its "
                            + "structured data show as dateModified";
                }
                String message = "the text says '" + stated.text() + "' " + problem;
                if (page.frontMatter().draft()) {
                    findings.warning("medical.date-mismatch", page.sourceFile(), stated.line(), message + " (draft)");
                } else {
                    findings.error("medical.date-mismatch", page.sourceFile(), stated.line(), message);
                }
            }
        }

        /**
         * A clinician writing outside their specialty needs a reviewer of it: errors spread when expertise
         * is assumed rather than checked. A page names the specialties it belongs to; the author or a
         * reviewer must practise at least one of them.
         */
        private void expertise() {
            Optional<Person> author = m.author().flatMap(site.people()::get);
            if (author.isEmpty() || m.specialties().isEmpty()) {
                return;
            }
            List<Person> experts = new java.util.ArrayList<>(List.of(author.get()));
            m.reviewedBy().stream().map(site.people()::get).flatMap(Optional::stream).forEach(experts::add);
            boolean covered = m.specialties().stream()
                    .anyMatch(s -> experts.stream().anyMatch(p -> p.medicalSpecialty().contains(s)));
            if (!covered) {
                warning("medical.outside-expertise", "specialty", "neither the author nor a reviewer practises the page's "
                        + "specialty (" + String.join(", ", m.specialties()) + "); add a reviewer from it");
            }
        }
    }
}
