package org.medsite.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.medsite.model.FeedPlan;
import org.medsite.model.Page;
import org.medsite.model.PageKind;
import org.medsite.model.Site;

/**
 * Writes the feeds of {@link FeedPlan}: Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1. Entries carry
 * full URLs, authors, and published and updated dates; the feed-level updated date is the newest entry's,
 * never the build time, so an unchanged site gives unchanged feeds.
 */
public final class FeedWriter {

    private static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);

    private final Site site;
    private final AbsoluteUrls urls;

    public FeedWriter(Site site) {
        this.site = site;
        this.urls = new AbsoluteUrls(site.config());
    }

    /** Each feed's file by output path. */
    public Map<String, byte[]> write() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (FeedPlan.Feed feed : FeedPlan.of(site)) {
            files.put(feed.url().substring(1), file(feed));
        }
        return files;
    }

    private byte[] file(FeedPlan.Feed feed) {
        String text = switch (feed.format()) {
            case ATOM -> atom(feed);
            case RSS -> rss(feed);
            case JSON -> json(feed);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The feeds of a dev server's session, kept from one build to the next: for a site patched from the
     * last one (see {@code model.KeptSite}), each feed lists the same pages, so only the feeds that list a
     * swapped page (whose text they carry) are written again. Used by one build at a time.
     */
    public static final class Kept {
        private Site site;
        private List<FeedPlan.Feed> feeds;
        private Map<String, byte[]> files;

        /**
         * @param patchedFrom the site {@code now} was patched from, or null
         * @param swapped the pages swapped into it
         */
        public Map<String, byte[]> write(Site now, Site patchedFrom, List<Page> swapped) {
            FeedWriter writer = new FeedWriter(now);
            if (files == null || site != now && site != patchedFrom) {
                feeds = FeedPlan.of(now);
                files = new LinkedHashMap<>();
                for (FeedPlan.Feed feed : feeds) {
                    files.put(feed.url().substring(1), writer.file(feed));
                }
            } else if (site != now) {
                Map<String, Page> byId = new java.util.HashMap<>();
                swapped.forEach(p -> byId.put(p.id(), p));
                List<FeedPlan.Feed> next = new java.util.ArrayList<>();
                Map<String, byte[]> written = new LinkedHashMap<>();
                for (FeedPlan.Feed feed : feeds) {
                    boolean lists = byId.containsKey(feed.listPage().id())
                            || feed.entries().stream().anyMatch(p -> byId.containsKey(p.id()));
                    FeedPlan.Feed listing = !lists ? feed : new FeedPlan.Feed(feed.lang(),
                            byId.getOrDefault(feed.listPage().id(), feed.listPage()),
                            feed.entries().stream().map(p -> byId.getOrDefault(p.id(), p)).toList(), feed.format(),
                            feed.url());
                    next.add(listing);
                    String path = feed.url().substring(1);
                    written.put(path, lists ? writer.file(listing) : files.get(path));
                }
                feeds = next;
                files = written;
            }
            site = now;
            return files;
        }
    }

    private String title(FeedPlan.Feed feed) {
        return feed.listPage().kind() == PageKind.HOME ? site.config().title()
                : feed.listPage().title() + " | " + site.config().title();
    }

    private static OffsetDateTime updated(Page p) {
        return p.lastmod().or(p::date).orElseThrow().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime newest(FeedPlan.Feed feed) {
        return feed.entries().stream().map(FeedWriter::updated).max(OffsetDateTime::compareTo).orElseThrow();
    }

    private String atom(FeedPlan.Feed feed) {
        return Xml.document(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.lang());
            Xml.element(w, "title", title(feed));
            if (!feed.listPage().description().isEmpty()) {
                Xml.element(w, "subtitle", feed.listPage().description());
            }
            link(w, "self", urls.of(feed.url()), "application/atom+xml");
            link(w, "alternate", urls.of(feed.listPage().url()), "text/html");
            Xml.element(w, "id", urls.of(feed.url()));
            Xml.element(w, "updated", newest(feed).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            Xml.element(w, "generator", "Medsite");
            for (Page p : feed.entries()) {
                w.writeStartElement("entry");
                Xml.element(w, "title", p.title());
                link(w, "alternate", urls.of(p.url()), "text/html");
                Xml.element(w, "id", urls.of(p.url()));
                Xml.element(w, "published", p.date().orElseThrow().withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                Xml.element(w, "updated", updated(p).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                w.writeStartElement("author");
                Xml.element(w, "name", Authors.nameOf(p, site));
                w.writeEndElement();
                for (String tag : p.tags()) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", tag);
                }
                Xml.element(w, "summary", p.summary());
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                w.writeCharacters(Xml.clean(urls.absolutize(p.contentHtml())));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private String rss(FeedPlan.Feed feed) {
        return Xml.document(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
            w.writeNamespace("dc", DUBLIN_CORE);
            w.writeStartElement("channel");
            Xml.element(w, "title", title(feed));
            Xml.element(w, "link", urls.of(feed.listPage().url()));
            Xml.element(w, "description", feed.listPage().description().isEmpty() ? title(feed)
                    : feed.listPage().description());
            Xml.element(w, "language", feed.lang());
            Xml.element(w, "lastBuildDate", RFC_822.format(newest(feed)));
            Xml.element(w, "generator", "Medsite");
            w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.writeAttribute("href", urls.of(feed.url()));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (Page p : feed.entries()) {
                w.writeStartElement("item");
                Xml.element(w, "title", p.title());
                Xml.element(w, "link", urls.of(p.url()));
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(urls.of(p.url()));
                w.writeEndElement();
                Xml.element(w, "pubDate", RFC_822.format(p.date().orElseThrow().withOffsetSameInstant(ZoneOffset.UTC)));
                // RSS <author> must be an e-mail address; Dublin Core's creator is the usual home for a name.
                w.writeStartElement("dc", "creator", DUBLIN_CORE);
                w.writeCharacters(Xml.clean(Authors.nameOf(p, site)));
                w.writeEndElement();
                for (String tag : p.tags()) {
                    Xml.element(w, "category", tag);
                }
                Xml.element(w, "description", urls.absolutize(p.contentHtml()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private String json(FeedPlan.Feed feed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", title(feed));
        root.put("home_page_url", urls.of(feed.listPage().url()));
        root.put("feed_url", urls.of(feed.url()));
        if (!feed.listPage().description().isEmpty()) {
            root.put("description", feed.listPage().description());
        }
        root.put("language", feed.lang());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Page p : feed.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", urls.of(p.url()));
            item.put("url", urls.of(p.url()));
            item.put("title", p.title());
            item.put("summary", p.summary());
            item.put("content_html", urls.absolutize(p.contentHtml()));
            item.put("date_published", p.date().orElseThrow().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            item.put("date_modified", updated(p).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            item.put("authors", List.of(Map.of("name", Authors.nameOf(p, site))));
            if (!p.tags().isEmpty()) {
                item.put("tags", p.tags());
            }
            item.put("language", p.lang());
            items.add(item);
        }
        root.put("items", items);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }
}
