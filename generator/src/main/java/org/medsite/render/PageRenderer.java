package org.medsite.render;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;
import org.medsite.render.TemplateEngine.TemplateProblemException;

/**
 * The render-templates stage: picks each page's template and renders it with the page's variables.
 *
 * <p>Template variables: {@code site} ({@link SiteView}), {@code page} ({@link PageView}), {@code pages}
 * (the pages a list page lists), {@code section} ({@link SectionView} of the page's folder, if any), and
 * the functions {@code relURL(path)} and {@code absURL(path)}.
 */
public final class PageRenderer {

    /** The version templates can print in a generator meta tag. */
    public static final String GENERATOR = "Medsite";

    private final TemplateEngine engine;

    public PageRenderer(TemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * Renders every page of the site, in parallel.
     *
     * @return the HTML of each page by output path
     */
    public Map<String, String> renderAll(Site site, FindingCollector findings) {
        ViewFactory views = new ViewFactory(site);
        Map<String, String> out = new ConcurrentHashMap<>();
        // Template problems repeat on every page that uses the template: report each once.
        Map<String, Boolean> reported = new ConcurrentHashMap<>();
        site.pages().parallelStream().forEach(page -> render(site, views, page, findings, reported)
                .ifPresent(html -> out.put(page.outputPath(), html)));
        return out;
    }

    private Optional<String> render(Site site, ViewFactory views, Page page, FindingCollector findings,
            Map<String, Boolean> reported) {
        try {
            List<String> candidates = candidates(page);
            Optional<String> template = engine.firstExisting(candidates);
            if (template.isEmpty()) {
                if (page.frontMatter().layout().isPresent()) {
                    findings.error("template.unknown-layout", page.sourceFile(), 0, "layout '"
                            + page.frontMatter().layout().get() + "' does not exist; add layouts/"
                            + candidates.get(0) + " or remove 'layout:'");
                } else if (reported.putIfAbsent("missing:" + candidates, true) == null) {
                    findings.error("template.missing", "", 0, "no template for " + describe(page) + "; looked for "
                            + String.join(", ", candidates) + " in layouts/ and the theme");
                }
                return Optional.empty();
            }
            return Optional.of(engine.render(template.get(), model(site, views, page),
                    Locale.forLanguageTag(page.lang())));
        } catch (TemplateProblemException e) {
            TemplateProblem p = e.problem();
            if (reported.putIfAbsent(p.template() + ":" + p.line() + ":" + p.message(), true) == null) {
                String where = page.sourceFile().isEmpty() ? page.url() : page.sourceFile();
                findings.error("template.error", p.template(), p.line(), p.message() + " (while rendering " + where + ")");
            }
            return Optional.empty();
        }
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
            case NOT_FOUND -> names.add("404.ftlh");
        }
        return names;
    }

    private static String describe(Page page) {
        return switch (page.kind()) {
            case HOME -> "the home page";
            case SECTION -> "section list " + page.url();
            case PAGE -> "page " + page.url();
            case NOT_FOUND -> "the not-found page";
        };
    }

    private static Map<String, Object> model(Site site, ViewFactory views, Page page) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", views.site(page.lang()));
        model.put("page", views.page(page));
        site.section(page.lang(), page.folder()).ifPresent(s -> model.put("section", views.sectionView(s)));
        if (page.kind() == PageKind.SECTION && model.get("section") instanceof SectionView s) {
            model.put("pages", s.pages());
        } else if (page.kind() == PageKind.HOME) {
            model.put("pages", views.site(page.lang()).pages());
        } else {
            model.put("pages", List.of());
        }
        model.put("relURL", (TemplateMethodModelEx) args -> views.relUrl(single(args, "relURL")));
        model.put("absURL", (TemplateMethodModelEx) args -> views.absUrl(single(args, "absURL")));
        model.put("generator", GENERATOR);
        return model;
    }

    private static String single(List<?> args, String function) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException(function + " takes one argument, a site path such as \"/css/site.css\"");
        }
        return String.valueOf(args.get(0));
    }
}
