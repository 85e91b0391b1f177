package org.medsite.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.config.SiteConfig;

/**
 * The assembled site: every page with its URL and rendered body, the sections, and the data files.
 * Immutable; templates and checks only read it.
 *
 * @param config the site's settings
 * @param pages every page, home, lists and the not-found page included, sorted by URL
 * @param sections sections by {@link #sectionKey(String, String)}
 * @param taxonomies taxonomies by {@link #sectionKey(String, String)} of language and taxonomy name
 * @param related for each page id, the ids of up to five related pages
 * @param data the contents of {@code data/} as maps and lists ({@code data.people.ana-ruiz})
 * @param people the people registry
 * @param glossaries the glossary of each language that has one
 */
public record Site(SiteConfig config, List<Page> pages, Map<String, Section> sections, Map<String, Taxonomy> taxonomies,
        Map<String, List<String>> related, Map<String, Object> data, org.medsite.medical.PeopleRegistry people,
        org.medsite.medical.Glossaries glossaries) {

    public Site {
        pages = List.copyOf(pages);
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        taxonomies = Collections.unmodifiableMap(new LinkedHashMap<>(taxonomies));
        related = Collections.unmodifiableMap(new LinkedHashMap<>(related));
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * This site with some pages' records replaced by others of the same id that stand in the same place
     * (see {@link KeptSite}): in the page list, their sections and their taxonomy terms. Touches only the
     * sections and terms of the replaced pages.
     */
    Site withPages(Map<String, Page> replacements) {
        List<Page> newPages = new ArrayList<>(pages.size());
        for (Page p : pages) {
            newPages.add(replacements.getOrDefault(p.id(), p));
        }
        Map<String, Section> newSections = new LinkedHashMap<>(sections);
        Map<String, Taxonomy> newTaxonomies = new LinkedHashMap<>(taxonomies);
        for (Page page : replacements.values()) {
            if (page.kind() == PageKind.SECTION) {
                newSections.computeIfPresent(sectionKey(page.lang(), page.folder()), (k, s) -> s.listPage().id()
                        .equals(page.id()) ? new Section(s.folder(), s.lang(), page, s.pages(), s.subsections()) : s);
            }
            if (page.kind() != PageKind.PAGE) {
                continue;
            }
            newSections.computeIfPresent(sectionKey(page.lang(), page.folder()),
                    (k, s) -> new Section(s.folder(), s.lang(), s.listPage(), replaced(s.pages(), page), s.subsections()));
            for (String name : config.taxonomies()) {
                if (page.frontMatter().terms(name).isEmpty()) {
                    continue;
                }
                newTaxonomies.computeIfPresent(sectionKey(page.lang(), name), (k, t) -> new Taxonomy(t.name(), t.lang(),
                        t.listPage(), t.terms().stream().map(term -> new Taxonomy.Term(term.name(), term.slug(), term.page(),
                                replaced(term.pages(), page))).toList()));
            }
        }
        return new Site(config, newPages, newSections, newTaxonomies, related, data, people, glossaries);
    }

    /** The list with the page of {@code page}'s id replaced by it. */
    private static List<Page> replaced(List<Page> list, Page page) {
        List<Page> result = null;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(page.id())) {
                if (result == null) {
                    result = new ArrayList<>(list);
                }
                result.set(i, page);
            }
        }
        return result == null ? list : result;
    }

    public static String sectionKey(String lang, String folder) {
        return lang + ":" + folder;
    }

    public Optional<Section> section(String lang, String folder) {
        return Optional.ofNullable(sections.get(sectionKey(lang, folder)));
    }

    public Optional<Taxonomy> taxonomy(String lang, String name) {
        return Optional.ofNullable(taxonomies.get(sectionKey(lang, name)));
    }

    /** The profile page of a person of the registry. */
    public Optional<Page> personPage(String id) {
        return pages.stream().filter(p -> p.kind() == PageKind.PERSON && p.id().equals("@person:" + id)).findFirst();
    }

    /** The pages a person wrote or reviewed, newest first. */
    public List<Page> pagesBy(String personId) {
        return pages.stream()
                .filter(p -> p.isRegular() && (p.medical().author().filter(personId::equals).isPresent()
                        || p.medical().reviewedBy().contains(personId)))
                .sorted(PageOrder.BY_DATE)
                .toList();
    }

    /** The home page of a language. */
    public Optional<Page> home(String lang) {
        return pages.stream().filter(p -> p.kind() == PageKind.HOME && p.lang().equals(lang)).findFirst();
    }

    /** The regular pages of a language, newest first. */
    public List<Page> regularPages(String lang) {
        List<Page> result = new ArrayList<>();
        for (Page p : pages) {
            if (p.isRegular() && p.lang().equals(lang)) {
                result.add(p);
            }
        }
        result.sort(PageOrder.DEFAULT);
        return result;
    }

    /** The other-language versions of a page, in the order of the site's languages. */
    public List<Page> translations(Page page) {
        List<Page> result = new ArrayList<>();
        for (String lang : config.languages()) {
            if (lang.equals(page.lang())) {
                continue;
            }
            pages.stream()
                    .filter(p -> p.lang().equals(lang) && p.kind() == page.kind()
                            && p.translationKey().equals(page.translationKey()))
                    .findFirst()
                    .ifPresent(result::add);
        }
        return result;
    }
}
