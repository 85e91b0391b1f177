package org.medsite.config;

/**
 * One link of a site menu.
 *
 * @param name the visible label
 * @param url a site path ({@code /library/}) or a full URL
 * @param weight lower weights come first; ties are ordered by name
 */
public record MenuEntry(String name, String url, int weight) {
}
