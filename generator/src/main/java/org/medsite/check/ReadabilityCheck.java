package org.medsite.check;

import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.medsite.config.ReadabilitySettings;
import org.medsite.config.SiteConfig;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Readability;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * Patient materials should be readable by the people they are for: the NIH asks for below 8th grade,
 * the AMA and CDC for 6th to 8th. Checks medical pages and blog posts against their audience's target
 * (a page may set its own, with a reason), and asks patient pages for their key messages: the main
 * message ({@code summary}) and what to do next ({@code actions}), as the NHS and CDC Clear
 * Communication Index recommend.
 */
public final class ReadabilityCheck implements SiteCheck {

    public static final Set<String> RULES = Set.of("readability.above-target", "readability.not-measured",
            "plain.no-summary", "plain.no-actions");

    /** Below this, a score says more about the formula than about the page. */
    static final int MIN_WORDS = 100;

    /**
     * Whether a page's readability is measured: for the editorial report, which shows every page's, and
     * otherwise for the pages this check reads it on, while one of its rules that read it is on. Measuring
     * was a tenth of a cold build's CPU (issue #11).
     *
     * @param regular whether the page is an article (a page or a bundle, not a list, home or generated page)
     */
    public static boolean measures(boolean regular, MedicalInfo m, SiteConfig config) {
        return config.editorialReport() || applies(regular, m)
                && !(config.ruleOff("readability.above-target") && config.ruleOff("readability.not-measured"));
    }

    private static boolean applies(boolean regular, MedicalInfo m) {
        return regular && (m.medical() || m.type().equals("blog"));
    }

    @Override
    public void checkPage(Site site, Page page, LocalDate today, FindingCollector findings) {
        ReadabilitySettings targets = site.config().readability();
        MedicalInfo m = page.medical();
        if (!applies(page.isRegular(), m)) {
            return;
        }
        boolean patient = m.audience().equals("patient");
        if (patient && m.medical()) {
            if (page.frontMatter().summary().isEmpty()) {
                findings.warning("plain.no-summary", page.sourceFile(), 1, "patient page has no 'summary': give its "
                        + "main message in one or two plain sentences, shown at the top of the page");
            }
            if (m.actions().isEmpty()) {
                findings.warning("plain.no-actions", page.sourceFile(), 1, "patient page has no 'actions': list what "
                        + "a reader should do next (e.g. \"Get your blood pressure checked once a year\")");
            }
        }
        Readability r = page.readability();
        if (r.words() < MIN_WORDS) {
            return;
        }
        if (!r.measured()) {
            findings.add(new org.medsite.diagnostics.Finding(org.medsite.diagnostics.Severity.INFO,
                    "readability.not-measured", page.sourceFile(), 0, "readability not measured: no formula for '"
                            + page.lang() + "'"));
            return;
        }
        String where = page.sourceFile();
        if (r.lang().startsWith("es")) {
            if (patient && r.readingEase() < targets.spanishMinimum()) {
                findings.warning("readability.above-target", where, 0, String.format(Locale.ROOT,
                        "legibilidad %.0f (%s, Szigriszt-Pazos/INFLESZ) is below %.0f for patient pages; %s",
                        r.readingEase(), Readability.inflesz(r.readingEase()), targets.spanishMinimum(), hints(r)));
            }
            return;
        }
        OptionalDouble target = m.readabilityTarget().map(t -> OptionalDouble.of(t.grade()))
                .orElse(patient ? targets.patientGrade() : targets.clinicianGrade());
        if (target.isPresent() && r.grade() > target.getAsDouble()) {
            findings.warning("readability.above-target", where, 0, String.format(Locale.ROOT,
                    "reading grade %.1f (Flesch-Kincaid; SMOG %.1f) is above the target %s for %s pages; %s",
                    r.grade(), r.smog(), format(target.getAsDouble()), m.audience(), hints(r)));
        }
    }

    private static String hints(Readability r) {
        StringBuilder sb = new StringBuilder("longest sentence (")
                .append(Readability.countWordsOf(r.longestSentences().get(0))).append(" words): \"")
                .append(shorten(r.longestSentences().get(0))).append('"');
        if (!r.hardestWords().isEmpty()) {
            sb.append("; hardest words: ").append(String.join(", ", r.hardestWords()));
        }
        return sb.toString();
    }

    private static String shorten(String sentence) {
        return sentence.length() <= 90 ? sentence : sentence.substring(0, 87) + "...";
    }

    private static String format(double grade) {
        return grade == Math.rint(grade) ? String.valueOf((int) grade) : String.valueOf(grade);
    }
}
