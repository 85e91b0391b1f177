package org.medsite.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.postprocess.PageElements;

/**
 * The dates a page shows its readers must be the dates its schema.org data gives search engines. Google
 * and health-information standards (JAMA's "currency") both read the review date; a theme that prints the
 * publication date under a "Last reviewed" label, or a byline that was edited without the front matter,
 * makes the two disagree. Two rules, on the finished HTML:
 *
 * <ul>
 *   <li>a {@code <time data-date="lastReviewed|datePublished|dateModified">} (how themes mark the dates of
 *       their byline) must carry the structured data's date of that name;</li>
 *   <li>a page whose structured data has a {@code lastReviewed} must show that date in a {@code <time>}.</li>
 * </ul>
 */
public final class VisibleDateCheck implements PageCheck {

    public static final Set<String> RULES = Set.of("medical.date-mismatch");

    /** The structured-data dates a theme may mark, by the {@code data-date} value that marks them. */
    private static final Set<String> DATE_PROPERTIES = Set.of("lastReviewed", "datePublished", "dateModified");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Parsed once: Jsoup parses a selector string on every call (issue #11). */
    private static final Evaluator TIMES = Selector.evaluatorOf("time[datetime]");
    private static final Set<String> BODY = Set.of("body");
    private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void check(RenderedPage page, OutputIndex output, FindingCollector findings) {
        Optional<JsonNode> entity = mainEntity(page);
        if (entity.isEmpty()) {
            return; // no structured data (a site without baseURL has none): nothing to disagree with
        }
        // "body time[datetime]"
        List<Element> times = page.elements().select("time", TIMES).stream()
                .filter(t -> PageElements.hasAncestor(t, BODY)).toList();
        for (Element time : times) {
            String property = time.attr("data-date");
            if (!DATE_PROPERTIES.contains(property)) {
                continue;
            }
            String shown = day(time.attr("datetime"));
            String stated = entity.get().path(property).asText("");
            if (stated.isEmpty()) {
                findings.error("medical.date-mismatch", page.origin(), 0, "the page shows a " + property + " date ("
                        + time.text() + ") that its structured data (JSON-LD) does not have");
            } else if (!stated.equals(shown)) {
                findings.error("medical.date-mismatch", page.origin(), 0, "the page shows " + property + " as "
                        + time.attr("datetime") + " (\"" + time.text() + "\") but its structured data (JSON-LD) says "
                        + stated);
            }
        }
        String reviewed = entity.get().path("lastReviewed").asText("");
        if (!reviewed.isEmpty() && times.stream().noneMatch(t -> day(t.attr("datetime")).equals(reviewed))) {
            Set<String> shown = new TreeSet<>();
            times.forEach(t -> shown.add(t.attr("datetime")));
            findings.error("medical.date-mismatch", page.origin(), 0, "the structured data (JSON-LD) says the page was "
                    + "last reviewed on " + reviewed + " but the page does not show that date"
                    + (shown.isEmpty() ? "" : " (dates shown: " + String.join(", ", shown) + ")")
                    + "; show it in a <time datetime=\"" + reviewed + "\">");
        }
    }

    /** The date part of a datetime attribute ("2026-03-03T10:00:00Z" -> "2026-03-03"), or "" for other values. */
    private static String day(String datetime) {
        return datetime.length() >= 10 && DAY.matcher(datetime.substring(0, 10)).matches()
                ? datetime.substring(0, 10) : "";
    }

    /** The node of the page itself: the top-level JSON-LD node that carries the page's dates. */
    private Optional<JsonNode> mainEntity(RenderedPage page) {
        for (Element script : page.elements().select("script", JSON_LD)) {
            JsonNode root;
            try {
                root = json.readTree(script.data());
            } catch (JsonProcessingException e) {
                continue; // a theme's own malformed JSON-LD is not a date problem
            }
            List<JsonNode> nodes = new ArrayList<>();
            if (root.has("@graph")) {
                root.get("@graph").forEach(nodes::add);
            } else if (root.isArray()) {
                root.forEach(nodes::add);
            } else {
                nodes.add(root);
            }
            for (JsonNode node : nodes) {
                if (DATE_PROPERTIES.stream().anyMatch(node::has)) {
                    return Optional.of(node);
                }
            }
        }
        return Optional.empty();
    }
}
