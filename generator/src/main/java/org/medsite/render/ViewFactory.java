package org.medsite.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import org.medsite.config.MedicalSettings;
import java.util.Locale;
import java.util.Map;
import org.medsite.config.MenuEntry;
import org.medsite.config.SiteConfig;
import org.medsite.image.ShareCardPlan;
import org.medsite.image.ShareCardRenderer;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Person;
import org.medsite.medical.ReviewStatus;
import org.medsite.medical.Source;
import org.medsite.model.FeedPlan;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Section;
import org.medsite.model.Site;
import org.medsite.model.Slugs;
import org.medsite.model.Taxonomy;

/**
 * The template views of a {@link Site}: the site views when made, each page's view when a template first
 * reaches it (see {@link #page}); views are immutable and shared by the rendering threads.
 */
final class ViewFactory {

    private final Site site;
    private final SiteConfig config;
    private final Map<String, Page> byId = new HashMap<>();
    /** Pages by kind and translation key, in site order: Site.translations looks through every page. */
    private final Map<String, List<Page>> byTranslationKey = new HashMap<>();
    private final Map<String, java.util.Optional<Page>> homes = new HashMap<>();
    private final Map<String, List<FeedLink>> feedsByListPage = new HashMap<>();
    /** The views made so far, by page id (see {@link #page}). */
    private final Map<String, PageView> pages = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, SiteView> sites = new HashMap<>();

    private final java.time.LocalDate today;
    private final Map<String, PersonView> people = new HashMap<>();
    private final Map<String, ShareCardPlan.Planned> shareCards;

    /** @param today the build's date, which decides whether a review is due */
    ViewFactory(Site site, java.time.LocalDate today) {
        this(site, today, null, id -> false);
    }

    /**
     * @param previous the views of an earlier site of the same settings, data and day, or null
     * @param unchanged the ids of the pages whose view in {@code previous} shows what theirs would here
     */
    ViewFactory(Site site, java.time.LocalDate today, ViewFactory previous,
            java.util.function.Predicate<String> unchanged) {
        this.site = site;
        this.config = site.config();
        this.today = today;
        this.shareCards = ShareCardPlan.of(site);
        for (Person person : site.people().all()) {
            people.put(person.id(), personView(person));
        }
        for (Page page : site.pages()) {
            byId.put(page.id(), page);
            byTranslationKey.computeIfAbsent(page.kind() + ":" + page.translationKey(), k -> new ArrayList<>()).add(page);
        }
        for (String lang : config.languages()) {
            homes.put(lang, site.home(lang));
        }
        for (FeedPlan.Feed feed : FeedPlan.of(site)) {
            String title = feed.listPage().kind() == PageKind.HOME ? config.title()
                    : feed.listPage().title() + " | " + config.title();
            feedsByListPage.computeIfAbsent(feed.listPage().id(), k -> new ArrayList<>())
                    .add(new FeedLink(title, relUrl(feed.url()), feed.format().mediaType()));
        }
        if (previous != null) {
            // Only the views the previous site's templates reached were made; each is taken while it shows the same.
            previous.pages.forEach((id, view) -> {
                if (byId.containsKey(id) && unchanged.test(id)) {
                    pages.put(id, view);
                }
            });
        }
        for (String lang : config.languages()) {
            sites.put(lang, siteView(lang));
        }
    }

    /**
     * The views of {@code site}, which is {@code previous}'s site with the pages {@code swapped} swapped in,
     * each standing in the same place as the one it replaces (see {@code model.KeptSite}): everything a
     * view shows of another page (links, titles, lists, feeds, share cards) is the same, so only the swapped
     * pages' own views are made again (when reached), and the site views, which list the views of this factory.
     */
    private ViewFactory(ViewFactory previous, Site site, java.util.Collection<Page> swapped,
            java.util.function.Predicate<String> unchanged) {
        this.site = site;
        this.config = site.config();
        this.today = previous.today;
        this.shareCards = previous.shareCards;
        people.putAll(previous.people);
        byId.putAll(previous.byId);
        byTranslationKey.putAll(previous.byTranslationKey);
        homes.putAll(previous.homes);
        feedsByListPage.putAll(previous.feedsByListPage);
        pages.putAll(previous.pages);
        for (Page page : swapped) {
            byId.put(page.id(), page);
            byTranslationKey.computeIfPresent(page.kind() + ":" + page.translationKey(), (k, list) -> list.stream()
                    .map(p -> p.id().equals(page.id()) ? page : p).toList());
            homes.replaceAll((lang, home) -> home.map(h -> h.id().equals(page.id()) ? page : h));
            if (!unchanged.test(page.id())) {
                // Made again from the swapped page when a template reaches it.
                pages.remove(page.id());
            }
        }
        // The site views list pages through this factory's views; making them looks at no page's view.
        for (String lang : config.languages()) {
            sites.put(lang, siteView(lang));
        }
    }

    /** The views of {@code site}, made from these by {@link #ViewFactory(ViewFactory, Site, java.util.Collection, java.util.function.Predicate)}. */
    ViewFactory patched(Site site, java.util.Collection<Page> swapped, java.util.function.Predicate<String> unchanged) {
        return new ViewFactory(this, site, swapped, unchanged);
    }

    java.time.LocalDate today() {
        return today;
    }

    /** Whether these are the views of {@code other} (the very same site). */
    boolean isOf(Site other) {
        return site == other;
    }

    /**
     * The view of a page of the site, made when first asked for: a one-page rebuild renders one page, and
     * making every page's view was a tenth of its render stage and compiled code run a thousand times (issue #11).
     */
    PageView page(Page page) {
        PageView view = pages.get(page.id());
        if (view != null) {
            return view;
        }
        // Made from this site's page of that id: a session's patched views may be asked for by an older record.
        Page current = byId.get(page.id());
        return current == null ? null : pages.computeIfAbsent(page.id(), id -> pageView(current));
    }

    /** The views of {@code list}, each made when read (see {@link #page}). */
    private List<PageView> lazyViews(List<Page> list) {
        return new LazyPageViews(list);
    }

    /** A list of page views made on first read, through {@link #page}. */
    private final class LazyPageViews extends java.util.AbstractList<PageView> implements java.util.RandomAccess {

        private final List<Page> list;

        LazyPageViews(List<Page> list) {
            this.list = list;
        }

        @Override
        public PageView get(int index) {
            return page(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }

    /** Page views by site path, each made on first read, through {@link #page}; iterated in the order of a HashMap of the paths. */
    private final class LazyViewsByPath extends java.util.AbstractMap<String, PageView> {

        private final Map<String, Page> byPath;

        LazyViewsByPath(Map<String, Page> byPath) {
            this.byPath = byPath;
        }

        @Override
        public PageView get(Object path) {
            Page page = byPath.get(path);
            return page == null ? null : page(page);
        }

        @Override
        public boolean containsKey(Object path) {
            return byPath.containsKey(path);
        }

        @Override
        public int size() {
            return byPath.size();
        }

        @Override
        public java.util.Set<String> keySet() {
            return java.util.Collections.unmodifiableSet(byPath.keySet());
        }

        @Override
        public java.util.Set<Map.Entry<String, PageView>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, PageView>> iterator() {
                    java.util.Iterator<Map.Entry<String, Page>> entries = byPath.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Map.Entry<String, PageView> next() {
                            Map.Entry<String, Page> e = entries.next();
                            return new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), page(e.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return byPath.size();
                }
            };
        }
    }

    SiteView site(String lang) {
        return sites.getOrDefault(lang, sites.get(config.language()));
    }

    /** The site path with the base path: what a link in a page must say. */
    String relUrl(String sitePath) {
        if (sitePath.contains("://") || sitePath.startsWith("mailto:") || sitePath.startsWith("tel:")
                || sitePath.startsWith("#")) {
            return sitePath;
        }
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return config.basePath() + path;
    }

    /** The absolute URL when the base URL is absolute; the rel URL otherwise. */
    String absUrl(String sitePath) {
        if (sitePath.contains("://")) {
            return sitePath;
        }
        String path = sitePath.startsWith("/") ? sitePath.substring(1) : sitePath;
        return config.baseUrl() + path;
    }

    private PageView pageView(Page page) {
        Locale locale = Locale.forLanguageTag(page.lang());
        List<LinkView> translations = new ArrayList<>();
        for (Page t : translations(page)) {
            translations.add(link(t));
        }
        Map<String, List<LinkView>> terms = new LinkedHashMap<>();
        for (String taxonomy : config.taxonomies()) {
            List<LinkView> links = new ArrayList<>();
            for (String term : page.frontMatter().terms(taxonomy)) {
                String prefix = page.lang().equals(config.language()) ? "" : "/" + page.lang();
                String path = prefix + "/" + taxonomy + "/" + Slugs.slugify(term) + "/";
                links.add(new LinkView(term, relUrl(path), page.lang(), false, absUrl(path)));
            }
            if (!links.isEmpty()) {
                terms.put(taxonomy, links);
            }
        }
        List<LinkView> related = site.related().getOrDefault(page.id(), List.of()).stream()
                .map(byId::get)
                .map(this::link)
                .toList();
        String image = page.frontMatter().image().map(this::imageUrl).orElse(null);
        return new PageView(page.id(), page.kind().label(), page.title(), page.description(), page.summary(),
                relUrl(page.url()), absUrl(page.url()), page.lang(), html(page.contentHtml()),
                DateView.of(page.date().orElse(null), locale), DateView.of(page.lastmod().orElse(null), locale),
                page.section(), page.frontMatter().type().orElse(page.section()), page.tags(),
                page.frontMatter().categories(), page.frontMatter().params(), page.frontMatter().medical(), image,
                page.wordCount(), page.readingMinutes(), translations, page.sourceFile(), page.toc(), terms, related,
                feedsOf(page), medicalView(page.medical(), locale), review(page.medical(), locale), sources(page),
                page.glossary().defined().stream().map(GlossaryTermView::of).toList(),
                shareCard(page));
    }

    private ShareCardView shareCard(Page page) {
        ShareCardPlan.Planned card = shareCards.get(page.id());
        return card == null ? null : new ShareCardView(relUrl(card.url()), absUrl(card.url()), ShareCardRenderer.WIDTH,
                ShareCardRenderer.HEIGHT, card.card().alt());
    }

    PersonView person(String id) {
        return people.get(id);
    }

    private PersonView personView(Person p) {
        Locale locale = Locale.forLanguageTag(config.language());
        List<PersonView.CredentialView> credentials = p.credentials().stream()
                .map(c -> new PersonView.CredentialView(c.kind(), c.name(), c.issuer().orElse(null),
                        DateView.of(c.validUntil().map(d -> d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC)).orElse(null),
                                locale)))
                .toList();
        String url = site.personPage(p.id()).map(pg -> relUrl(pg.url())).orElse(null);
        return new PersonView(p.id(), p.name(), p.displayName(), p.honorificPrefix().orElse(null),
                p.honorificSuffix().orElse(null), p.jobTitle().orElse(null), p.medicalSpecialty(), p.licensedClinician(),
                credentials, p.npi().orElse(null), p.bio().orElse(null), p.photo().map(this::imageUrl).orElse(null),
                p.photoAlt().orElse(null), p.sameAs(), p.disclosures().orElse(null), url);
    }

    private static MedicalView medicalView(MedicalInfo m, Locale locale) {
        return new MedicalView(m.type(), m.medical(), m.audience(), m.about().map(MedicalInfo.About::name).orElse(null),
                m.about().flatMap(MedicalInfo.About::icd10).orElse(null), m.specialties(), m.disclosures().orElse(null),
                m.sponsored().orElse(null),
                m.history().stream().map(r -> new MedicalView.RevisionView(date(r.date(), locale), r.note())).toList(),
                m.disclaimer().orElse(null), m.actions());
    }

    private MedicalView.ReviewView review(MedicalInfo m, Locale locale) {
        String status = ReviewStatus.of(m, today, config.medical().dueSoonDays()).id();
        return new MedicalView.ReviewView(m.author().map(people::get).orElse(null),
                m.reviewedBy().stream().map(people::get).filter(java.util.Objects::nonNull).toList(),
                m.factCheckedBy().stream().map(people::get).filter(java.util.Objects::nonNull).toList(),
                m.lastReviewed().map(d -> date(d, locale)).orElse(null),
                m.nextReview().map(d -> date(d, locale)).orElse(null), status);
    }

    private static List<MedicalView.SourceView> sources(Page page) {
        List<MedicalView.SourceView> result = new ArrayList<>();
        int n = 1;
        for (Source s : page.orderedSources()) {
            result.add(new MedicalView.SourceView(n++, s.id(), s.title(), s.publisher().orElse(null), s.year().orElse(null),
                    s.url().orElse(null), s.doi().orElse(null), s.pmid().orElse(null), s.href().orElse(null),
                    page.cited().contains(s.id())));
        }
        return result;
    }

    private static DateView date(java.time.LocalDate date, Locale locale) {
        return DateView.of(date.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), locale);
    }

    /** What {@link Site#translations} gives, from the index. */
    private List<Page> translations(Page page) {
        List<Page> result = new ArrayList<>();
        List<Page> sameKey = byTranslationKey.get(page.kind() + ":" + page.translationKey());
        for (String lang : config.languages()) {
            if (!lang.equals(page.lang())) {
                sameKey.stream().filter(p -> p.lang().equals(lang)).findFirst().ifPresent(result::add);
            }
        }
        return result;
    }

    /** The feeds of the page's own section (or of the list page itself), then the site's. */
    private List<FeedLink> feedsOf(Page page) {
        List<FeedLink> feeds = new ArrayList<>();
        if (!page.section().isEmpty()) {
            site.section(page.lang(), page.section())
                    .ifPresent(s -> feeds.addAll(feedsByListPage.getOrDefault(s.listPage().id(), List.of())));
        }
        // Looked up, not added to the index: views are made on several threads at once.
        java.util.Optional<Page> home = homes.get(page.lang());
        (home != null ? home : site.home(page.lang()))
                .ifPresent(h -> feeds.addAll(feedsByListPage.getOrDefault(h.id(), List.of())));
        return feeds;
    }

    private String imageUrl(String image) {
        return image.contains("://") || image.startsWith("/") ? relUrl(image) : image;
    }

    private SiteView siteView(String lang) {
        Map<String, SectionView> sections = new LinkedHashMap<>();
        for (Section section : site.sections().values()) {
            if (section.lang().equals(lang)) {
                sections.put(section.folder(), sectionView(section));
            }
        }
        Map<String, TaxonomyView> taxonomies = new LinkedHashMap<>();
        for (Taxonomy taxonomy : site.taxonomies().values()) {
            if (taxonomy.lang().equals(lang)) {
                taxonomies.put(taxonomy.name(), taxonomyView(taxonomy));
            }
        }
        List<PageView> regular = lazyViews(site.regularPages(lang));
        PageView home = site.home(lang).or(() -> site.home(config.language())).map(this::page).orElse(null);
        Map<String, Page> byPath = new HashMap<>();
        for (Page p : site.pages()) {
            if (p.lang().equals(lang)) {
                byPath.put(p.url(), p);
            }
        }
        List<FeedLink> feeds = site.home(lang).map(h -> feedsByListPage.getOrDefault(h.id(), List.of())).orElse(List.of());
        return new SiteView(config.title(), config.description(), config.baseUrl(), config.basePath(), lang,
                config.language(), config.languages(), home, regular, sections, menus(lang), config.params(),
                site.data(), new LazyViewsByPath(byPath), taxonomies, feeds, medicalSettings(lang), site.glossaries().forLanguage(lang)
                        .map(g -> g.sorted().stream().map(GlossaryTermView::of).toList()).orElse(List.of()));
    }

    private MedicalSettingsView medicalSettings(String lang) {
        MedicalSettings m = config.medical();
        return new MedicalSettingsView(m.disclaimer().in(lang).orElse(null), m.emergencyNotice().in(lang).orElse(null),
                m.editorialPolicy().map(this::relUrl).orElse(null), m.reviewCycleMonths(), m.dueSoonDays());
    }

    TaxonomyView taxonomyView(Taxonomy taxonomy) {
        List<TaxonomyView.TermView> terms = taxonomy.terms().stream()
                .map(t -> new TaxonomyView.TermView(t.name(), relUrl(t.page().url()), t.pages().size()))
                .toList();
        return new TaxonomyView(taxonomy.name(), taxonomy.listPage().title(), relUrl(taxonomy.listPage().url()), terms);
    }

    SectionView sectionView(Section section) {
        List<LinkView> subsections = new ArrayList<>();
        for (String folder : section.subsections()) {
            site.section(section.lang(), folder).ifPresent(s ->
                    subsections.add(link(s.listPage())));
        }
        return new SectionView(section.folder(), section.listPage().title(), relUrl(section.listPage().url()),
                lazyViews(section.pages()), subsections);
    }

    /**
     * Menus of {@code site.yaml}, followed by the pages of this language that put themselves in a menu
     * ({@code menu: main}), by weight.
     */
    private Map<String, List<LinkView>> menus(String lang) {
        Map<String, List<LinkView>> menus = new LinkedHashMap<>();
        for (Map.Entry<String, List<MenuEntry>> menu : config.menus().entrySet()) {
            menus.put(menu.getKey(), menu.getValue().stream()
                    .map(e -> new LinkView(e.name(), relUrl(e.url()), null, e.url().contains("://"), absUrl(e.url())))
                    .toList());
        }
        Map<String, List<Page>> fromPages = new LinkedHashMap<>();
        for (Page page : site.pages()) {
            if (page.lang().equals(lang) && page.kind() != PageKind.NOT_FOUND) {
                for (String menu : page.frontMatter().menus()) {
                    fromPages.computeIfAbsent(menu, k -> new ArrayList<>()).add(page);
                }
            }
        }
        fromPages.forEach((name, list) -> {
            List<LinkView> links = new ArrayList<>(menus.getOrDefault(name, List.of()));
            list.stream()
                    .sorted(Comparator.comparingInt((Page p) -> p.frontMatter().weight()).thenComparing(Page::title))
                    .map(this::link)
                    .filter(l -> links.stream().noneMatch(x -> x.url().equals(l.url())))
                    .forEach(links::add);
            menus.put(name, List.copyOf(links));
        });
        return menus;
    }

    private LinkView link(Page p) {
        return new LinkView(p.title(), relUrl(p.url()), p.lang(), false, absUrl(p.url()));
    }

    private static TemplateHTMLOutputModel html(String markup) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(markup);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
