package org.medsite.api;

/** What a build does at the end. */
public enum BuildMode {
    /** Render, check, and write the site. */
    BUILD,
    /** Render and check everything, write nothing: for pull requests. */
    CHECK
}
