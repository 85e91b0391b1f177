package org.medsite.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which feeds the site has and where they live, decided once so that the pages that advertise feeds and
 * the stage that writes them agree: per language a site feed, and a feed per top-level section, each in
 * Atom ({@code feed.xml}), RSS 2.0 ({@code index.xml}) and JSON Feed 1.1 ({@code feed.json}).
 */
public final class FeedPlan {

    /** A feed format, its file name and media type. */
    public enum Format {
        ATOM("feed.xml", "application/atom+xml"),
        RSS("index.xml", "application/rss+xml"),
        JSON("feed.json", "application/feed+json");

        private final String fileName;
        private final String mediaType;

        Format(String fileName, String mediaType) {
            this.fileName = fileName;
            this.mediaType = mediaType;
        }

        public String fileName() {
            return fileName;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * One feed.
     *
     * @param lang its language
     * @param listPage the page whose entries it carries (a home page or a section list)
     * @param entries the pages it lists, newest first
     * @param format its format
     * @param url its site path
     */
    public record Feed(String lang, Page listPage, List<Page> entries, Format format, String url) {
    }

    /** How many entries a feed carries: readers only show recent ones, and the file stays small. */
    public static final int MAX_ENTRIES = 20;

    private FeedPlan() {
    }

    /** Every feed of the site; none when the base URL is not absolute, since feeds need full URLs. */
    public static List<Feed> of(Site site) {
        List<Feed> feeds = new ArrayList<>();
        if (!site.config().hasAbsoluteBaseUrl()) {
            return feeds;
        }
        for (String lang : site.config().languages()) {
            List<Page> all = newest(site.regularPages(lang));
            Page home = site.home(lang).orElse(null);
            if (home != null && !all.isEmpty()) {
                add(feeds, lang, home, all);
            }
            for (Section section : site.sections().values()) {
                if (section.lang().equals(lang) && !section.folder().contains("/")) {
                    List<Page> entries = newest(all.stream().filter(p -> p.section().equals(section.folder())).toList());
                    if (!entries.isEmpty()) {
                        add(feeds, lang, section.listPage(), entries);
                    }
                }
            }
        }
        return feeds;
    }

    private static void add(List<Feed> feeds, String lang, Page listPage, List<Page> entries) {
        for (Format format : Format.values()) {
            feeds.add(new Feed(lang, listPage, entries, format, listPage.url() + format.fileName()));
        }
    }

    private static List<Page> newest(List<Page> pages) {
        return pages.stream().filter(p -> p.date().isPresent()).sorted(PageOrder.BY_DATE).limit(MAX_ENTRIES).toList();
    }
}
