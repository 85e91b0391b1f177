package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.model.Page;
import org.medsite.model.Site;
import org.medsite.model.SitePaths;

/**
 * Old addresses that must keep working ({@code aliases:}): a small page at each old path that sends
 * browsers on (meta refresh) and tells search engines where the page now lives (canonical), plus a
 * {@code _redirects} file with real 301s for hosts that read one (Netlify, Cloudflare Pages).
 */
public final class Redirects {

    private final Site site;

    public Redirects(Site site) {
        this.site = site;
    }

    /** Redirect pages by output path, and {@code _redirects} unless {@code includeRedirectsFile} is false. */
    public Map<String, byte[]> write(FindingCollector findings, boolean includeRedirectsFile) {
        Map<String, String> targets = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        List<Page> withAliases = site.pages().stream().filter(p -> !p.frontMatter().aliases().isEmpty()).toList();
        // Most sites have few aliases or none: the map of every page is made only for them (a dev server
        // writes this on every save).
        Map<String, Page> pagesByOutput = new java.util.HashMap<>();
        if (!withAliases.isEmpty()) {
            for (Page page : site.pages()) {
                pagesByOutput.put(page.outputPath().toLowerCase(java.util.Locale.ROOT), page);
            }
        }
        for (Page page : withAliases) {
            for (String alias : page.frontMatter().aliases()) {
                String path = SitePaths.normalize(alias).orElse(null);
                if (path == null) {
                    findings.error("url.invalid-alias", page.sourceFile(), 0, "alias '" + alias + "' is not a safe "
                            + "site path; write it like /old/address/ (no '..', no host)");
                    continue;
                }
                Page there = pagesByOutput.get(SitePaths.outputPath(path).toLowerCase(java.util.Locale.ROOT));
                if (there != null) {
                    findings.error("url.alias-is-page", page.sourceFile(), 0, "alias " + path + " is the URL of "
                            + (there.sourceFile().isEmpty() ? "a generated page" : there.sourceFile())
                            + "; an address can be a page or a redirect, not both: remove the alias or move the page");
                    continue;
                }
                String other = origins.putIfAbsent(path, page.sourceFile());
                if (other != null) {
                    findings.error("url.duplicate-alias", page.sourceFile(), 0, "alias " + path + " is also an alias of "
                            + other + "; an old address can redirect to one page only");
                    continue;
                }
                targets.put(path, page.url());
            }
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        AbsoluteUrls urls = new AbsoluteUrls(site.config());
        String base = site.config().basePath();
        List<String> lines = new ArrayList<>();
        targets.forEach((from, to) -> {
            String target = site.config().hasAbsoluteBaseUrl() ? urls.of(to) : base + to.substring(1);
            files.put(SitePaths.outputPath(from), page(target, site.config().language()).getBytes(StandardCharsets.UTF_8));
            lines.add(base + from.substring(1) + " " + base + to.substring(1) + " 301");
        });
        if (includeRedirectsFile && !lines.isEmpty()) {
            files.put("_redirects", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static String page(String target, String lang) {
        String t = Entities.escape(target);
        return "<!doctype html>\n<html lang=\"" + Entities.escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Redirecting…</title>\n<link rel=\"canonical\" href=\"" + t + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + t + "\">\n</head>\n<body>\n"
                + "<p>This page has moved to <a href=\"" + t + "\">" + t + "</a>.</p>\n</body>\n</html>\n";
    }
}
