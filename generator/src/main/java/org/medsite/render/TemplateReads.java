package org.medsite.render;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.medsite.model.FeedPlan;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Section;
import org.medsite.model.Site;
import org.medsite.model.Taxonomy;

/**
 * What a template run read, named by keys, and what each key stood for in a given {@link Site}. A warm
 * rebuild compares the values of two sites: a page needs rendering again only when a key it read now
 * stands for something else. Keys are:
 * <ul>
 * <li>{@code template:<name>}: a template the page was rendered with, or looked for and did not find;
 * <li>{@code page:<id>}: a page's view (everything {@code page.*} shows of it) but its body;
 * <li>{@code page:<id>#body}: what its view shows of its body ({@code content}, {@code toc},
 *     {@code wordCount}, {@code sources}): a list that shows titles and summaries is not rendered again
 *     for an edit that changes only the text of one of its pages;
 * <li>{@code page:<id>#minutes}: its reading time, which lists often show and which changes only
 *     every 200 words;
 * <li>{@code site:<lang>:<property>}: a collection of the {@code site} variable ({@code pages},
 *     {@code sections}, {@code menus}, ...);
 * <li>{@code list:<url>}: the entries of a section, term, taxonomy or profile page.
 * </ul>
 * Settings, data files and theme strings are not keyed: a change to them renders every page.
 */
public final class TemplateReads {

    /** The {@code site} properties that are collections of pages; the others come from settings. */
    static final List<String> SITE_COLLECTIONS = List.of("pages", "pagesByPath", "page", "home", "sections",
            "section", "taxonomies", "menus", "feeds");

    /** The view properties that show the body: reading one of them reads {@link #pageBody}. */
    static final Set<String> BODY_PROPERTIES = Set.of("content", "toc", "wordCount", "sources");
    /** The view property of {@link #pageMinutes}. */
    static final String MINUTES_PROPERTY = "readingMinutes";
    /**
     * The components of {@link Page} made from the body. Every other component, present or added
     * later, counts as part of what {@link #page} stands for, so a new one is never overlooked.
     */
    private static final Set<String> BODY_COMPONENTS = Set.of("contentHtml", "toc", "wordCount", "plainText", "cited",
            "readability", "body", "bodyLine");
    private static final List<RecordComponent> COMPONENTS = List.of(Page.class.getRecordComponents());

    private TemplateReads() {
    }

    public static String template(String name) {
        return "template:" + name;
    }

    public static String page(String id) {
        return "page:" + id;
    }

    public static String pageBody(String id) {
        return "page:" + id + "#body";
    }

    static String pageMinutes(String id) {
        return "page:" + id + "#minutes";
    }

    static String site(String lang, String property) {
        return "site:" + lang + ":" + property;
    }

    /** The entries of a list page, by the list page's site path without the base path. */
    static String list(String url) {
        return "list:" + url;
    }


    /**
     * The value of every key in {@code site}. Two sites give equal values for a key exactly when a
     * template reading that key sees the same thing in both.
     */
    public static Map<String, Object> values(Site site) {
        return new ReadValues(site).all();
    }

    /**
     * The keys of {@code site} with what each stands for, worked out when asked for (see {@link ReadValues}),
     * looking things up in {@code siteIndex} ({@link #index}); a later key of the same name replaces an earlier one.
     */
    static Map<String, Supplier<Object>> keys(Site site, Supplier<SiteIndex> index) {
        Map<String, Supplier<Object>> values = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            values.put(page(page.id()), () -> pageValue(site, page, index.get()));
            values.put(pageBody(page.id()), () -> components(page, true));
            values.put(pageMinutes(page.id()), page::readingMinutes);
        }
        for (String lang : site.config().languages()) {
            Supplier<Map<String, Object>> ofLang = memo(() -> siteValues(site, lang, index.get()));
            for (String property : SITE_COLLECTIONS) {
                values.put(site(lang, property), () -> ofLang.get().get(property));
            }
        }
        for (Section section : site.sections().values()) {
            values.put(list(section.listPage().url()), () -> {
                List<Object> subsections = new ArrayList<>();
                for (String folder : section.subsections()) {
                    site.section(section.lang(), folder).ifPresent(s -> subsections.add(link(s.listPage())));
                }
                return List.of(link(section.listPage()), ids(section.pages()), subsections);
            });
        }
        for (Taxonomy taxonomy : site.taxonomies().values()) {
            for (Taxonomy.Term term : taxonomy.terms()) {
                values.put(list(term.page().url()), () -> ids(term.pages()));
            }
            values.put(list(taxonomy.listPage().url()), () -> {
                List<Object> terms = new ArrayList<>();
                for (Taxonomy.Term term : taxonomy.terms()) {
                    terms.add(List.of(term.name(), term.page().url(), term.pages().size()));
                }
                return List.of(link(taxonomy.listPage()), terms);
            });
        }
        for (Page page : site.pages()) {
            if (page.kind() == PageKind.PERSON) {
                values.put(list(page.url()), () -> ids(site.pagesBy(page.id().substring("@person:".length()))));
            }
        }
        return values;
    }

    /** The indexes of a site that the values of its pages' keys look things up in, made in one pass. */
    static final class SiteIndex {

        final Map<String, Page> byId = new HashMap<>();
        /** Translations by kind and key (Site.translations looks through every page). */
        final Map<String, List<Page>> byTranslationKey = new HashMap<>();
        final Map<String, List<String>> feedsByListPage = new HashMap<>();
        /** Each language's home (Site.home looks through the pages). */
        final Map<String, java.util.Optional<Page>> homes = new HashMap<>();

        SiteIndex(Site site) {
            for (Page p : site.pages()) {
                byId.put(p.id(), p);
                byTranslationKey.computeIfAbsent(p.kind() + ":" + p.translationKey(), k -> new ArrayList<>()).add(p);
                homes.computeIfAbsent(p.lang(), site::home);
            }
            for (FeedPlan.Feed feed : FeedPlan.of(site)) {
                // A feed link shows its list page's title too.
                feedsByListPage.computeIfAbsent(feed.listPage().id(), k -> new ArrayList<>())
                        .add(feed.url() + " " + feed.listPage().title());
            }
        }
    }

    /** The values of the {@code site} collections of one language, by property. */
    private static Map<String, Object> siteValues(Site site, String lang, SiteIndex index) {
        Map<String, Object> values = new HashMap<>();
        List<Page> ofLang = site.pages().stream().filter(p -> p.lang().equals(lang)).toList();
        values.put("pages", ids(site.regularPages(lang)));
        TreeSet<String> urls = new TreeSet<>();
        ofLang.forEach(p -> urls.add(p.url()));
        values.put("pagesByPath", urls);
        values.put("page", urls);
        values.put("home", site.home(lang).or(() -> site.home(site.config().language())).map(Page::id).orElse(""));
        TreeSet<String> sections = new TreeSet<>();
        site.sections().values().stream().filter(s -> s.lang().equals(lang)).forEach(s -> sections.add(s.folder()));
        values.put("sections", sections);
        values.put("section", sections);
        values.put("taxonomies", site.taxonomies().values().stream()
                .filter(t -> t.lang().equals(lang)).map(Taxonomy::name).toList());
        // Menus are built from site.yaml (unchanged, or every page renders anyway) and the pages' menu entries.
        values.put("menus", ofLang.stream().filter(p -> !p.frontMatter().menus().isEmpty())
                .map(p -> List.of(p.id(), p.title(), p.url(), p.frontMatter().menus(), p.frontMatter().weight()))
                .toList());
        values.put("feeds", site.home(lang).map(h -> index.feedsByListPage.getOrDefault(h.id(), List.<String>of()))
                .orElse(List.of()));
        return values;
    }

    /** A supplier that asks {@code make} once, on first use; thread-safe. */
    static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = make.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    /**
     * Patches a session's {@code values} in place for a site patched from the one they are of (see
     * {@code model.KeptSite}): each swapped page stands where the page it replaces stood, so only the
     * swapped pages' own keys can change ({@link #ownKeys}), and a page's view differs only in what it
     * shows of its body. Copying the values of every page of a big site on every save cost more than this.
     *
     * @return the keys whose values changed
     */
    public static Set<String> patch(Map<String, Object> values, List<Page> swapped) {
        Set<String> changed = new java.util.HashSet<>();
        for (Page page : swapped) {
            List<?> view = (List<?>) values.get(page(page.id()));
            if (view == null) {
                throw new IllegalArgumentException("no value of " + page(page.id()) + " to patch");
            }
            List<Object> value = new ArrayList<>(view);
            value.set(0, components(page, false));
            put(values, changed, page(page.id()), List.copyOf(value));
            put(values, changed, pageBody(page.id()), components(page, true));
            put(values, changed, pageMinutes(page.id()), page.readingMinutes());
        }
        return changed;
    }

    private static void put(Map<String, Object> values, Set<String> changed, String key, Object value) {
        if (!java.util.Objects.equals(values.put(key, value), value)) {
            changed.add(key);
        }
    }

    /** The keys of a page's own values (see {@link #patch}). */
    public static List<String> ownKeys(Page page) {
        return List.of(page(page.id()), pageBody(page.id()), pageMinutes(page.id()));
    }

    /** The keys a page's rendering depends on whatever its template reads: itself and its own entries. */
    static List<String> own(Site site, Page page) {
        List<String> keys = new ArrayList<>();
        keys.add(page(page.id()));
        keys.add(pageBody(page.id()));
        keys.add(pageMinutes(page.id()));
        switch (page.kind()) {
            case HOME -> keys.add(site(page.lang(), "pages"));
            case SECTION, TERM, TAXONOMY, PERSON -> keys.add(list(page.url()));
            default -> {
            }
        }
        return keys;
    }

    /**
     * A page's view: the page itself, and what its view shows of other pages without reading their views
     * (the titles and links of its translations, related pages and breadcrumb, the feeds it advertises).
     */
    private static Object pageValue(Site site, Page page, SiteIndex index) {
        List<Object> value = new ArrayList<>();
        value.add(components(page, false));
        value.addAll(shownOfOthers(site, page, index));
        return List.copyOf(value);
    }

    /** What a page's view shows of other pages: the rest of {@link #pageValue} after {@link #ownOf}. */
    static List<Object> shownOfOthers(Site site, Page page, SiteIndex index) {
        List<Object> translations = new ArrayList<>();
        for (Page t : index.byTranslationKey.get(page.kind() + ":" + page.translationKey())) {
            if (t != page) {
                translations.add(link(t));
            }
        }
        List<Object> related = site.related().getOrDefault(page.id(), List.of()).stream()
                .map(id -> (Object) link(index.byId.get(id))).toList();
        List<Object> ancestors = new ArrayList<>();
        for (String folder = page.folder(); !folder.isEmpty(); folder = parent(folder)) {
            site.section(page.lang(), folder).ifPresent(s -> ancestors.add(link(s.listPage())));
        }
        List<String> feeds = new ArrayList<>();
        if (!page.section().isEmpty()) {
            site.section(page.lang(), page.section())
                    .ifPresent(s -> feeds.addAll(index.feedsByListPage.getOrDefault(s.listPage().id(), List.of())));
        }
        java.util.Optional<Page> home = index.homes.getOrDefault(page.lang(), java.util.Optional.empty());
        home.ifPresent(h -> feeds.addAll(index.feedsByListPage.getOrDefault(h.id(), List.of())));
        return List.of(translations, related, ancestors, feeds);
    }

    /** The page's own values ({@link #ownOf} of its {@link #page} key's value). */
    static Object own(Page page) {
        return components(page, false);
    }

    /** The site's index, made on first use. */
    static Supplier<SiteIndex> index(Site site) {
        return memo(() -> new SiteIndex(site));
    }

    /**
     * The part of the value of a page's {@link #page} key that depends on the page record alone: its own
     * components that are not made from the body. The page cache keeps its hash by the record's.
     */
    public static Object ownOf(Object pageValue) {
        return ((List<?>) pageValue).get(0);
    }

    /** The rest of the value of a page's {@link #page} key (see {@link #ownOf}): what it shows of other pages. */
    public static List<?> shownOfOthers(Object pageValue) {
        List<?> value = (List<?>) pageValue;
        return value.subList(1, value.size());
    }

    /** The values of the page's body components, or of all the others. */
    private static List<Object> components(Page page, boolean body) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : COMPONENTS) {
            if (BODY_COMPONENTS.contains(component.getName()) == body) {
                try {
                    values.add(component.getAccessor().invoke(page));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read Page." + component.getName(), e);
                }
            }
        }
        return values;
    }

    private static List<String> ids(List<Page> pages) {
        return pages.stream().map(Page::id).toList();
    }

    private static List<String> link(Page page) {
        return List.of(page.id(), page.title(), page.url());
    }

    private static String parent(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }
}
