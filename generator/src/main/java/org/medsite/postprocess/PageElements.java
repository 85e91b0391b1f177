package org.medsite.postprocess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A finished page's elements, listed once in document order and grouped by tag name, for the readers
 * that run after the transformers ({@link PageSources}, the page checks). Each of them used to select
 * with a dozen or more selectors, and each selection walked every node of the page: some fifty walks
 * of every page (issue #11). Here a selection looks only at the elements of its tag.
 *
 * <p>Selections take plain (not structural) Jsoup evaluators: a structural one ({@code a b},
 * {@code :not(...)}, {@code :has(...)}) keeps a per-thread memo that only a full {@code select} clears, so
 * callers test ancestors themselves ({@link #hasAncestor}). A snapshot: elements added to the document
 * later are not in it.
 */
public final class PageElements {

    private final Document document;
    private final List<Element> all;
    private final Map<String, List<Element>> byTag;

    private PageElements(Document document, List<Element> all, Map<String, List<Element>> byTag) {
        this.document = document;
        this.all = all;
        this.byTag = byTag;
    }

    /** The elements of {@code document} as it is now, in one walk. */
    public static PageElements of(Document document) {
        List<Element> all = new ArrayList<>();
        Map<String, List<Element>> byTag = new HashMap<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Element e) {
                all.add(e);
                byTag.computeIfAbsent(e.normalName(), k -> new ArrayList<>()).add(e);
            }
        }, document);
        return new PageElements(document, all, byTag);
    }

    public Document document() {
        return document;
    }

    /** Every element, the document's own included (as {@link Element#getAllElements()} lists them). */
    public List<Element> all() {
        return all;
    }

    /** The elements named {@code tag} (lower case) that {@code evaluator} matches, in document order. */
    public List<Element> select(String tag, Evaluator evaluator) {
        List<Element> candidates = byTag.getOrDefault(tag, List.of());
        List<Element> matched = new ArrayList<>(candidates.size());
        for (Element e : candidates) {
            if (evaluator.matches(document, e)) {
                matched.add(e);
            }
        }
        return matched;
    }

    /** All elements that {@code evaluator} matches, in document order (for a selector without a tag). */
    public List<Element> select(Evaluator evaluator) {
        List<Element> matched = new ArrayList<>();
        for (Element e : all) {
            if (evaluator.matches(document, e)) {
                matched.add(e);
            }
        }
        return matched;
    }

    /** Whether {@code e} is inside an element named one of {@code tags}: CSS's descendant combinator. */
    public static boolean hasAncestor(Element e, Set<String> tags) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (tags.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }
}
