package org.medsite.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;
import org.medsite.model.SitePaths;
import org.medsite.model.Taxonomy;
import org.medsite.render.TemplateEngine.TemplateProblemException;

/**
 * The render-templates stage: picks each page's template and renders it with the page's variables.
 *
 * <p>Template variables: {@code site} ({@link SiteView}), {@code page} ({@link PageView}), {@code pages}
 * (all entries of a list page), {@code paginator} ({@link Paginator}, on section and term pages: the entries
 * of this page of the list; only a template that reads it gets {@code page/2/} and beyond),
 * {@code section} ({@link SectionView} of the page's folder, if any), {@code taxonomy} ({@link TaxonomyView},
 * on a taxonomy's index), {@code person} ({@link PersonView}, on profile pages, whose {@code pages} are the
 * person's), and the functions {@code relURL(path)}, {@code absURL(path)} and {@code t(key)}
 * (the theme's string {@code key} in the page's language, from {@code i18n/<lang>.yaml}).
 */
public final class PageRenderer {

    /** The version templates can print in a generator meta tag. */
    public static final String GENERATOR = "Medsite";

    private final TemplateEngine engine;
    private final Translations translations;
    private final java.time.LocalDate today;
    /**
     * Templates of this build that were stopped (too slow, too large) or refused (a link out of layouts/):
     * the other pages using them are not run.
     */
    private final Map<String, TemplateProblem> stoppedTemplates = new ConcurrentHashMap<>();
    /** Views by site: robots.txt is rendered from the same site as the pages, and a session keeps them. */
    private final KeptViews views;

    /** @param today the build's date: it decides whether a page's medical review is due */
    public PageRenderer(TemplateEngine engine, Translations translations, java.time.LocalDate today) {
        this(engine, translations, today, new KeptViews());
    }

    /** @param views the views of a session's earlier builds */
    public PageRenderer(TemplateEngine engine, Translations translations, java.time.LocalDate today, KeptViews views) {
        this.engine = engine;
        this.translations = translations;
        this.today = today;
        this.views = views;
    }

    /**
     * Renders every page of the site, in parallel. List pages (sections and terms) longer than
     * {@code paginate} entries are rendered once per page of entries: {@code /blog/}, {@code /blog/page/2/}, ...
     *
     * @return the HTML of each output file by output path
     */
    public Map<String, String> renderAll(Site site, FindingCollector findings) {
        ViewFactory views = new ViewFactory(site, today);
        Map<String, String> out = new ConcurrentHashMap<>();
        // Template problems repeat on every page that uses the template: report each once.
        Map<String, Boolean> reported = new ConcurrentHashMap<>();
        site.pages().parallelStream().forEach(page -> render(site, views, page, findings, reported, out, null));
        return out;
    }

    /**
     * Renders some pages of the site, in parallel, each reporting to its own collector, and notes what
     * each page's templates read (see {@link TemplateReads}), so that a warm rebuild renders again only
     * the pages whose reads changed.
     *
     * @param findingsOf the collector of each page's findings
     */
    public List<PageRendering> render(Site site, Collection<Page> pages, Function<Page, FindingCollector> findingsOf) {
        ViewFactory views = views(site);
        return pages.parallelStream().map(page -> {
            Map<String, String> out = new TreeMap<>();
            ReadLog reads = new ReadLog(site.config().basePath());
            TemplateReads.own(site, page).forEach(reads::add);
            render(site, views, page, findingsOf.apply(page), new HashMap<>(), out, reads);
            return new PageRendering(page.id(), out, reads.keys());
        }).toList();
    }

    private void render(Site site, ViewFactory views, Page page, FindingCollector findings,
            Map<String, Boolean> reported, Map<String, String> out, ReadLog reads) {
        Optional<String> template = Optional.empty();
        try {
            List<String> candidates = candidates(page);
            template = engine.firstExisting(candidates);
            if (reads != null) {
                // The templates looked for up to the one used: creating an earlier one changes the page.
                int used = template.map(candidates::indexOf).orElse(candidates.size() - 1);
                candidates.subList(0, used + 1).forEach(name -> reads.add(TemplateReads.template(name)));
            }
            if (template.isEmpty()) {
                if (page.frontMatter().layout().filter(PageRenderer::leavesLayouts).isPresent()) {
                    findings.error("template.unknown-layout", page.sourceFile(), 0, "layout '"
                            + page.frontMatter().layout().get() + "' is not a template name; write a name such as "
                            + "'wide' for layouts/wide.ftlh (no '..', no leading '/', no '\\' or ':')");
                } else if (page.frontMatter().layout().isPresent()) {
                    findings.error("template.unknown-layout", page.sourceFile(), 0, "layout '"
                            + page.frontMatter().layout().get() + "' does not exist; add layouts/"
                            + candidates.get(0) + " or remove 'layout:'");
                } else if (reported.putIfAbsent("missing:" + candidates, true) == null) {
                    findings.error("template.missing", "", 0, "no template for " + describe(page) + "; looked for "
                            + String.join(", ", candidates) + " in layouts/ and the theme");
                }
                return;
            }
            TemplateProblem stopped = stoppedTemplates.get(template.get());
            if (stopped != null) {
                // Reported once already; running it again on every page would only multiply the wait.
                throw new TemplateProblemException(stopped);
            }
            Locale locale = Locale.forLanguageTag(page.lang());
            Map<String, Object> model = model(site, views, page);
            List<PageView> entries = paginatedEntries(site, views, page);
            if (entries == null) {
                out.put(page.outputPath(), engine.render(template.get(), engine.variables(model), locale, reads));
                return;
            }
            int size = site.config().paginate();
            int total = Math.max(1, (entries.size() + size - 1) / size);
            for (int n = 1; n <= total; n++) {
                List<PageView> chunk = entries.subList((n - 1) * size, Math.min(entries.size(), n * size));
                Paginator paginator = new Paginator(n, total, entries.size(), chunk,
                        n == 1 ? null : pageUrl(views, page, n - 1), n == total ? null : pageUrl(views, page, n + 1),
                        pageUrl(views, page, 1), pageUrl(views, page, total));
                Map<String, Object> pageModel = new HashMap<>(model);
                pageModel.put("pages", entries);
                pageModel.put("paginator", paginator);
                TemplateVariables variables = engine.variables(pageModel);
                String path = n == 1 ? page.outputPath() : SitePaths.outputPath(page.url() + "page/" + n + "/");
                out.put(path, engine.render(template.get(), variables, locale, reads));
                if (n == 1 && !variables.wasRead("paginator")) {
                    return; // The template lists everything on one page.
                }
            }
        } catch (TemplateProblemException e) {
            TemplateProblem p = e.problem();
            if (!p.rule().equals("template.error")) {
                template.ifPresent(t -> stoppedTemplates.putIfAbsent(t, p));
            }
            if (reported.putIfAbsent(p.template() + ":" + p.line() + ":" + p.message(), true) == null) {
                String where = page.sourceFile().isEmpty() ? page.url() : page.sourceFile();
                findings.error(p.rule(), p.template(), p.line(), p.message() + " (while rendering " + where + ")");
            }
        }
    }

    /** A layout name that points out of the template folders (FreeMarker refuses it too; this says why). */
    private static boolean leavesLayouts(String layout) {
        return layout.startsWith("/") || layout.contains("\\") || layout.contains(":")
                || ("/" + layout + "/").contains("/../");
    }

    private static String pageUrl(ViewFactory views, Page page, int n) {
        return views.relUrl(n == 1 ? page.url() : page.url() + "page/" + n + "/");
    }

    /** The entries a list page paginates, or null for pages that are not paginated. */
    private static List<PageView> paginatedEntries(Site site, ViewFactory views, Page page) {
        return switch (page.kind()) {
            case SECTION -> site.section(page.lang(), page.folder())
                    .map(s -> s.pages().stream().map(views::page).toList()).orElse(List.of());
            case TERM -> termOf(site, page).map(t -> t.pages().stream().map(views::page).toList()).orElse(List.of());
            default -> null;
        };
    }

    /**
     * {@code robots.txt} from the {@code robots.txt.ftl} template (site, theme or built-in), so a site can
     * change it without a static file; {@code sitemap} is the sitemap's full URL or null.
     */
    public Optional<String> renderRobots(Site site, String sitemap, FindingCollector findings) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", views(site).site(site.config().language()));
        if (sitemap != null) {
            model.put("sitemap", sitemap);
        }
        try {
            return Optional.of(engine.render("robots.txt.ftl", model, Locale.ROOT));
        } catch (TemplateProblemException e) {
            TemplateProblem p = e.problem();
            findings.error(p.rule(), p.template(), p.line(), p.message() + " (while rendering robots.txt)");
            return Optional.empty();
        }
    }

    /** Views are built once per site: building them looks at every page. */
    private ViewFactory views(Site site) {
        return views.of(site, today);
    }

    /**
     * A site-wide file from a template of the theme (such as {@code theme-settings.css.ftl}), rendered with
     * {@code site} in the main language; empty when it renders only blanks (Medsite's own is empty).
     */
    public Optional<String> renderSiteFile(Site site, String template, FindingCollector findings) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", views(site).site(site.config().language()));
        try {
            String text = engine.render(template, model, Locale.ROOT);
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (TemplateProblemException e) {
            TemplateProblem p = e.problem();
            findings.error("template.error", p.template(), p.line(), p.message() + " (while rendering " + template + ")");
            return Optional.empty();
        }
    }

    private static Optional<Taxonomy.Term> termOf(Site site, Page page) {
        return site.taxonomies().values().stream()
                .flatMap(t -> t.terms().stream())
                .filter(t -> t.page().id().equals(page.id()))
                .findFirst();
    }

    static List<String> candidates(Page page) {
        List<String> names = new ArrayList<>();
        Optional<String> layout = page.frontMatter().layout();
        if (layout.isPresent()) {
            names.add(layout.get().endsWith(".ftlh") ? layout.get() : layout.get() + ".ftlh");
            return names;
        }
        String section = page.section();
        switch (page.kind()) {
            case HOME -> {
                names.add("index.ftlh");
                names.add("list.ftlh");
            }
            case SECTION -> {
                if (!section.isEmpty()) {
                    names.add(section + "/list.ftlh");
                }
                names.add("list.ftlh");
            }
            case PAGE -> {
                page.frontMatter().type().ifPresent(type -> names.add(type + "/single.ftlh"));
                if (!section.isEmpty() && !names.contains(section + "/single.ftlh")) {
                    names.add(section + "/single.ftlh");
                }
                names.add("single.ftlh");
            }
            case TAXONOMY -> {
                names.add("taxonomy.ftlh");
                names.add("list.ftlh");
            }
            case TERM -> {
                names.add("term.ftlh");
                names.add("list.ftlh");
            }
            case PERSON -> {
                names.add("person.ftlh");
                names.add("single.ftlh");
            }
            case NOT_FOUND -> names.add("404.ftlh");
        }
        return names;
    }

    private static String describe(Page page) {
        return switch (page.kind()) {
            case HOME -> "the home page";
            case SECTION -> "section list " + page.url();
            case PAGE -> "page " + page.url();
            case TAXONOMY -> "taxonomy index " + page.url();
            case TERM -> "term page " + page.url();
            case PERSON -> "profile page " + page.url();
            case NOT_FOUND -> "the not-found page";
        };
    }

    private Map<String, Object> model(Site site, ViewFactory views, Page page) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", views.site(page.lang()));
        model.put("page", views.page(page));
        site.section(page.lang(), page.folder()).ifPresent(s -> model.put("section", views.sectionView(s)));
        if (page.kind() == PageKind.HOME) {
            model.put("pages", views.site(page.lang()).pages());
        } else {
            model.put("pages", List.of());
        }
        if (page.kind() == PageKind.PERSON) {
            String id = page.id().substring("@person:".length());
            model.put("person", views.person(id));
            model.put("pages", site.pagesBy(id).stream().map(views::page).toList());
        }
        if (page.kind() == PageKind.TAXONOMY) {
            site.taxonomies().values().stream().filter(t -> t.listPage().id().equals(page.id())).findFirst()
                    .ifPresent(t -> model.put("taxonomy", views.taxonomyView(t)));
        }
        model.put("relURL", (TemplateMethodModelEx) args -> views.relUrl(single(args, "relURL")));
        model.put("absURL", (TemplateMethodModelEx) args -> views.absUrl(single(args, "absURL")));
        model.put("generator", GENERATOR);
        model.put("t", (TemplateMethodModelEx) args -> {
            String key = single(args, "t");
            return translations.get(page.lang(), key).orElseThrow(() -> new TemplateModelException("no translation of '"
                    + key + "' for language '" + page.lang() + "'; add it to i18n/" + page.lang() + ".yaml"));
        });
        return model;
    }

    private static String single(List<?> args, String function) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException(function + " takes one argument, a site path such as \"/css/site.css\"");
        }
        return String.valueOf(args.get(0));
    }
}
