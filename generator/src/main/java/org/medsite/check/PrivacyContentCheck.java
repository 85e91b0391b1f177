package org.medsite.check;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medsite.config.PrivacySettings;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * Medicolegal guardrails on what a practice publishes: no patient identifiers in pages (HIPAA's
 * identifiers include dates of birth, record numbers, phone numbers and e-mail addresses), case studies
 * only de-identified or with authorization, testimonials only with the patient's written HIPAA
 * authorization (45 CFR 164.508), and the privacy pages a practice site needs.
 */
public final class PrivacyContentCheck implements SiteCheck {

    public static final Set<String> RULES = Set.of("privacy.phi-date-of-birth", "privacy.phi-record-number",
            "privacy.phi-phone", "privacy.phi-email", "privacy.phi-patient-name", "privacy.case-study",
            "privacy.testimonial", "privacy.no-policy-page", "privacy.no-notice-page", "privacy.booking-host",
            "medical.no-editorial-policy");

    static final Pattern DOB = Pattern.compile("(?i)\\b(DOB|D\\.O\\.B\\.?|date of birth|born on|fecha de nacimiento)\\b\\W{0,3}\\d");
    static final Pattern RECORD = Pattern.compile(
            "(?i)\\b(MRN|medical record (number|no\\.?|#)|patient (id|number|no\\.?)|chart (number|no\\.?))\\W{0,3}\\d{3,}");
    static final Pattern PHONE = Pattern.compile("(?<![\\d-])(\\+?1[-.\\s]?)?\\(?\\b(\\d{3})\\)?[-.\\s]?(\\d{3})[-.\\s](\\d{4})\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.+-]+@([\\w-]+(\\.[\\w-]+)+)\\b");
    private static final Pattern PATIENT_NAME = Pattern.compile(
            "\\b(?:[Mm]y|[Oo]ur) patient,?\\s+(?:(?:Mr|Mrs|Ms|Miss)\\.?\\s+)?[A-Z][a-z]+");
    /** Toll-free prefixes: national helplines are public numbers, not patients'. */
    private static final Set<String> TOLL_FREE = Set.of("800", "888", "877", "866", "855", "844", "833");

    @Override
    public void checkPage(Site site, Page page, LocalDate today, FindingCollector findings) {
        if (page.kind() == org.medsite.model.PageKind.PAGE || page.kind() == org.medsite.model.PageKind.SECTION
                || page.kind() == org.medsite.model.PageKind.HOME) {
            String practicePhone = practice(site, "telephone").map(PrivacyContentCheck::digits).orElse("");
            lint(page, practicePhone, domain(site), findings);
            caseStudy(page, findings);
        }
    }

    @Override
    public void checkSite(Site site, LocalDate today, FindingCollector findings) {
        PrivacySettings privacy = site.config().privacy();
        testimonials(site, today, findings);
        // A practice's site (one with data/practice.yaml) needs its privacy pages; a folder of notes does not.
        boolean practiceSite = site.data().get("practice") instanceof Map;
        if (practiceSite || privacy.hipaaCoveredEntity()) {
            if (!has(site, privacy.policyPage())) {
                findings.warning("privacy.no-policy-page", "site.yaml", 0, "the site has no privacy policy at "
                        + privacy.policyPage() + "; add content/" + privacy.policyPage().replaceAll("^/|/$", "")
                        + ".md or set privacy.policyPage");
            }
            if (privacy.hipaaCoveredEntity() && !has(site, privacy.noticePage())) {
                findings.error("privacy.no-notice-page", "site.yaml", 0, "a HIPAA covered entity must post its Notice of "
                        + "Privacy Practices on its website (45 CFR 164.520(c)(3)); add a page at " + privacy.noticePage());
            }
        }
        {
            String editorial = site.config().medical().editorialPolicy().orElse("/editorial-policy/");
            if (site.pages().stream().anyMatch(p -> p.isRegular() && p.medical().medical()) && !has(site, editorial)) {
                findings.warning("medical.no-editorial-policy", "site.yaml", 0, "the site has medical pages but no "
                        + "editorial policy at " + editorial + " saying how they are written, reviewed and corrected");
            }
        }
        practice(site, "bookingUrl").flatMap(ThirdPartyRequestCheck::host).ifPresent(host -> {
            boolean own = site.config().hasAbsoluteBaseUrl() && ThirdPartyRequestCheck.host(site.config().baseUrl())
                    .map(host::equals).orElse(false);
            if (!own && privacy.bookingHosts().stream().noneMatch(b -> host.equals(b) || host.endsWith("." + b))) {
                findings.error("privacy.booking-host", "data/practice.yaml", 0, "booking link goes to " + host
                        + ", which is not in privacy.bookingHosts; list the booking provider there once its privacy "
                        + "terms are checked (patients type health details into booking forms)");
            }
        });
    }

    private static boolean hasAsciiDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The fewest ASCII digits a {@link #PHONE} match has: 3 + 3 + 4. */
    static final int PHONE_DIGITS = 10;

    /*
     * Cheap tests that are true of every line the patterns can match (each pattern needs one of these words,
     * in any case): a line with a digit, most often a year, then skips the regular expressions, which tried
     * their alternatives at every position of it (issue #11).
     */

    private static final String[] BIRTH_DATE_WORDS = {"dob", "d.o.b", "date of birth", "born on", "fecha de nacimiento"};
    private static final String[] RECORD_WORDS = {"mrn", "medical record", "patient", "chart"};

    /** Whether {@link #DOB} could match: one of its words is there, in any case. */
    static boolean mayNameBirthDate(String line) {
        return containsAnyIgnoreCase(line, BIRTH_DATE_WORDS);
    }

    /** Whether {@link #RECORD} could match: one of its words is there, in any case. */
    static boolean mayNameRecord(String line) {
        return containsAnyIgnoreCase(line, RECORD_WORDS);
    }

    static int asciiDigits(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether one of {@code words} (lower-case ASCII) is in {@code text}, ignoring case as
     * {@link Pattern#CASE_INSENSITIVE} does, or more: one pass, a word compared only where its first letter is.
     */
    private static boolean containsAnyIgnoreCase(String text, String[] words) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            for (String word : words) {
                if (word.charAt(0) == lower && text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void lint(Page page, String practicePhone, Optional<String> siteDomain, FindingCollector findings) {
        String[] lines = page.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int n = page.bodyLine() + i;
            // Each pattern needs an ASCII digit, an '@' or the word "patient": most lines have none, and
            // skipping them halves this check's time (issue #11).
            boolean hasDigit = hasAsciiDigit(line);
            boolean at = line.indexOf('@') >= 0;
            boolean patient = line.contains("patient");
            if (!hasDigit && !at && !patient) {
                continue;
            }
            if (hasDigit && mayNameBirthDate(line) && DOB.matcher(line).find()) {
                findings.warning("privacy.phi-date-of-birth", page.sourceFile(), n, "looks like a date of birth; "
                        + "patient identifiers must not be published");
            }
            if (hasDigit && mayNameRecord(line) && RECORD.matcher(line).find()) {
                findings.warning("privacy.phi-record-number", page.sourceFile(), n, "looks like a medical record or "
                        + "patient number; patient identifiers must not be published");
            }
            Matcher phone = PHONE.matcher(line);
            boolean mayHavePhone = hasDigit && asciiDigits(line) >= PHONE_DIGITS;
            while (mayHavePhone && phone.find()) {
                String digits = phone.group(2) + phone.group(3) + phone.group(4);
                if (!practicePhone.endsWith(digits) && !TOLL_FREE.contains(phone.group(2))) {
                    findings.warning("privacy.phi-phone", page.sourceFile(), n, "phone number " + phone.group().strip()
                            + " is not the practice's; if it is a patient's, remove it");
                }
            }
            Matcher email = EMAIL.matcher(line);
            while (at && email.find()) {
                String domain = email.group(1).toLowerCase(Locale.ROOT);
                if (siteDomain.map(d -> !domain.equals(d) && !domain.endsWith("." + d)).orElse(true)
                        && !domain.endsWith("example.org") && !domain.endsWith("example.com") && !domain.endsWith(".gov")) {
                    findings.warning("privacy.phi-email", page.sourceFile(), n, "e-mail address " + email.group()
                            + " is not the practice's; if it is a patient's, remove it");
                }
            }
            Matcher name = PATIENT_NAME.matcher(line);
            if (patient && name.find()) {
                findings.warning("privacy.phi-patient-name", page.sourceFile(), n, "'" + name.group() + "' names a "
                        + "patient; describe cases without names, and only with the patient's authorization");
            }
        }
    }

    private static void caseStudy(Page page, FindingCollector findings) {
        boolean isCase = page.medical().type().equals("case-study") || page.tags().stream()
                .anyMatch(t -> t.equalsIgnoreCase("case study") || t.equalsIgnoreCase("case-study"));
        Map<String, Object> raw = page.frontMatter().medical();
        if (isCase && !Boolean.TRUE.equals(raw.get("deidentified")) && raw.get("authorization") == null) {
            findings.error("privacy.case-study", page.sourceFile(), 1, "a case study must say 'deidentified: true' "
                    + "(HIPAA Safe Harbor: no identifiers left) or name the patient's 'authorization'");
        }
    }

    /**
     * {@code data/testimonials.yaml}: each entry needs an authorization on file (id, signed, expires) that
     * has not expired; without one, the testimonial must not be published.
     */
    private static void testimonials(Site site, LocalDate today, FindingCollector findings) {
        if (!(site.data().get("testimonials") instanceof List<?> list)) {
            return;
        }
        int n = 0;
        for (Object item : list) {
            n++;
            String who = "testimonial " + n;
            if (!(item instanceof Map<?, ?> t) || !(t.get("authorization") instanceof Map<?, ?> auth)
                    || auth.get("id") == null || auth.get("signed") == null || auth.get("expires") == null) {
                findings.error("privacy.testimonial", "data/testimonials.yaml", 0, who + " has no authorization "
                        + "{id, signed, expires}: a patient testimonial needs the patient's written HIPAA authorization");
                continue;
            }
            try {
                LocalDate expires = LocalDate.parse(String.valueOf(auth.get("expires")));
                LocalDate signed = LocalDate.parse(String.valueOf(auth.get("signed")));
                if (!expires.isAfter(today)) {
                    findings.error("privacy.testimonial", "data/testimonials.yaml", 0, who + "'s authorization "
                            + auth.get("id") + " expired on " + expires + "; renew it or remove the testimonial");
                } else if (signed.isAfter(today)) {
                    findings.error("privacy.testimonial", "data/testimonials.yaml", 0, who + "'s authorization "
                            + auth.get("id") + " is signed in the future (" + signed + ")");
                }
            } catch (DateTimeParseException e) {
                findings.error("privacy.testimonial", "data/testimonials.yaml", 0, who + "'s authorization dates must "
                        + "be YYYY-MM-DD");
            }
        }
    }

    private static boolean has(Site site, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        String withSlash = p.endsWith("/") || p.endsWith(".html") ? p : p + "/";
        return site.pages().stream().anyMatch(page -> page.url().equals(withSlash));
    }

    private static Optional<String> practice(Site site, String key) {
        return site.data().get("practice") instanceof Map<?, ?> p && p.get(key) != null
                ? Optional.of(String.valueOf(p.get(key))) : Optional.empty();
    }

    private static Optional<String> domain(Site site) {
        return practice(site, "email").map(e -> e.substring(e.indexOf('@') + 1).toLowerCase(Locale.ROOT))
                .or(() -> site.config().hasAbsoluteBaseUrl() ? ThirdPartyRequestCheck.host(site.config().baseUrl())
                        .map(h -> h.startsWith("www.") ? h.substring(4) : h) : Optional.empty());
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}
