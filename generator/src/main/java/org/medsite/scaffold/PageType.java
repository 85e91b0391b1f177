package org.medsite.scaffold;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.medsite.diagnostics.Suggestions;

/**
 * The kinds of page {@code new} can create, each with its archetype and its place in {@code content/}.
 * Health library articles are page bundles, so their images and downloads can sit beside them.
 */
public enum PageType {
    CONDITION(Placement.LIBRARY),
    TREATMENT(Placement.LIBRARY),
    TEST(Placement.LIBRARY),
    MEDICATION(Placement.LIBRARY),
    BLOG(Placement.BLOG),
    PAGE(Placement.TOP);

    private enum Placement { LIBRARY, BLOG, TOP }

    private final Placement placement;

    PageType(Placement placement) {
        this.placement = placement;
    }

    /** The name users type and front matter's {@code type:} holds: {@code condition}, {@code blog}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The page's file relative to the site folder, with forward slashes. */
    String contentPath(String slug) {
        return switch (placement) {
            case LIBRARY -> "content/library/" + slug + "/index.md";
            case BLOG -> "content/blog/" + slug + ".md";
            case TOP -> "content/" + slug + ".md";
        };
    }

    String archetypeResource() {
        return "archetypes/" + id() + ".md";
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PageType::id).toList();
    }

    /** The type named {@code id}, ignoring case; an unknown name is answered with the known ones. */
    public static PageType fromId(String id) throws ScaffoldException {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (PageType type : values()) {
            if (type.id().equals(wanted)) {
                return type;
            }
        }
        throw new ScaffoldException("unknown page type '" + wanted + "'" + Suggestions.didYouMean(wanted, ids())
                + "; the types are " + String.join(", ", ids()));
    }
}
