package org.medsite.image;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;
import org.medsite.model.Taxonomy;

/**
 * Which pages get a share card, where it is written and what it shows: every page without its own
 * {@code image} (and not the 404 page), when {@code shareCards} are on and the site has an absolute
 * {@code baseURL}. A pure function of the site, so
 * the templates (for {@code og:image}) and the build (to draw) agree without talking to each other.
 *
 * <p>A card is written beside its page as {@code share.png} ({@code /blog/flu/} gets
 * {@code /blog/flu/share.png}, the home page {@code /share.png}): page folders are unique, so two cards
 * never collide, and a card sits where its page is. A site file of the same name wins (see the pipeline).
 */
public final class ShareCardPlan {

    /** The card's file name in its page's folder. */
    public static final String FILE_NAME = "share.png";

    /**
     * One page's card.
     *
     * @param path the output path ({@code blog/flu/share.png})
     * @param url the site path ({@code /blog/flu/share.png})
     * @param titleShown false when the page's title has characters no font of this machine can draw, and the
     *     card shows the practice's name instead
     */
    public record Planned(String pageId, String path, String url, ShareCard card, boolean titleShown) {
    }

    private ShareCardPlan() {
    }

    /** The cards of the site, by page id, in the site's page order. */
    public static Map<String, Planned> of(Site site) {
        Map<String, Planned> cards = new LinkedHashMap<>();
        // og:image must be an absolute URL: without one, no page could point at its card.
        if (!site.config().shareCards().enabled() || !site.config().hasAbsoluteBaseUrl()) {
            return cards;
        }
        Map<String, String> taxonomyTitles = new HashMap<>();
        for (Taxonomy taxonomy : site.taxonomies().values()) {
            for (Taxonomy.Term term : taxonomy.terms()) {
                taxonomyTitles.put(term.page().id(), taxonomy.listPage().title());
            }
        }
        for (Page page : site.pages()) {
            if (page.kind() == PageKind.NOT_FOUND || page.frontMatter().image().isPresent() || !page.url().endsWith("/")
                    || !page.outputPath().endsWith("index.html")) {
                continue;
            }
            String folder = page.outputPath().substring(0, page.outputPath().length() - "index.html".length());
            String label = label(site, page).or(() -> Optional.ofNullable(taxonomyTitles.get(page.id()))).orElse("");
            String siteName = site.config().title();
            // Rather no title than a row of empty boxes: the card then shows the practice's name (see canShow).
            boolean shown = ShareCardRenderer.canShow(page.title());
            cards.put(page.id(), new Planned(page.id(), folder + FILE_NAME, page.url() + FILE_NAME,
                    new ShareCard(shown ? page.title() : siteName, ShareCardRenderer.canShow(label) ? label : "",
                            siteName), shown));
        }
        return Collections.unmodifiableMap(cards);
    }

    /** The title of the page's top-level section, for pages inside one. */
    private static Optional<String> label(Site site, Page page) {
        if (page.section().isEmpty() || page.kind() == PageKind.SECTION && page.folder().equals(page.section())) {
            return Optional.empty();
        }
        return site.section(page.lang(), page.section()).map(s -> s.listPage().title());
    }
}
