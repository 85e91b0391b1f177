package org.medsite.api;

/**
 * One page of a finished build.
 *
 * @param url its site path ({@code /blog/flu/})
 * @param outputPath its file relative to the output folder
 * @param source its Markdown file relative to the site folder, empty for generated pages
 * @param title its title
 * @param lang its language
 * @param kind {@code home}, {@code section}, {@code page} or {@code 404}
 */
public record PageSummary(String url, String outputPath, String source, String title, String lang, String kind) {
}
