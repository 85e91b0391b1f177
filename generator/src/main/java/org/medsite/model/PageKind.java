package org.medsite.model;

/** The kinds of pages a site has; each has its own template lookup. */
public enum PageKind {
    HOME,
    SECTION,
    PAGE,
    NOT_FOUND
}
