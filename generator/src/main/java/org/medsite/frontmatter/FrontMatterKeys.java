package org.medsite.frontmatter;

import java.util.Set;
import java.util.TreeSet;

/** The front matter keys Medsite understands; anything else is reported with a "did you mean". */
public final class FrontMatterKeys {

    /** Keys users know from Hugo and Jekyll. */
    public static final Set<String> STANDARD = Set.of(
            "title", "description", "date", "lastmod", "draft", "publishDate", "expiryDate", "slug", "url",
            "aliases", "tags", "categories", "layout", "weight", "summary", "image", "lang", "translationKey",
            "type", "menu", "params");

    /**
     * Medical metadata, named after schema.org's MedicalWebPage properties where one exists. Kept as
     * written by the front matter stage; the medical stage gives them types and rules.
     */
    public static final Set<String> MEDICAL = Set.of(
            "medical", "audience", "author", "reviewedBy", "factCheckedBy", "lastReviewed", "nextReview",
            "sources", "about", "specialty", "disclosures", "sponsored", "history", "disclaimer", "actions",
            "readability", "deidentified", "authorization", "glossary", "video");

    public static final Set<String> ALL;

    static {
        Set<String> all = new TreeSet<>(STANDARD);
        all.addAll(MEDICAL);
        ALL = Set.copyOf(all);
    }

    private FrontMatterKeys() {
    }
}
