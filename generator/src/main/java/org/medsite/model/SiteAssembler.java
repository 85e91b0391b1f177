package org.medsite.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medsite.config.SiteConfig;
import org.medsite.content.SourceKind;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.markdown.RenderedMarkdown;

/**
 * The assemble stage: a pure function from parsed and rendered sources to the {@link Site}. Adds the
 * pages a site needs but nobody wrote: a list page for every folder without {@code _index.md}, a home
 * page per language, taxonomy and term pages, and the not-found page.
 */
public final class SiteAssembler {

    static final int DESCRIPTION_LENGTH = 160;
    static final int RELATED_PAGES = 5;
    /** Where people's profile pages live. */
    public static final String PEOPLE_PATH = "/people/";
    static final org.medsite.medical.MedicalInfo NO_MEDICAL_INFO = new org.medsite.medical.MedicalInfo("page", false,
            "patient", Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(),
            Map.of(), Optional.empty());

    private SiteAssembler() {
    }

    /**
     * @param config the site's settings
     * @param sources the pages to publish (drafts and the like already left out)
     * @param urls each source's site path by source id; sources without one are skipped
     * @param rendered each source's rendered body by source id
     * @param data the data files
     */
    public static Site assemble(SiteConfig config, List<PageSource> sources, Map<String, String> urls,
            Map<String, RenderedMarkdown> rendered, Map<String, Object> data) {
        return assemble(config, sources, urls, rendered, data, org.medsite.medical.PeopleRegistry.empty());
    }

    /**
     * @param people the people registry; each person gets a profile page under {@value #PEOPLE_PATH}
     */
    public static Site assemble(SiteConfig config, List<PageSource> sources, Map<String, String> urls,
            Map<String, RenderedMarkdown> rendered, Map<String, Object> data, org.medsite.medical.PeopleRegistry people) {
        return assemble(config, sources, urls, rendered, data, people, org.medsite.medical.Glossaries.none(),
                new RelatedPages());
    }

    /**
     * Assembles the site with its glossaries (which the glossary page lists).
     *
     * @param related the related pages of an earlier build of the same site, reused when the pages they
     *     depend on are unchanged
     */
    public static Site assemble(SiteConfig config, List<PageSource> sources, Map<String, String> urls,
            Map<String, RenderedMarkdown> rendered, Map<String, Object> data, org.medsite.medical.PeopleRegistry people,
            org.medsite.medical.Glossaries glossaries, RelatedPages related) {
        List<Page> pages = new ArrayList<>();
        for (PageSource source : sources) {
            String url = urls.get(source.id());
            RenderedMarkdown body = rendered.get(source.id());
            if (url != null && body != null) {
                pages.add(page(source, url, body));
            }
        }
        addGeneratedSections(config, pages);
        addHomes(config, pages);
        Map<String, Taxonomy> taxonomies = addTaxonomies(config, pages);
        for (org.medsite.medical.Person person : people.all()) {
            pages.add(generated("@person:" + person.id(), PageKind.PERSON, config.language(), person.displayName(), "",
                    PEOPLE_PATH + Slugs.slugify(person.id()) + "/", "@person:" + person.id()));
        }
        pages.add(generated("@404", PageKind.NOT_FOUND, config.language(), "Page not found", "", "/404.html", "404"));
        pages.sort(Comparator.comparing(Page::url).thenComparing(Page::id));
        return new Site(config, pages, sections(config, pages), taxonomies, related.of(config, pages), data, people,
                glossaries);
    }

    /** Every folder that holds pages, with its ancestors, is a section in each language it has pages in. */
    private static void addGeneratedSections(SiteConfig config, List<Page> pages) {
        TreeSet<String> sectionKeys = new TreeSet<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.PAGE || p.kind() == PageKind.SECTION) {
                for (String folder = p.folder(); !folder.isEmpty(); folder = parent(folder)) {
                    sectionKeys.add(Site.sectionKey(p.lang(), folder));
                }
            }
        }
        for (String key : sectionKeys) {
            String lang = key.substring(0, key.indexOf(':'));
            String folder = key.substring(key.indexOf(':') + 1);
            boolean written = pages.stream().anyMatch(p -> p.kind() == PageKind.SECTION && p.lang().equals(lang)
                    && p.folder().equals(folder));
            if (!written) {
                String url = langPrefix(config, lang) + "/" + UrlPlanner.folderPath(folder) + "/";
                pages.add(generated("@section:" + lang + ":" + folder, PageKind.SECTION, lang,
                        Slugs.titleFromName(name(folder)), folder, url, folder + "/_index"));
            }
        }
    }

    private static void addHomes(SiteConfig config, List<Page> pages) {
        for (String lang : config.languages()) {
            boolean hasHome = pages.stream().anyMatch(p -> p.kind() == PageKind.HOME && p.lang().equals(lang));
            boolean hasPages = pages.stream().anyMatch(p -> p.lang().equals(lang));
            if (!hasHome && (hasPages || lang.equals(config.language()))) {
                pages.add(generated("@home:" + lang, PageKind.HOME, lang, config.title(), "",
                        langPrefix(config, lang) + "/", "_index"));
            }
        }
    }

    private static Map<String, Section> sections(SiteConfig config, List<Page> pages) {
        Map<String, Section> sections = new TreeMap<>();
        for (Page list : pages) {
            if (list.kind() != PageKind.SECTION) {
                continue;
            }
            List<Page> members = new ArrayList<>();
            TreeSet<String> subsections = new TreeSet<>();
            for (Page p : pages) {
                if (!p.lang().equals(list.lang())) {
                    continue;
                }
                if (p.kind() == PageKind.PAGE && p.folder().equals(list.folder())) {
                    members.add(p);
                } else if (p.kind() == PageKind.SECTION && parent(p.folder()).equals(list.folder())
                        && !p.folder().equals(list.folder())) {
                    subsections.add(p.folder());
                }
            }
            members.sort(PageOrder.named(config.sort().get(list.section()), list.lang()));
            sections.put(Site.sectionKey(list.lang(), list.folder()),
                    new Section(list.folder(), list.lang(), list, members, List.copyOf(subsections)));
        }
        return sections;
    }

    /** A list page per taxonomy and per term, for each language whose pages use the taxonomy. */
    private static Map<String, Taxonomy> addTaxonomies(SiteConfig config, List<Page> pages) {
        Map<String, Taxonomy> result = new TreeMap<>();
        List<Page> created = new ArrayList<>();
        for (String lang : config.languages()) {
            for (String taxonomy : config.taxonomies()) {
                // Terms are grouped by slug, so "Heart" and "heart" are one term; the first spelling wins.
                Map<String, String> names = new TreeMap<>();
                Map<String, List<Page>> members = new TreeMap<>();
                for (Page p : pages) {
                    if (p.kind() != PageKind.PAGE || !p.lang().equals(lang)) {
                        continue;
                    }
                    for (String term : p.frontMatter().terms(taxonomy)) {
                        String slug = Slugs.slugify(term);
                        if (!slug.isEmpty()) {
                            names.putIfAbsent(slug, term);
                            members.computeIfAbsent(slug, k -> new ArrayList<>()).add(p);
                        }
                    }
                }
                if (members.isEmpty()) {
                    continue;
                }
                String base = langPrefix(config, lang) + "/" + taxonomy + "/";
                Page index = generated("@taxonomy:" + lang + ":" + taxonomy, PageKind.TAXONOMY, lang,
                        Slugs.titleFromName(taxonomy), "", base, "@" + taxonomy);
                created.add(index);
                List<Taxonomy.Term> terms = new ArrayList<>();
                for (Map.Entry<String, List<Page>> e : members.entrySet()) {
                    String name = names.get(e.getKey());
                    Page termPage = generated("@term:" + lang + ":" + taxonomy + ":" + e.getKey(), PageKind.TERM, lang,
                            name, "", base + e.getKey() + "/", "@" + taxonomy + ":" + e.getKey());
                    created.add(termPage);
                    List<Page> sorted = new ArrayList<>(e.getValue());
                    sorted.sort(PageOrder.BY_DATE);
                    terms.add(new Taxonomy.Term(name, e.getKey(), termPage, sorted));
                }
                result.put(Site.sectionKey(lang, taxonomy), new Taxonomy(taxonomy, lang, index, terms));
            }
        }
        pages.addAll(created);
        return result;
    }

    /** For each page, up to five pages sharing the most taxonomy terms with it, then the newest. */
    static Map<String, List<String>> related(SiteConfig config, List<Page> pages) {
        // The candidates are ranked once in their tie-break order (PageOrder.BY_DATE), so that a page's
        // candidates are counted in an array by rank and compared by two ints. Counting them in a map per
        // page and comparing their dates and titles was a tenth of a 4000-page build with tags, on the main
        // thread (issue #11): on a big site most pages share a tag with thousands of others.
        List<Page> ranked = new ArrayList<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.PAGE) {
                ranked.add(p);
            }
        }
        ranked.sort(PageOrder.BY_DATE);
        int n = ranked.size();
        // By identity: a page record's own hashCode walks its whole body and front matter.
        Map<Page, Integer> rankOf = new java.util.IdentityHashMap<>();
        List<List<String>> keysOf = new ArrayList<>(n);
        Map<String, IntList> byTerm = new HashMap<>();
        for (int r = 0; r < n; r++) {
            rankOf.put(ranked.get(r), r);
            List<String> keys = termKeys(config, ranked.get(r));
            keysOf.add(keys);
            for (String term : keys) {
                byTerm.computeIfAbsent(term, k -> new IntList()).add(r);
            }
        }
        int[] shared = new int[n];
        int[] candidates = new int[n];
        int[] bestRank = new int[RELATED_PAGES];
        int[] bestShared = new int[RELATED_PAGES];
        Map<String, List<String>> related = new LinkedHashMap<>();
        for (Page p : pages) {
            if (p.kind() != PageKind.PAGE) {
                continue;
            }
            int self = rankOf.get(p);
            int count = 0;
            for (String term : keysOf.get(self)) {
                IntList others = byTerm.get(term);
                for (int i = 0; i < others.size; i++) {
                    int other = others.values[i];
                    if (other != self && shared[other]++ == 0) {
                        candidates[count++] = other;
                    }
                }
            }
            // The best few are selected, not sorted out of all candidates: most share a term with thousands.
            int size = 0;
            for (int i = 0; i < count; i++) {
                int rank = candidates[i];
                int s = shared[rank];
                shared[rank] = 0;
                int at = size;
                while (at > 0 && (s > bestShared[at - 1] || s == bestShared[at - 1] && rank < bestRank[at - 1])) {
                    at--;
                }
                if (at < RELATED_PAGES) {
                    int moved = Math.min(size, RELATED_PAGES - 1) - at;
                    System.arraycopy(bestRank, at, bestRank, at + 1, moved);
                    System.arraycopy(bestShared, at, bestShared, at + 1, moved);
                    bestRank[at] = rank;
                    bestShared[at] = s;
                    size = Math.min(size + 1, RELATED_PAGES);
                }
            }
            if (size > 0) {
                List<String> ids = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    ids.add(ranked.get(bestRank[i]).id());
                }
                related.put(p.id(), List.copyOf(ids));
            }
        }
        return related;
    }

    /** A growing list of ints (the ranks of the pages with one term), without boxing each. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    static List<String> termKeys(SiteConfig config, Page p) {
        List<String> keys = new ArrayList<>();
        for (String taxonomy : config.taxonomies()) {
            for (String term : p.frontMatter().terms(taxonomy)) {
                keys.add(p.lang() + ":" + taxonomy + ":" + Slugs.slugify(term));
            }
        }
        return keys;
    }

    static Page page(PageSource source, String url, RenderedMarkdown body) {
        FrontMatter fm = source.frontMatter();
        SourceKind kind = source.source().kind();
        PageKind pageKind = switch (kind) {
            case HOME -> PageKind.HOME;
            case SECTION -> PageKind.SECTION;
            case BUNDLE, PAGE -> PageKind.PAGE;
        };
        String folder = source.source().folder();
        String title = fm.title().or(body::title).orElseGet(() -> Slugs.titleFromName(source.source().baseName()));
        String summary = fm.summary().or(body::teaser).orElse(body.firstParagraph());
        String description = fm.description().orElseGet(() -> shorten(summary, DESCRIPTION_LENGTH));
        String translationKey = fm.translationKey().orElse(source.source().translationBase());
        return new Page(source.id(), pageKind, source.source().displayName(), source.lang(), translationKey, title,
                description, summary, fm.date(), fm.lastmod().or(fm::date), topSection(folder), folder, url,
                SitePaths.outputPath(url), fm, body.html(), body.wordCount(), body.toc(), body.plainText(), source.medical(),
                body.cited(), body.readability(), body.glossary(), source.body(), source.bodyLine());
    }

    /**
     * A page nobody wrote. Its translation key is the one a written page in its place would have
     * ({@code _index}, {@code blog/_index}), so a generated Spanish list and a written English one are
     * still each other's translations.
     */
    private static Page generated(String id, PageKind kind, String lang, String title, String folder, String url,
            String translationKey) {
        return new Page(id, kind, "", lang, translationKey, title, "", "", Optional.empty(), Optional.empty(),
                topSection(folder), folder, url, SitePaths.outputPath(url), FrontMatter.empty(), "", 0, List.of(), "",
                NO_MEDICAL_INFO, List.of(), org.medsite.medical.Readability.of(List.of(), lang),
                org.medsite.medical.PageGlossary.none(), "", 1);
    }

    /** Compiled once: a description is shortened per page. */
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[\\s,;:.]+$");

    /** Cuts text at a word boundary so a meta description reads as a sentence, not a fragment. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return TRAILING_PUNCTUATION.matcher(text.substring(0, cut > max / 2 ? cut : max - 1)).replaceAll("") + "…";
    }

    private static String langPrefix(SiteConfig config, String lang) {
        return lang.equals(config.language()) ? "" : "/" + lang;
    }

    private static String topSection(String folder) {
        int slash = folder.indexOf('/');
        return slash < 0 ? folder : folder.substring(0, slash);
    }

    private static String parent(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    private static String name(String folder) {
        return folder.substring(folder.lastIndexOf('/') + 1);
    }
}
