package org.medsite.model;

import java.util.List;

/**
 * A folder of {@code content/} in one language, with its list page.
 *
 * @param folder the content folder ({@code blog}, {@code library/heart})
 * @param lang the language
 * @param listPage the section's own page (from {@code _index.md}, or generated)
 * @param pages the regular pages directly in the folder, newest first, then by weight and title
 * @param subsections the folders directly below, by folder name
 */
public record Section(String folder, String lang, Page listPage, List<Page> pages, List<String> subsections) {

    public Section {
        pages = List.copyOf(pages);
        subsections = List.copyOf(subsections);
    }
}
