package org.medsite.image;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.medsite.model.Site;

/**
 * The images of a dev server's session, kept in memory from one build to the next by their
 * {@link ImageCache} file name: a one-page edit of a big site would otherwise read every page's share
 * card back from the cache folder on every save (thousands of files), and the changed-files writer
 * would compare each with what it wrote byte by byte. A kept image is the very array written last time,
 * which the writer sees as unchanged at once.
 *
 * <p>Holds only the images the last build used. Thread-safe: images are made in parallel.
 */
public final class KeptImages {

    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private Set<String> lastUsed = Set.of();
    private Site cardsSite;
    private Cards lastCards;
    private Map<String, ShareCardPlan.Planned> cards;

    /**
     * The share cards of {@code site}: those of the last site asked about when {@code site} is that one
     * patched (see {@code model.KeptSite}), since a card shows only what decides a page's place (title,
     * section, URL).
     *
     * @param patchedFrom the site {@code site} was patched from, or null
     */
    public synchronized Map<String, ShareCardPlan.Planned> cards(Site site, Site patchedFrom) {
        if (cardsSite == null || cardsSite != site && cardsSite != patchedFrom) {
            cards = ShareCardPlan.of(site);
        }
        cardsSite = site;
        return cards;
    }

    /** The share cards drawn for a list of cards to draw in a style, and the cache files they came from. */
    record Cards(List<?> toDraw, String styleKey, SortedMap<String, byte[]> drawn, Set<String> names) {
    }

    /** The cards of the last build when it drew the same cards in the same style. */
    synchronized Optional<Cards> drawnCards(List<?> toDraw, String styleKey) {
        return Optional.ofNullable(lastCards).filter(c -> c.styleKey().equals(styleKey) && c.toDraw().equals(toDraw));
    }

    /** The plan layer made for the last drawn cards, and those cards (compared by identity). */
    private SortedMap<String, byte[]> layerCards;
    private org.medsite.output.OutputPlan.Layer cardLayer;

    synchronized org.medsite.output.OutputPlan.Layer cardLayer(SortedMap<String, byte[]> drawn,
            java.util.function.Supplier<org.medsite.output.OutputPlan.Layer> make) {
        if (drawn != layerCards) {
            cardLayer = make.get();
            layerCards = drawn;
        }
        return cardLayer;
    }

    synchronized void keepCards(Cards cards) {
        lastCards = cards;
    }

    Optional<byte[]> get(String name) {
        return Optional.ofNullable(images.get(name));
    }

    void put(String name, byte[] bytes) {
        images.put(name, bytes);
    }

    /** Whether the last build used exactly these images (then the cache folder holds nothing else). */
    synchronized boolean sameAsLast(Set<String> used) {
        return lastUsed.equals(used);
    }

    /** Forgets the images a build did not use. */
    synchronized void keepOnly(Set<String> used) {
        images.keySet().retainAll(used);
        lastUsed = Set.copyOf(used);
    }
}
