package org.medsite.render;

import java.util.List;

/**
 * A section as templates see it.
 *
 * @param folder its content folder ({@code blog})
 * @param title its title
 * @param url its list page's link
 * @param pages its regular pages, in list order
 * @param subsections the sections directly below it
 */
public record SectionView(String folder, String title, String url, List<PageView> pages, List<LinkView> subsections) {
}
