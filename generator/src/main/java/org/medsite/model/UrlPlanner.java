package org.medsite.model;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medsite.config.SiteConfig;
import org.medsite.content.SourceKind;
import org.medsite.diagnostics.FindingCollector;

/**
 * Decides every page's URL before any Markdown is rendered, so that links between pages can be
 * resolved while rendering. Two pages with one URL, or URLs that differ only in case (one file on a
 * case-insensitive host), are errors naming both files.
 */
public final class UrlPlanner {

    /** Compiled once: a permalink pattern is expanded per page. */
    private static final java.util.regex.Pattern DOUBLE_SLASHES = java.util.regex.Pattern.compile("/{2,}");

    private final SiteConfig config;

    public UrlPlanner(SiteConfig config) {
        this.config = config;
    }

    /** The site path of each source, by source id; sources with an unusable URL are left out. */
    public Map<String, String> plan(Iterable<PageSource> sources, FindingCollector findings) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> ownerByOutput = new TreeMap<>();
        Map<String, String> urlByOutput = new TreeMap<>();
        for (PageSource source : sources) {
            String url = urlOf(source, findings);
            if (url == null) {
                continue;
            }
            String key = SitePaths.outputPath(url).toLowerCase(Locale.ROOT);
            String other = ownerByOutput.putIfAbsent(key, source.source().displayName());
            if (other != null) {
                String otherUrl = urlByOutput.get(key);
                findings.error("url.duplicate", source.source().displayName(), 0, "URL " + url
                        + " is also the URL of " + other + (otherUrl.equals(url) ? ";"
                                : " (" + otherUrl + "; URLs that differ only in letter case clash on many hosts);")
                        + " give one of them another 'slug' or 'url'");
                continue;
            }
            urlByOutput.put(key, url);
            urls.put(source.id(), url);
        }
        return urls;
    }

    /** The site path of one source, or null after reporting why it has none. */
    String urlOf(PageSource page, FindingCollector findings) {
        String file = page.source().displayName();
        String prefix = page.lang().equals(config.language()) ? "" : "/" + page.lang();
        if (page.frontMatter().url().isPresent()) {
            String raw = page.frontMatter().url().get();
            return SitePaths.normalize(raw).map(u -> u)
                    .orElseGet(() -> {
                        findings.error("url.invalid", file, 0, "'url: " + raw + "' is not a safe site path; write "
                                + "it like /services/vaccines/ (no '..', no host, no backslashes)");
                        return null;
                    });
        }
        SourceKind kind = page.source().kind();
        if (kind == SourceKind.HOME) {
            return prefix + "/";
        }
        if (kind == SourceKind.SECTION) {
            return prefix + "/" + folderPath(page.source().folder()) + "/";
        }
        String slug = page.frontMatter().slug().map(Slugs::slugify).orElse(Slugs.slugify(page.source().baseName()));
        if (slug.isEmpty()) {
            findings.error("url.empty-slug", file, 0, "cannot make a URL from this file's name; rename the file or "
                    + "set 'slug:' to letters and digits");
            return null;
        }
        String folder = page.source().folder();
        String section = folder.isEmpty() ? "" : folder.split("/")[0];
        String pattern = config.permalinks().get(section);
        if (pattern == null) {
            return prefix + "/" + (folder.isEmpty() ? "" : folderPath(folder) + "/") + slug + "/";
        }
        OffsetDateTime date = page.frontMatter().date().orElse(null);
        if (date == null && (pattern.contains(":year") || pattern.contains(":month") || pattern.contains(":day"))) {
            findings.error("url.needs-date", file, 0, "the permalink pattern '" + pattern + "' of section '" + section
                    + "' uses the date, but this page has no 'date:'");
            return null;
        }
        String expanded = pattern
                .replace(":sections", folderPath(folder))
                .replace(":section", Slugs.slugify(section))
                .replace(":slug", slug)
                .replace(":filename", Slugs.slugify(page.source().baseName()))
                .replace(":title", Slugs.slugify(page.frontMatter().title().orElse(slug)))
                .replace(":year", date == null ? "" : String.format(Locale.ROOT, "%04d", date.getYear()))
                .replace(":month", date == null ? "" : String.format(Locale.ROOT, "%02d", date.getMonthValue()))
                .replace(":day", date == null ? "" : String.format(Locale.ROOT, "%02d", date.getDayOfMonth()));
        return prefix + DOUBLE_SLASHES.matcher(expanded).replaceAll("/");
    }

    /** A content folder as a URL path: every segment slugified ({@code Library/Heart} -> {@code library/heart}). */
    public static String folderPath(String folder) {
        StringBuilder sb = new StringBuilder();
        for (String segment : folder.split("/")) {
            if (!segment.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(Slugs.slugify(segment));
            }
        }
        return sb.toString();
    }
}
