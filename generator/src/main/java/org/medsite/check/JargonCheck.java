package org.medsite.check;

import java.time.LocalDate;
import java.util.Set;
import org.medsite.config.GlossarySettings;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.medical.Glossaries;
import org.medsite.medical.Jargon;
import org.medsite.medical.JargonUse;
import org.medsite.medical.MedicalInfo;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * Medical jargon a patient may not know, used with neither a glossary entry nor an explanation in the
 * text (CDC Clear Communication Index, item 3.1: "the material always uses words the primary audience
 * uses"). Checks the medical pages and posts of the audiences in {@code glossary.jargonAudiences}
 * (patients by default), in languages Medsite has a jargon list for (English).
 */
public final class JargonCheck implements SiteCheck {

    public static final Set<String> RULES = Set.of("plain.jargon");

    @Override
    public void checkPage(Site site, Page page, LocalDate today, FindingCollector findings) {
        if (!applies(page, site.config().glossary())) {
            return;
        }
        String glossaryFile = Glossaries.fileOf(page.lang(), site.config().language());
        for (JargonUse use : page.glossary().jargon()) {
            findings.warning("plain.jargon", page.sourceFile(), use.line(), "'" + use.written() + "' is medical jargon "
                    + "a patient may not know (plain words: " + use.plain() + "); use the plain words, explain it "
                    + "in brackets, or define '" + use.word() + "' in " + glossaryFile);
        }
    }

    /**
     * Whether a page is checked for jargon: a regular medical page or post for one of the configured
     * audiences, in a language with a jargon list.
     */
    public static boolean applies(Page page, GlossarySettings settings) {
        return applies(page.isRegular(), page.medical(), page.lang(), settings);
    }

    /**
     * The same test before the pages are assembled: the Markdown stage scans for jargon only the pages it
     * applies to, since nothing else reads a page's jargon (this check and the editorial report, which
     * shows it for the same pages).
     *
     * @param regular whether the page is an article (a page or a bundle, not a list, home or generated page)
     */
    public static boolean applies(boolean regular, MedicalInfo medical, String lang, GlossarySettings settings) {
        return regular && (medical.medical() || medical.type().equals("blog"))
                && settings.jargonAudiences().contains(medical.audience())
                && Jargon.forLanguage(lang).isPresent();
    }
}
