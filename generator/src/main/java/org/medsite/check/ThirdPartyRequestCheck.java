package org.medsite.check;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.medsite.config.PrivacySettings;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.postprocess.PageElements;

/**
 * Nothing on a page may load from another host unless the site allows it. Tracking pixels and tag
 * managers on health websites are what the HHS OCR bulletin on online tracking technologies (2022,
 * revised 2024) and the FTC's GoodRx and BetterHelp actions were about: a request to a third party from
 * "/library/hiv-testing/" discloses health information. Known trackers are errors even when allowed.
 */
public final class ThirdPartyRequestCheck implements PageCheck, StylesheetCheck {

    public static final Set<String> RULES = Set.of("privacy.tracker", "privacy.third-party", "privacy.video-embed",
            "privacy.form");

    /** Hosts of analytics, advertising and session-recording services, matched with their subdomains. */
    static final List<String> TRACKER_HOSTS = List.of(
            "google-analytics.com", "googletagmanager.com", "doubleclick.net", "googleadservices.com",
            "googlesyndication.com", "analytics.google.com", "connect.facebook.net", "facebook.com", "fbcdn.net",
            "analytics.tiktok.com", "tiktok.com", "snap.licdn.com", "px.ads.linkedin.com", "ads.linkedin.com",
            "bat.bing.com", "clarity.ms", "hotjar.com", "hotjar.io", "js.hs-scripts.com", "js.hs-analytics.net",
            "hs-analytics.net", "cdn.segment.com", "api.segment.io", "mixpanel.com", "amplitude.com",
            "fullstory.com", "heapanalytics.com", "sc-static.net", "ads-twitter.com", "static.ads-twitter.com",
            "analytics.twitter.com", "pinimg.com", "ct.pinterest.com", "quantserve.com", "scorecardresearch.com",
            "newrelic.com", "nr-data.net", "mouseflow.com", "crazyegg.com", "optimizely.com", "criteo.com",
            "taboola.com", "outbrain.com", "adroll.com");

    /** Inline snippets of the same services. */
    static final Pattern TRACKER_SNIPPET = Pattern.compile(
            "\\bgtag\\s*\\(|\\bfbq\\s*\\(|\\bdataLayer\\b|\\b_paq\\s*\\.|\\bhj\\s*\\(|\\bttq\\s*\\.|_linkedin_partner_id"
                    + "|\\buetq\\b|\\bclarity\\s*\\(|\\b_hsq\\b|\\bmixpanel\\s*\\.|\\banalytics\\s*\\.\\s*(track|page)\\s*\\(");

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]+)|@import\\s+['\"]([^'\"]+)");
    /** What an element loads: the elements named {@code tag} that {@code selector} matches, the address in {@code attribute}. */
    private record Load(String tag, Evaluator selector, String attribute) {
        Load(String tag, String attribute) {
            this(tag, Selector.evaluatorOf(tag + "[" + attribute + "]"), attribute);
        }
    }

    /** Selectors parsed once: Jsoup parses a selector string on every call (issue #11). */
    private static final List<Load> LOADS = List.of(
        new Load("script", "src"), new Load("iframe", "src"), new Load("frame", "src"), new Load("img", "src"),
        new Load("source", "src"), new Load("video", "src"), new Load("video", "poster"), new Load("audio", "src"),
        new Load("track", "src"), new Load("embed", "src"), new Load("object", "data"),
        new Load("input", Selector.evaluatorOf("input[type=image][src]"), "src"),
        new Load("link", "href"));
    /** Links that load nothing: {@code link[href]:not(...)} of the other links. */
    private static final Evaluator NOT_LOADING_LINKS = Selector.evaluatorOf(
            "[rel~=(?i)^(alternate|canonical|author|license|me|next|prev|search|help)$]");
    /** {@code img[srcset], source[srcset]}. */
    private static final List<Load> SRCSETS = List.of(new Load("img", "srcset"), new Load("source", "srcset"));
    private static final Evaluator STYLE_ATTRIBUTES = Selector.evaluatorOf("[style]");
    private static final Evaluator STYLES = Selector.evaluatorOf("style");
    private static final Evaluator SCRIPTS = Selector.evaluatorOf("script");
    private static final Evaluator FORMS = Selector.evaluatorOf("form[action]");

    private final PrivacySettings privacy;
    private final Optional<String> ownHost;

    /** @param ownHost the site's own host, from an absolute base URL */
    public ThirdPartyRequestCheck(PrivacySettings privacy, Optional<String> ownHost) {
        this.privacy = privacy;
        this.ownHost = ownHost.map(h -> h.toLowerCase(Locale.ROOT));
    }

    @Override
    public void check(RenderedPage page, OutputIndex output, FindingCollector findings) {
        PageElements elements = page.elements();
        for (Load load : LOADS) {
            for (Element e : elements.select(load.tag(), load.selector())) {
                if (!load.tag().equals("link") || !NOT_LOADING_LINKS.matches(page.document(), e)) {
                    request(page, e.tagName(), e.attr(load.attribute()), findings);
                }
            }
        }
        for (Load load : SRCSETS) {
            for (Element e : elements.select(load.tag(), load.selector())) {
                for (String candidate : e.attr("srcset").split(",")) {
                    request(page, e.tagName(), candidate.strip().split("\\s+")[0], findings);
                }
            }
        }
        for (Element e : elements.select(STYLE_ATTRIBUTES)) {
            css(page, e.attr("style"), findings);
        }
        for (Element style : elements.select("style", STYLES)) {
            css(page, style.data(), findings);
        }
        for (Element script : elements.select("script", SCRIPTS)) {
            if (script.hasAttr("src")) {
                continue;
            }
            Matcher m = TRACKER_SNIPPET.matcher(script.data());
            if (!script.attr("type").equals("application/ld+json") && m.find()) {
                findings.error("privacy.tracker", page.origin(), page.lineOf(m.group().strip()), "inline script with a "
                        + "tracking snippet ('" + m.group().strip() + "'); tracking on health pages discloses what "
                        + "patients read — remove it");
            }
        }
        for (Element form : elements.select("form", FORMS)) {
            host(form.attr("action")).filter(h -> !isOwn(h) && !isBooking(h)).ifPresent(h -> findings.error(
                    "privacy.form", page.origin(), line(page, "form", form.attr("action"), h), "form sends what a "
                            + "patient types to " + h + "; forms may post only to the site or to a booking provider "
                            + "listed in privacy.bookingHosts"));
        }
    }

    private void css(RenderedPage page, String css, FindingCollector findings) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            request(page, "style", m.group(1) != null ? m.group(1) : m.group(2), findings);
        }
    }

    /** A stylesheet of the output ({@code css/site.css}): its {@code url()} and {@code @import} targets. */
    @Override
    public void checkStylesheet(String origin, String css, FindingCollector findings) {
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            request(origin, 0, "stylesheet", m.group(1) != null ? m.group(1) : m.group(2), findings);
        }
    }

    private void request(RenderedPage page, String tag, String url, FindingCollector findings) {
        host(url).ifPresent(h -> request(page.origin(), line(page, tag, url, h), tag, url, findings));
    }

    /**
     * The line of raw HTML in the page's Markdown that loads {@code url}: the line with the address as
     * written, else (an address written with entities, such as {@code &amp;}) the line with the element and
     * the host, else the first line with the host; 0 when the theme's templates load it.
     */
    private static int line(RenderedPage page, String tag, String url, String host) {
        int line = page.lineOf(url.strip());
        line = line > 0 ? line : page.lineOf("<" + tag, host);
        return line > 0 ? line : page.lineOf(host);
    }

    private void request(String origin, int line, String tag, String url, FindingCollector findings) {
        Optional<String> host = host(url);
        if (host.isEmpty() || isOwn(host.get())) {
            return;
        }
        String h = host.get();
        if (isTracker(h)) {
            findings.error("privacy.tracker", origin, line, "<" + tag + "> loads from " + h + ", a known tracker; "
                    + "tracking on health pages discloses what patients read — remove it");
        } else if (privacy.allowance(h).isPresent()) {
            return;
        } else if (tag.equals("iframe") && (h.endsWith("youtube.com") || h.endsWith("youtu.be") || h.endsWith("vimeo.com"))) {
            findings.error("privacy.video-embed", origin, line, "embedded video player from " + h + " loads and sets "
                    + "cookies before the patient chooses to play; write a ```video block (click-to-load), or allow youtube-nocookie.com or "
                    + "player.vimeo.com explicitly in privacy.allowedHosts with a reason");
        } else {
            findings.error("privacy.third-party", origin, line, "<" + tag + "> loads from " + h + "; pages load "
                    + "nothing from other hosts unless privacy.allowedHosts in site.yaml lists the host with a reason");
        }
    }

    static Optional<String> host(String url) {
        String u = url.strip();
        if (!(u.startsWith("http://") || u.startsWith("https://") || u.startsWith("//"))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(URI.create(u.startsWith("//") ? "https:" + u : u.replace(" ", "%20")).getHost())
                    .map(h -> h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of(u);
        }
    }

    private boolean isOwn(String host) {
        return ownHost.map(host::equals).orElse(false);
    }

    private boolean isBooking(String host) {
        return privacy.bookingHosts().stream().anyMatch(b -> host.equals(b) || host.endsWith("." + b));
    }

    static boolean isTracker(String host) {
        return TRACKER_HOSTS.stream().anyMatch(t -> host.equals(t) || host.endsWith("." + t));
    }
}
