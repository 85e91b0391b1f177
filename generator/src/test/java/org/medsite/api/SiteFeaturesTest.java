package org.medsite.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Sections, taxonomies, pagination, summaries, tables of contents, related pages, menus, feeds,
 * sitemaps, redirects, robots.txt and the search index, on one small site with its own test layouts
 * (so the assertions do not move with the default theme's markup).
 */
class SiteFeaturesTest {

    @TempDir
    Path tmp;

    private TestSite site;

    @BeforeEach
    void writeSite() {
        site = new TestSite(tmp)
                .file("site.yaml", """
                        title: Riverbend
                        theme: testbare
                        baseURL: https://example.org/clinic/
                        languages: [en, es]
                        taxonomies: [tags, categories, conditions]
                        paginate: 2
                        sort:
                          library: title
                        menus:
                          main:
                            - {name: Library, url: /library/, weight: 1}
                        """)
                .file("layouts/single.ftlh", """
                        <!doctype html><html lang="${page.lang}"><head><title>${page.title}</title>
                        <#list page.feeds as f><link rel="alternate" type="${f.type}" href="${f.url}" title="${f.title}"></#list>
                        </head><body><main><h1>${page.title}</h1>
                        <p class="summary">${page.summary}</p>
                        <ol class="toc"><#list page.toc as h><li class="l${h.level}"><a href="#${h.id}">${h.text}</a></li></#list></ol>
                        ${page.content}
                        <ul class="tags"><#list (page.terms.tags)![] as t><li><a href="${t.url}">${t.name}</a></li></#list></ul>
                        <ul class="related"><#list page.related as r><li><a href="${r.url}">${r.name}</a></li></#list></ul>
                        <nav class="menu"><#list site.menus.main as m><a href="${m.url}"<#if m.url == page.url> aria-current="page"</#if>>${m.name}</a></#list></nav>
                        <p class="reading">${page.readingMinutes} ${page.wordCount}</p>
                        <p class="t">${t("home")}</p>
                        </main></body></html>
                        """)
                .file("layouts/list.ftlh", """
                        <!doctype html><html lang="${page.lang}"><head><title>${page.title}</title></head><body><main>
                        <h1>${page.title}</h1>
                        <ul class="entries"><#list (paginator.pages)!pages as p><li><a href="${p.url}">${p.title}</a></li></#list></ul>
                        <#if paginator?? && paginator.isPaginated()><nav class="pager">
                        <#if paginator.prev??><a rel="prev" href="${paginator.prev}">prev</a></#if>
                        <span>${paginator.pageNumber}/${paginator.totalPages}</span>
                        <#if paginator.next??><a rel="next" href="${paginator.next}">next</a></#if></nav></#if>
                        <#if taxonomy??><ul class="terms"><#list taxonomy.terms as t><li><a href="${t.url}">${t.name} (${t.count})</a></li></#list></ul></#if>
                        </main></body></html>
                        """)
                .file("i18n/en.yaml", "home: Home page\n")
                .file("i18n/es.yaml", "home: Inicio\n")
                .file("content/_index.md", "---\ntitle: Home\n---\n")
                .file("content/about.md", "---\ntitle: About\nmenu: main\nweight: 5\naliases: [/old-about/, /who-we-are.html]\n---\nUs.\n")
                .file("content/blog/one.md", "---\ntitle: One\ndate: 2025-01-01\ntags: [flu, vaccines]\n---\n"
                        + "Teaser text here.\n\n<!--more-->\n\n## Details\n\nMore text.\n\n### Fine print\n\nx\n")
                .file("content/blog/two.md", "---\ntitle: Two\ndate: 2025-02-01\ntags: [Flu]\n---\nSecond. See [one](one.md).\n")
                .file("content/blog/three.md", "---\ntitle: Three\ndate: 2025-03-01\ntags: [vaccines]\n---\nThird.\n")
                .file("content/blog/four.md", "---\ntitle: Four\ndate: 2025-04-01\nsummary: Given summary.\n"
                        + "tags: [flu, vaccines]\n---\nFourth.\n")
                .file("content/blog/five.md", "---\ntitle: Five\ndate: 2025-05-01\ndraft: true\ntags: [flu]\n---\n")
                .file("content/library/zinc/index.md", "---\ntitle: Zinc\nconditions: [Colds]\n---\nZ.\n")
                .file("content/library/asthma/index.md", "---\ntitle: Asthma\nconditions: [Asthma]\n---\nA.\n")
                .file("content/library/asthma/index.es.md", "---\ntitle: Asma\nconditions: [Asma]\n---\nA.\n")
                .file("content/library/oidos/index.md", "---\ntitle: Ear infections\n---\nE.\n");
    }

    private Document html(String path) throws Exception {
        return Jsoup.parse(site.read(path));
    }

    private org.w3c.dom.Document xml(String path) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(site.out.resolve(path))));
    }

    private static List<String> texts(org.w3c.dom.Document doc, String ns, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, tag);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }

    @Test
    void buildsCleanly() throws Exception {
        assertThat(site.build().findings()).isEmpty();
    }

    @Test
    void listsArePaginatedWithPrevAndNext() throws Exception {
        site.build();
        Document first = html("blog/index.html");
        assertThat(first.select(".entries a").eachText()).containsExactly("Four", "Three");
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("/clinic/blog/page/2/");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();
        Document second = html("blog/page/2/index.html");
        assertThat(second.select(".entries a").eachText()).containsExactly("Two", "One");
        assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo("/clinic/blog/");
        assertThat(second.select(".pager a[rel=next]")).isEmpty();
    }

    @Test
    void aListTemplateWithoutAPaginatorListsEverythingOnOnePage() throws Exception {
        site.file("layouts/blog/list.ftlh", "<html><body><ul><#list pages as p><li>${p.title}</li></#list></ul></body></html>");
        site.build();
        assertThat(html("blog/index.html").select("li").eachText()).containsExactly("Four", "Three", "Two", "One");
        assertThat(Files.exists(site.out.resolve("blog/page/2/index.html"))).isFalse();
        assertThat(Files.exists(site.out.resolve("library/page/2/index.html"))).isTrue();
    }

    @Test
    void sectionsSortAsConfigured() throws Exception {
        site.build();
        assertThat(html("library/index.html").select(".entries a").eachText()).containsExactly("Asthma", "Ear infections");
        assertThat(html("library/page/2/index.html").select(".entries a").eachText()).containsExactly("Zinc");
    }

    @Test
    void taxonomiesHaveTermPagesAndAnIndexAndFoldCase() throws Exception {
        site.build();
        assertThat(html("tags/index.html").select(".terms a").eachText()).containsExactly("flu (3)", "vaccines (3)");
        assertThat(html("tags/flu/index.html").select(".entries a").eachText()).containsExactly("Four", "Two");
        assertThat(html("tags/flu/page/2/index.html").select(".entries a").eachText()).containsExactly("One");
        assertThat(html("conditions/index.html").select(".terms a").eachText()).containsExactly("Asthma (1)", "Colds (1)");
        assertThat(html("es/conditions/asma/index.html").select(".entries a").eachText()).containsExactly("Asma");
        assertThat(html("es/index.html").select("title").text()).isEqualTo("Riverbend");
        assertThat(html("blog/one/index.html").select(".tags a").eachAttr("href"))
                .containsExactly("/clinic/tags/flu/", "/clinic/tags/vaccines/");
    }

    @Test
    void summariesComeFromFrontMatterOrTheTextBeforeMoreOrTheFirstParagraph() throws Exception {
        site.build();
        assertThat(html("blog/one/index.html").select(".summary").text()).isEqualTo("Teaser text here.");
        assertThat(html("blog/four/index.html").select(".summary").text()).isEqualTo("Given summary.");
        assertThat(html("blog/two/index.html").select(".summary").text()).isEqualTo("Second. See one.");
    }

    @Test
    void tableOfContentsMatchesTheHeadingIds() throws Exception {
        site.build();
        Document one = html("blog/one/index.html");
        assertThat(one.select(".toc a").eachAttr("href")).containsExactly("#details", "#fine-print");
        assertThat(one.select(".toc li").eachAttr("class")).containsExactly("l2", "l3");
        assertThat(one.getElementById("details")).isNotNull();
        assertThat(one.select(".reading").text()).isEqualTo("1 9");
    }

    @Test
    void themeStringsAreTranslated() throws Exception {
        site.build();
        assertThat(html("blog/one/index.html").select(".t").text()).isEqualTo("Home page");
        assertThat(html("es/library/asthma/index.html").select(".t").text()).isEqualTo("Inicio");
    }

    @Test
    void aMissingTranslationIsATemplateError() throws Exception {
        site.file("layouts/single.ftlh", "<html>\n${t(\"nosuch\")}\n</html>\n");
        assertThat(site.build().errors()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo("layouts/single.ftlh");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("no translation of 'nosuch'");
        });
    }

    @Test
    void relatedPagesShareTheMostTerms() throws Exception {
        site.build();
        assertThat(html("blog/one/index.html").select(".related a").eachText()).containsExactly("Four", "Three", "Two");
    }

    @Test
    void menusComeFromSiteYamlAndFrontMatterAndMarkTheCurrentPage() throws Exception {
        site.build();
        Document about = html("about/index.html");
        assertThat(about.select(".menu a").eachText()).containsExactly("Library", "About");
        assertThat(about.select(".menu a[aria-current]").text()).isEqualTo("About");
    }

    @Test
    void atomRssAndJsonFeedsForTheSiteAndEachSection() throws Exception {
        site.build();
        org.w3c.dom.Document atom = xml("blog/feed.xml");
        String a = "http://www.w3.org/2005/Atom";
        assertThat(texts(atom, a, "title")).containsExactly("Blog | Riverbend", "Four", "Three", "Two", "One");
        assertThat(texts(atom, a, "id")).contains("https://example.org/clinic/blog/four/");
        assertThat(texts(atom, a, "updated").get(0)).isEqualTo("2025-04-01T00:00:00Z");
        org.w3c.dom.Document rss = xml("index.xml");
        assertThat(texts(rss, "", "link")).contains("https://example.org/clinic/blog/one/");
        JsonNode json = new ObjectMapper().readTree(site.read("feed.json"));
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("items").get(0).get("url").asText()).isEqualTo("https://example.org/clinic/blog/four/");
        assertThat(json.get("items").get(2).get("content_html").asText())
                .contains("href=\"https://example.org/clinic/blog/one/\"");
        Document page = html("blog/one/index.html");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .containsExactly("/clinic/blog/feed.xml", "/clinic/feed.xml");
    }

    @Test
    void sitemapIndexPerLanguageWithAlternates() throws Exception {
        site.build();
        String sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        assertThat(texts(xml("sitemap.xml"), sm, "loc")).containsExactly(
                "https://example.org/clinic/sitemap-en.xml", "https://example.org/clinic/sitemap-es.xml");
        org.w3c.dom.Document en = xml("sitemap-en.xml");
        assertThat(texts(en, sm, "loc")).contains("https://example.org/clinic/", "https://example.org/clinic/blog/one/")
                .doesNotContain("https://example.org/clinic/404.html", "https://example.org/clinic/blog/five/");
        NodeList alternates = en.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link");
        List<String> hreflangs = new ArrayList<>();
        for (int i = 0; i < alternates.getLength(); i++) {
            hreflangs.add(((Element) alternates.item(i)).getAttribute("hreflang") + " "
                    + ((Element) alternates.item(i)).getAttribute("href"));
        }
        assertThat(hreflangs).contains("es https://example.org/clinic/es/library/asthma/");
        assertThat(site.read("robots.txt")).contains("Sitemap: https://example.org/clinic/sitemap.xml");
    }

    @Test
    void aliasesBecomeRedirectPagesAndARedirectsFile() throws Exception {
        site.build();
        Document old = html("old-about/index.html");
        assertThat(old.select("link[rel=canonical]").attr("href")).isEqualTo("https://example.org/clinic/about/");
        assertThat(old.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=https://example.org/clinic/about/");
        assertThat(Files.exists(site.out.resolve("who-we-are.html"))).isTrue();
        assertThat(site.read("_redirects")).isEqualTo(
                "/clinic/old-about/ /clinic/about/ 301\n/clinic/who-we-are.html /clinic/about/ 301\n");
    }

    @Test
    void searchIndexPerLanguage() throws Exception {
        site.build();
        JsonNode en = site.searchIndex("search-index.json");
        List<String> titles = new ArrayList<>();
        en.forEach(e -> titles.add(e.get("title").asText()));
        assertThat(titles).contains("One", "Asthma").doesNotContain("Asma", "Five");
        JsonNode one = null;
        for (JsonNode e : en) {
            if (e.get("title").asText().equals("One")) {
                one = e;
            }
        }
        assertThat(one.get("url").asText()).isEqualTo("/clinic/blog/one/");
        assertThat(one.get("headings").toString()).isEqualTo("[\"Details\",\"Fine print\"]");
        assertThat(one.get("body").asText()).contains("More text.").doesNotContain("<");
        JsonNode es = site.searchIndex("es/search-index.json");
        assertThat(es.get(0).get("title").asText()).isEqualTo("Asma");
    }

    @Test
    void staticFilesWinOverGeneratedOnes() throws Exception {
        site.file("static/robots.txt", "User-agent: *\nDisallow: /\n");
        assertThat(site.build().findings()).isEmpty();
        assertThat(site.read("robots.txt")).isEqualTo("User-agent: *\nDisallow: /\n");
    }

    @Test
    void unsafeAliasesAreErrors() throws Exception {
        site.file("content/bad.md", "---\naliases: [\"/../../etc/\"]\n---\n");
        assertThat(site.build().errors()).extracting(f -> f.rule()).containsExactly("url.invalid-alias");
    }

    @Test
    void feedsAndXmlSurviveHostileText() throws Exception {
        site.file("content/blog/evil.md", "---\ntitle: \"</title><script>alert(1)</script> & \\u0001\"\n"
                + "date: 2025-06-01\n---\nText with ]]> and <b>bold</b>.\n");
        assertThat(site.build().findings()).isEmpty();
        org.w3c.dom.Document atom = xml("feed.xml");
        assertThat(texts(atom, "http://www.w3.org/2005/Atom", "title")).contains("</title><script>alert(1)</script> & ");
        xml("index.xml");
        assertThat(new String(Files.readAllBytes(site.out.resolve("blog/evil/index.html")), StandardCharsets.UTF_8))
                .doesNotContain("<script>alert(1)</script>");
    }
}
