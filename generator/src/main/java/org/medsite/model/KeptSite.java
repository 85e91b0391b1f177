package org.medsite.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medsite.config.SiteConfig;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.Glossaries;
import org.medsite.medical.PeopleRegistry;

/**
 * The assembled site of a dev server's session, kept from one build to the next with what it was
 * assembled from. Assembling looks at every page several times (sections, taxonomies, sorting); the
 * common edit of a session changes one page's text and nothing that decides where the page stands in
 * the site (its title, date, URL, terms, section, front matter), so the next site is the last one with
 * that page's record swapped in ({@link Site#withPages}), which costs in proportion to the change. Any
 * other change assembles the site again from scratch.
 *
 * <p>Owned by one session and used by one build at a time.
 */
public final class KeptSite {

    /**
     * Components of {@link Page} that no list, order, taxonomy or related page depends on: what a page
     * shows of its body. Every other component, present or added later, counts as part of the page's place
     * in the site, so that a change to it assembles the site again.
     */
    private static final Set<String> BODY_COMPONENTS = Set.of("description", "summary", "contentHtml", "wordCount",
            "toc", "plainText", "cited", "readability", "glossary", "body", "bodyLine");
    private static final List<RecordComponent> PLACE_COMPONENTS = java.util.Arrays.stream(Page.class.getRecordComponents())
            .filter(c -> !BODY_COMPONENTS.contains(c.getName())).toList();

    /**
     * A site and how it relates to the one assembled before it.
     *
     * @param site the site
     * @param patchedFrom the previous site, when {@code site} is that site with the pages {@code patched}
     *     swapped in (no page swapped: the very same site); empty when it was assembled from scratch
     * @param patched the pages swapped in
     */
    public record Assembled(Site site, Optional<Site> patchedFrom, List<Page> patched) {
        public Assembled {
            patched = List.copyOf(patched);
        }
    }

    /** What a site was assembled from; sources and bodies compared by identity (a session reuses both). */
    private record Inputs(SiteConfig config, List<String> ids, List<PageSource> sources,
            Map<String, String> urls, Map<String, RenderedMarkdown> bodies, Map<String, Object> data,
            PeopleRegistry people, Glossaries glossaries) {
    }

    private Site site;
    private Inputs inputs;
    private Map<String, Page> byId = new HashMap<>();
    private Assembled last;

    /** The site of these inputs, patched from the last one where only pages' bodies changed. */
    public synchronized Assembled assemble(SiteConfig config, List<PageSource> sources, Map<String, String> urls,
            Map<String, RenderedMarkdown> rendered, Map<String, Object> data, PeopleRegistry people,
            Glossaries glossaries, RelatedPages related) {
        List<String> ids = new ArrayList<>(sources.size());
        for (PageSource source : sources) {
            ids.add(source.id());
        }
        Inputs now = new Inputs(config, ids, List.copyOf(sources), urls, rendered, data, people, glossaries);
        Optional<Map<String, Page>> swaps = site == null ? Optional.empty() : swaps(inputs, now);
        Assembled result;
        if (swaps.isPresent()) {
            Site previous = site;
            site = swaps.get().isEmpty() ? previous : previous.withPages(swaps.get());
            result = new Assembled(site, Optional.of(previous), List.copyOf(swaps.get().values()));
        } else {
            site = SiteAssembler.assemble(config, sources, urls, rendered, data, people, glossaries, related);
            result = new Assembled(site, Optional.empty(), List.of());
        }
        inputs = now;
        if (swaps.isPresent()) {
            byId.putAll(swaps.get());
        } else {
            byId = new HashMap<>();
            site.pages().forEach(p -> byId.put(p.id(), p));
        }
        last = result;
        return result;
    }

    /** What the last {@link #assemble} gave, or null before the first. */
    public synchronized Assembled last() {
        return last;
    }

    /**
     * The pages to swap into the last site to make the site of {@code now}, or empty when it must be
     * assembled again: settings, data, people, glossaries, URLs or the set of pages changed, or a changed
     * page moved in the site.
     */
    private Optional<Map<String, Page>> swaps(Inputs before, Inputs now) {
        if (!now.config().equals(before.config()) || now.data() != before.data() || now.people() != before.people()
                || !now.glossaries().equals(before.glossaries()) || !now.ids().equals(before.ids())
                || !now.urls().equals(before.urls())) {
            return Optional.empty();
        }
        Map<String, Page> swaps = new LinkedHashMap<>();
        // The same ids in the same order: the sources of both builds line up.
        for (int i = 0; i < now.ids().size(); i++) {
            String id = now.ids().get(i);
            PageSource source = now.sources().get(i);
            RenderedMarkdown body = now.bodies().get(id);
            if (source == before.sources().get(i) && body == before.bodies().get(id)) {
                continue;
            }
            String url = now.urls().get(id);
            Page old = byId.get(id);
            if (url == null || body == null || old == null || before.bodies().get(id) == null) {
                return Optional.empty();
            }
            Page page = SiteAssembler.page(source, url, body);
            if (!samePlace(old, page)) {
                return Optional.empty();
            }
            swaps.put(id, page);
        }
        return Optional.of(swaps);
    }

    /** Whether two records of a page put it in the same place: equal but for what they show of the body. */
    static boolean samePlace(Page a, Page b) {
        for (RecordComponent component : PLACE_COMPONENTS) {
            try {
                if (!java.util.Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read Page." + component.getName(), e);
            }
        }
        return true;
    }
}
