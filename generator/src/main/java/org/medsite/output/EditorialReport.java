package org.medsite.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;
import org.medsite.check.JargonCheck;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.Severity;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Readability;
import org.medsite.medical.ReviewStatus;
import org.medsite.model.Page;
import org.medsite.model.Site;

/**
 * The editorial report: one place where a practice's editor sees the state of the whole library — what
 * is overdue for review, what is too hard to read, what lacks sources. Written next to the site, never
 * into it: {@code medsite-report.json} for tools and {@code medsite-report.html}, a self-contained page
 * (sortable table, filters, SVG charts; no external requests) for people.
 */
public final class EditorialReport {

    public static final String JSON_FILE = "medsite-report.json";
    public static final String HTML_FILE = "medsite-report.html";
    /** How the console line of a build that wrote the report starts (a cached build tells it again). */
    public static final String INFO_PREFIX = "editorial report: ";

    private final Site site;
    private final LocalDate today;
    private final List<Finding> findings;
    private final KeptRows kept;

    public EditorialReport(Site site, LocalDate today, List<Finding> findings) {
        this(site, today, findings, KeptRows.NONE);
    }

    /** @param kept where each page's rows are kept across runs */
    public EditorialReport(Site site, LocalDate today, List<Finding> findings, KeptRows kept) {
        this.site = site;
        this.today = today;
        this.findings = List.copyOf(findings);
        this.kept = kept;
    }

    /**
     * Where a one-off build keeps each page's row of the report (its JSON object, its table row) across runs:
     * made for every page, they were most of what a one-page rebuild spent on the report (issue #11). A row
     * shows the page record, its review status and its findings, and settings.
     */
    public interface KeptRows {
        /** Makes every row. */
        KeptRows NONE = (page, kind, status, findings, make) -> make.get();

        /**
         * The row of {@code kind} ({@code json} or {@code html}) for {@code page} with this status and
         * these findings: kept, or made by {@code make}.
         */
        String row(Page page, String kind, ReviewStatus status, List<Finding> findings, java.util.function.Supplier<String> make);
    }

    /** One page's row. */
    record Row(Page page, ReviewStatus status, boolean aboveTarget, List<Finding> findings) {
    }

    /** Headline figures, as the console shows them. */
    public record Summary(int pages, int medicalPages, int overdue, int dueSoon, int aboveTarget, int withoutSources,
            int withUndefinedJargon) {

        @Override
        public String toString() {
            return pages + " pages, " + medicalPages + " medical: " + overdue + " overdue for review, " + dueSoon
                    + " due soon, " + aboveTarget + " above their reading target, " + withoutSources + " without sources, "
                    + withUndefinedJargon + " with undefined jargon";
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // Grouped once: filtering every finding for every page was quadratic (issue #11 profile: half of a
        // 4000-page build). Each group keeps the findings' order.
        Map<String, List<Finding>> byFile = new java.util.HashMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        for (Page p : site.pages()) {
            if (!p.isRegular()) {
                continue;
            }
            List<Finding> own = List.copyOf(byFile.getOrDefault(p.sourceFile(), List.of()));
            boolean above = own.stream().anyMatch(f -> f.rule().equals("readability.above-target"));
            ReviewStatus status = p.medical().medical()
                    ? ReviewStatus.of(p.medical(), today, site.config().medical().dueSoonDays()) : null;
            rows.add(new Row(p, status, above, own));
        }
        return rows;
    }

    public Summary summary() {
        List<Row> rows = rows();
        List<Row> medical = rows.stream().filter(r -> r.page().medical().medical()).toList();
        return new Summary(rows.size(), medical.size(),
                (int) medical.stream().filter(r -> r.status() == ReviewStatus.OVERDUE).count(),
                (int) medical.stream().filter(r -> r.status() == ReviewStatus.DUE_SOON).count(),
                (int) rows.stream().filter(Row::aboveTarget).count(),
                (int) medical.stream().filter(r -> r.page().medical().sources().isEmpty()).count(),
                (int) rows.stream().filter(r -> jargon(r.page()) > 0).count());
    }

    public byte[] json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("site", site.config().title());
        root.put("date", today.toString());
        Summary s = summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pages", s.pages());
        summary.put("medicalPages", s.medicalPages());
        summary.put("overdue", s.overdue());
        summary.put("dueSoon", s.dueSoon());
        summary.put("aboveReadingTarget", s.aboveTarget());
        summary.put("withoutSources", s.withoutSources());
        summary.put("withUndefinedJargon", s.withUndefinedJargon());
        root.put("summary", summary);
        // Each page's object is written on its own and put into the array as Jackson's pretty printer
        // would indent it (two more spaces a level; JSON strings hold no line breaks), so that kept rows
        // need no serializing.
        root.put("pages", List.of());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String head = write(mapper, root);
        String empty = "[ ]\n}";
        if (!head.endsWith(empty)) {
            throw new IllegalStateException("the report's pages are not last");
        }
        List<Row> rows = rows();
        if (rows.isEmpty()) {
            return (head + "\n").getBytes(StandardCharsets.UTF_8);
        }
        List<byte[]> parts = new ArrayList<>();
        parts.add((head.substring(0, head.length() - empty.length()) + "[ ").getBytes(StandardCharsets.UTF_8));
        for (Row row : rows) {
            String object = kept.row(row.page(), "json", row.status(), row.findings(),
                    () -> write(mapper, pageObject(row))).replace("\n", "\n  ");
            parts.add((parts.size() == 1 ? object : ", " + object).getBytes(StandardCharsets.UTF_8));
        }
        parts.add(" ]\n}\n".getBytes(StandardCharsets.UTF_8));
        return joined(parts);
    }

    /**
     * The parts one after another, copied once into an array of their total size: on a big site the report
     * is tens of megabytes, and a growing builder and the copies of its text (to a string, then to bytes)
     * were promoted into the old generation at the very end of a build, raising its peak memory (issue #11).
     */
    private static byte[] joined(List<byte[]> parts) {
        int size = 0;
        for (byte[] part : parts) {
            size = Math.addExact(size, part.length);
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    /** One page's object in the JSON report. */
    private Map<String, Object> pageObject(Row row) {
        Page p = row.page();
        MedicalInfo m = p.medical();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("source", p.sourceFile());
        e.put("url", site.config().basePath() + p.url().substring(1));
        e.put("title", p.title());
        e.put("section", p.section());
        e.put("lang", p.lang());
        e.put("type", m.type());
        e.put("medical", m.medical());
        e.put("audience", m.audience());
        e.put("author", m.author().orElse(null));
        e.put("reviewers", m.reviewedBy());
        e.put("lastReviewed", m.lastReviewed().map(LocalDate::toString).orElse(null));
        e.put("nextReview", m.nextReview().map(LocalDate::toString).orElse(null));
        e.put("reviewStatus", row.status() == null ? null : row.status().id());
        e.put("readability", readability(p.readability()));
        e.put("sources", m.sources().size());
        Map<String, Object> glossary = new LinkedHashMap<>();
        glossary.put("termsDefined", p.glossary().defined().size());
        boolean checked = JargonCheck.applies(p, site.config().glossary());
        glossary.put("jargonChecked", checked);
        glossary.put("jargon", checked ? p.glossary().jargon().size() : null);
        glossary.put("jargonWords", checked ? p.glossary().jargon().stream().map(j -> j.word()).toList() : List.of());
        e.put("glossary", glossary);
        List<Object> fs = new ArrayList<>();
        for (Finding f : row.findings()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("severity", f.severity().label());
            fm.put("rule", f.rule());
            fm.put("file", f.file());
            fm.put("line", f.line());
            fm.put("message", f.message());
            fs.add(fm);
        }
        e.put("findings", fs);
        return e;
    }

    /** Jargon words a checked page leaves undefined (0 for pages that are not checked). */
    private int jargon(Page p) {
        return JargonCheck.applies(p, site.config().glossary()) ? p.glossary().jargon().size() : 0;
    }

    private static Map<String, Object> readability(Readability r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measured", r.measured());
        m.put("words", r.words());
        m.put("sentences", r.sentences());
        if (r.measured()) {
            m.put("readingEase", round(r.readingEase()));
            if (!Double.isNaN(r.grade())) {
                m.put("grade", round(r.grade()));
                m.put("smog", round(r.smog()));
            }
            m.put("wordsPerSentence", round(r.wordsPerSentence()));
            m.put("percentComplexWords", round(r.percentComplexWords()));
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public byte[] html() {
        List<Row> rows = rows();
        Summary s = summary();
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Editorial report | ").append(esc(site.config().title())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n<h1>Editorial report: ")
                .append(esc(site.config().title())).append("</h1>\n<p>As of <time datetime=\"").append(today).append("\">")
                .append(today).append("</time>. ").append(esc(s.toString())).append(".</p>\n");
        h.append("<section aria-labelledby=\"charts\"><h2 id=\"charts\">At a glance</h2>\n<div class=\"charts\">\n")
                .append(gradeChart(rows)).append(reviewsChart(rows)).append("</div></section>\n");
        h.append("<section aria-labelledby=\"pages\"><h2 id=\"pages\">Pages</h2>\n<fieldset><legend>Show</legend>\n");
        for (String[] f : new String[][] {{"all", "All pages"}, {"overdue", "Overdue for review"},
            {"due-soon", "Review due soon"}, {"above-target", "Above reading target"}, {"no-sources", "Medical, no sources"}}) {
            h.append("<label><input type=\"radio\" name=\"filter\" value=\"").append(f[0]).append('"')
                    .append(f[0].equals("all") ? " checked" : "").append("> ").append(f[1]).append("</label>\n");
        }
        h.append("</fieldset>\n<p id=\"count\" aria-live=\"polite\"></p>\n<table id=\"report\">\n<thead><tr>");
        String[][] columns = {{"Page", "text"}, {"Section", "text"}, {"Type", "text"}, {"Lang", "text"},
            {"Author", "text"}, {"Last reviewed", "text"}, {"Next review", "text"}, {"Status", "text"},
            {"Grade", "number"}, {"SMOG", "number"}, {"Ease", "number"}, {"Words", "number"}, {"Sources", "number"}, {"Jargon", "number"},
            {"Findings", "number"}};
        for (String[] c : columns) {
            h.append("<th scope=\"col\" data-type=\"").append(c[1]).append("\" aria-sort=\"none\"><button type=\"button\">")
                    .append(c[0]).append("</button></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        List<byte[]> parts = new ArrayList<>();
        parts.add(h.toString().getBytes(StandardCharsets.UTF_8));
        for (Row row : rows) {
            parts.add(kept.row(row.page(), "html", row.status(), row.findings(), () -> tableRow(row))
                    .getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("</tbody>\n</table>\n</section>\n</main>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n")
                .getBytes(StandardCharsets.UTF_8));
        return joined(parts);
    }

    /** One page's row of the HTML table. */
    private String tableRow(Row row) {
        StringBuilder h = new StringBuilder(512);
        Page p = row.page();
        MedicalInfo m = p.medical();
        Readability r = p.readability();
        List<String> tags = new ArrayList<>();
        if (row.status() != null) {
            tags.add(row.status().id());
        }
        if (row.aboveTarget()) {
            tags.add("above-target");
        }
        if (m.medical() && m.sources().isEmpty()) {
            tags.add("no-sources");
        }
        h.append("<tr data-tags=\"").append(String.join(" ", tags)).append("\">")
                .append("<td><a href=\"").append(esc(site.config().basePath() + p.url().substring(1))).append("\">")
                .append(esc(p.title())).append("</a><br><small>").append(esc(p.sourceFile())).append("</small></td>")
                .append(td(p.section())).append(td(m.type())).append(td(p.lang()))
                .append(td(m.author().orElse(""))).append(td(m.lastReviewed().map(LocalDate::toString).orElse("")))
                .append(td(m.nextReview().map(LocalDate::toString).orElse("")))
                .append(td(row.status() == null ? "" : row.status().id()))
                .append(num(r.measured() && !Double.isNaN(r.grade()) ? round(r.grade()) : null))
                .append(num(r.measured() && !Double.isNaN(r.smog()) ? round(r.smog()) : null))
                .append(num(r.measured() ? round(r.readingEase()) : null))
                .append(num((double) r.words())).append(num((double) m.sources().size()))
                .append(num(JargonCheck.applies(p, site.config().glossary()) ? (double) jargon(p) : null))
                .append("<td data-value=\"").append(row.findings().size()).append("\">");
        if (!row.findings().isEmpty()) {
            h.append("<details><summary>").append(row.findings().size()).append("</summary><ul>");
            for (Finding f : row.findings()) {
                h.append("<li>").append(f.severity() == Severity.ERROR ? "<strong>error</strong>: " : "")
                        .append(esc(f.message())).append(" <code>").append(esc(f.rule())).append("</code></li>");
            }
            h.append("</ul></details>");
        } else {
            h.append('0');
        }
        h.append("</td></tr>\n");
        return h.toString();
    }

    /** Bars of how many measured pages of each section fall in each grade band. */
    private String gradeChart(List<Row> rows) {
        String[] bands = {"up to 6", "6 to 8", "8 to 10", "10 to 12", "over 12"};
        Map<String, int[]> bySection = new TreeMap<>();
        for (Row row : rows) {
            Readability r = row.page().readability();
            if (r.measured() && !Double.isNaN(r.grade()) && r.words() >= 100) {
                double g = r.grade();
                int band = g <= 6 ? 0 : g <= 8 ? 1 : g <= 10 ? 2 : g <= 12 ? 3 : 4;
                bySection.computeIfAbsent(row.page().section().isEmpty() ? "(top)" : row.page().section(),
                        k -> new int[bands.length])[band]++;
            }
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        bySection.forEach((section, counts) -> {
            for (int i = 0; i < bands.length; i++) {
                labels.add(section + ": grade " + bands[i]);
                values.add(counts[i]);
            }
        });
        return barChart("Reading grade (Flesch-Kincaid) by section, English pages", labels, values);
    }

    /** Bars of medical reviews due in each of the next 24 months. */
    private String reviewsChart(List<Row> rows) {
        Map<YearMonth, Integer> due = new TreeMap<>();
        YearMonth first = YearMonth.from(today);
        for (int i = 0; i < 24; i++) {
            due.put(first.plusMonths(i), 0);
        }
        for (Row row : rows) {
            row.page().medical().nextReview().map(YearMonth::from).filter(due::containsKey)
                    .ifPresent(ym -> due.merge(ym, 1, Integer::sum));
        }
        List<String> labels = due.keySet().stream().map(YearMonth::toString).toList();
        return barChart("Medical reviews due per month, next 24 months", labels, new ArrayList<>(due.values()));
    }

    private static String barChart(String title, List<String> labels, List<Integer> values) {
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        int rowHeight = 18;
        int height = labels.size() * rowHeight + 10;
        StringBuilder svg = new StringBuilder("<figure><figcaption>").append(esc(title)).append("</figcaption>\n")
                .append("<svg role=\"img\" aria-label=\"").append(esc(title)).append("\" width=\"460\" height=\"")
                .append(height).append("\" viewBox=\"0 0 460 ").append(height).append("\">\n");
        for (int i = 0; i < labels.size(); i++) {
            int y = i * rowHeight + 5;
            int w = (int) Math.round(200.0 * values.get(i) / max);
            svg.append("<text x=\"0\" y=\"").append(y + 12).append("\">").append(esc(labels.get(i))).append("</text>")
                    .append("<rect x=\"200\" y=\"").append(y + 2).append("\" width=\"").append(w).append("\" height=\"12\"/>")
                    .append("<text x=\"").append(205 + w).append("\" y=\"").append(y + 12).append("\">")
                    .append(values.get(i)).append("</text>\n");
        }
        return svg.append("</svg></figure>\n").toString();
    }

    private static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String num(Double value) {
        if (value == null) {
            return "<td data-value=\"\">–</td>";
        }
        String shown = value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
        return "<td data-value=\"" + shown + "\">" + shown + "</td>";
    }

    private static String esc(String text) {
        return Entities.escape(text == null ? "" : text);
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0;color:#1b2631;background:#fff}
            main{max-width:80rem;margin:0 auto;padding:1rem}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{border-bottom:1px solid #ccd;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:#0b4f6c}
            th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
            button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
            .charts{display:flex;flex-wrap:wrap;gap:2rem}svg text{font-size:11px;fill:#1b2631}svg rect{fill:#0b6e8a}
            fieldset{border:1px solid #ccd;margin:1rem 0}label{margin-right:1rem;white-space:nowrap}
            a{color:#0b4f6c}small{color:#4a5560}
            """;

    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('report');
              var body = table.tBodies[0];
              var count = document.getElementById('count');
              function value(row, i, type) {
                var cell = row.cells[i];
                var v = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
                return type === 'number' ? (v === '' ? -Infinity : parseFloat(v)) : v.toLowerCase();
              }
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
                th.querySelector('button').addEventListener('click', function () {
                  var ascending = th.getAttribute('aria-sort') !== 'ascending';
                  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute('aria-sort', 'none'); });
                  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                  var type = th.getAttribute('data-type');
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = value(a, i, type), y = value(b, i, type);
                    return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
              function filter() {
                var chosen = document.querySelector('input[name=filter]:checked').value;
                var shown = 0;
                Array.prototype.forEach.call(body.rows, function (r) {
                  var show = chosen === 'all' || (' ' + r.getAttribute('data-tags') + ' ').indexOf(' ' + chosen + ' ') >= 0;
                  r.hidden = !show;
                  if (show) { shown++; }
                });
                count.textContent = shown + ' of ' + body.rows.length + ' pages shown';
              }
              document.querySelectorAll('input[name=filter]').forEach(function (i) { i.addEventListener('change', filter); });
              filter();
            })();
            """;
}
