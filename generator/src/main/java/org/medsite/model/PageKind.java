package org.medsite.model;

/** The kinds of pages a site has; each has its own template lookup. */
public enum PageKind {
    HOME,
    SECTION,
    PAGE,
    /** The index of one taxonomy's terms ({@code /tags/}). */
    TAXONOMY,
    /** The pages of one term ({@code /tags/heart/}). */
    TERM,
    /** The profile of an author or reviewer from the people registry ({@code /people/ana-ruiz/}). */
    PERSON,
    NOT_FOUND;

    /** The kind as templates ({@code page.kind}) and the build's page list name it. */
    public String label() {
        return switch (this) {
            case HOME -> "home";
            case SECTION -> "section";
            case PAGE -> "page";
            case TAXONOMY -> "taxonomy";
            case TERM -> "term";
            case PERSON -> "person";
            case NOT_FOUND -> "404";
        };
    }
}
