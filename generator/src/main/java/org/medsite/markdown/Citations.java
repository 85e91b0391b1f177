package org.medsite.markdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sources one page may cite and the order it cites them in. Belongs to one page's rendering
 * (one thread), like the page's Flexmark document.
 */
public final class Citations {

    private final Set<String> known;
    private final LinkedHashSet<String> cited = new LinkedHashSet<>();

    /** @param known the ids of the page's sources */
    public Citations(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    public static Citations none() {
        return new Citations(Set.of());
    }

    boolean isKnown(String id) {
        return known.contains(id);
    }

    Set<String> known() {
        return known;
    }

    /** Cites a source; its number is its place in the order of first citation, from 1. */
    int cite(String id) {
        cited.add(id);
        int n = 1;
        for (String c : cited) {
            if (c.equals(id)) {
                return n;
            }
            n++;
        }
        throw new IllegalStateException("just added");
    }

    /** The cited ids in the order of first citation. */
    public List<String> order() {
        return new ArrayList<>(cited);
    }
}
