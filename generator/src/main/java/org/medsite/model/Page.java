package org.medsite.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.medical.MedicalInfo;
import org.medsite.medical.Source;

/**
 * One page of the built site, its Markdown already rendered.
 *
 * @param id the source path relative to {@code content/} ({@code blog/flu.md}), or a generated id such
 *     as {@code @section:es:blog} for pages without a source file
 * @param kind home, section list, page or not-found page
 * @param sourceFile the file name for findings ({@code content/blog/flu.md}); empty for generated pages
 * @param lang the page's language
 * @param translationKey pages with the same key in other languages are its translations
 * @param title the title
 * @param description the meta description: front matter, else the summary, else the first paragraph
 * @param summary the main message: front matter {@code summary}, else the first paragraph
 * @param date publication date
 * @param lastmod last change, defaulting to the date
 * @param section the top-level section ({@code blog}); empty for pages at the top of {@code content/}
 * @param folder the content folder the page belongs to ({@code library/heart})
 * @param url the site path, without the base path ({@code /blog/flu/})
 * @param outputPath the output file, relative to the output folder ({@code blog/flu/index.html})
 * @param frontMatter everything the front matter said
 * @param contentHtml the body rendered to HTML
 * @param wordCount the number of words of the body
 * @param toc the body's headings, for a table of contents
 * @param plainText the body's text without markup, for the search index; empty when the build writes none
 * @param medical the page's medical metadata
 * @param cited the ids of the sources the body cites, in the order of first citation
 * @param readability how hard the body's prose is to read
 * @param glossary the glossary terms the body uses and the jargon it leaves undefined
 * @param body the Markdown body as written, for checks that point at lines
 * @param bodyLine the file line on which the body starts
 */
public record Page(
        String id,
        PageKind kind,
        String sourceFile,
        String lang,
        String translationKey,
        String title,
        String description,
        String summary,
        Optional<OffsetDateTime> date,
        Optional<OffsetDateTime> lastmod,
        String section,
        String folder,
        String url,
        String outputPath,
        FrontMatter frontMatter,
        String contentHtml,
        int wordCount,
        List<org.medsite.markdown.TocEntry> toc,
        String plainText,
        MedicalInfo medical,
        List<String> cited,
        org.medsite.medical.Readability readability,
        org.medsite.medical.PageGlossary glossary,
        String body,
        int bodyLine) {

    public Page {
        toc = List.copyOf(toc);
        cited = List.copyOf(cited);
    }

    /**
     * The page's sources in reference-list order: cited ones in the order of first citation (so their
     * numbers match the text), then the others as written.
     */
    public List<Source> orderedSources() {
        List<Source> result = new ArrayList<>();
        for (String id : cited) {
            medical.source(id).ifPresent(result::add);
        }
        for (Source s : medical.sources()) {
            if (!cited.contains(s.id())) {
                result.add(s);
            }
        }
        return result;
    }

    /** Reading time in whole minutes at 200 words a minute, a common estimate for adult readers. */
    public int readingMinutes() {
        return Math.max(1, (wordCount + 199) / 200);
    }

    public List<String> tags() {
        return frontMatter.tags();
    }

    /** Whether this page is a regular content page (not a list or a generated page). */
    public boolean isRegular() {
        return kind == PageKind.PAGE;
    }
}
