package org.medsite.markdown;

/**
 * One heading of a page, for its table of contents.
 *
 * @param level 2 for {@code ##}, 3 for {@code ###}
 * @param id the heading's id, the target of {@code #id} links
 * @param text the heading's plain text
 */
public record TocEntry(int level, String id, String text) {
}
