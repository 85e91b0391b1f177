package org.medsite.render;

import freemarker.core.TemplateHTMLOutputModel;
import java.util.List;
import java.util.Map;

/**
 * A page as templates see it (the {@code page} variable, and each entry of {@code pages}). Absent values
 * are {@code null}, so templates test them with {@code ??} and default them with {@code !}.
 *
 * @param id the page's source path ({@code blog/flu.md}) or generated id
 * @param kind {@code home}, {@code section}, {@code page}, {@code taxonomy}, {@code term}, {@code person} or {@code 404}
 * @param title the title
 * @param description the meta description (never empty for pages with text)
 * @param summary the main message: front matter {@code summary}, else the first paragraph
 * @param url the link to the page: its site path with the base path ({@code /clinic/blog/flu/})
 * @param permalink the absolute URL when the site's base URL is absolute, else the same as {@code url}
 * @param lang the page's language
 * @param content the body as HTML; printed as is by {@code ${page.content}} in {@code .ftlh} templates
 * @param date publication date
 * @param lastmod last change
 * @param section the top-level section ({@code blog}), empty for top-level pages
 * @param type the front matter {@code type}, else the section
 * @param tags taxonomy terms
 * @param categories taxonomy terms
 * @param params the front matter's free values
 * @param medical the medical front matter as written (author, reviewedBy, lastReviewed, sources, ...)
 * @param image the lead image's URL, if any
 * @param wordCount words in the body
 * @param readingMinutes estimated reading time
 * @param translations the same page in the site's other languages
 * @param sourceFile the Markdown file (relative to the site), empty for generated pages
 * @param toc the body's level-2 and level-3 headings ({@code level}, {@code id}, {@code text})
 * @param terms the page's terms with links, by taxonomy ({@code page.terms.tags})
 * @param related up to five pages sharing the most terms with this one
 * @param feeds the feeds of this page's section, then of the site, for {@code <link rel="alternate">}
 * @param medicalInfo the page's typed medical information
 * @param review who wrote and reviewed the page, and when
 * @param sources the reference list, numbered as the text cites it
 * @param glossary the glossary terms the body uses, in the order of first use: the theme's "Words used on
 *     this page", which the marked terms in {@code content} link to
 * @param shareCard the card drawn for the page when it is shared, for pages without their own {@code image}
 *     (when {@code shareCards} are on); {@code null} otherwise
 */
public record PageView(
        String id,
        String kind,
        String title,
        String description,
        String summary,
        String url,
        String permalink,
        String lang,
        TemplateHTMLOutputModel content,
        DateView date,
        DateView lastmod,
        String section,
        String type,
        List<String> tags,
        List<String> categories,
        Map<String, Object> params,
        Map<String, Object> medical,
        String image,
        int wordCount,
        int readingMinutes,
        List<LinkView> translations,
        String sourceFile,
        List<org.medsite.markdown.TocEntry> toc,
        Map<String, List<LinkView>> terms,
        List<LinkView> related,
        List<FeedLink> feeds,
        MedicalView medicalInfo,
        MedicalView.ReviewView review,
        List<MedicalView.SourceView> sources,
        List<GlossaryTermView> glossary,
        ShareCardView shareCard) {

    public boolean isHome() {
        return kind.equals("home");
    }

    public boolean isSection() {
        return kind.equals("section");
    }
}
