package org.medsite.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code _headers} file (Netlify and Cloudflare Pages format): for every path, the site's
 * Content-Security-Policy and the headers that keep a health site's visitors private: no referrer beyond
 * the origin to other sites (the address of a health page is health information), no camera, microphone,
 * location or interest-based advertising, no MIME sniffing, no framing.
 *
 * <p>Only the pages that frame another origin (a click-to-load video) get a policy with {@code frame-src}.
 * Cloudflare Pages applies every rule whose path matches a request and joins the values of a header set
 * by two matching rules with a comma (Netlify does not document how it combines them); two
 * Content-Security-Policy values joined so are two policies, and a browser enforces both, so a strict
 * {@code /*} policy would block the video on its page whatever a page rule added. So no path is matched
 * by two policy rules, whatever the host does with them: when some page frames another
 * origin, the strict policy goes on each folder that holds no such page ({@code /library/*}) and on each
 * page or SVG image beside one, and each framing page gets its own rule with its own policy.
 *
 * <p>A site's own {@code static/_headers} is kept: its lines come first and unchanged, and of Medsite's
 * headers only those the site's file does not set are added; each header the site sets itself wins over
 * Medsite's.
 */
public final class SecurityHeaders {

    public static final String FILE = "_headers";

    /** Cloudflare Pages reads at most this many rules from a {@code _headers} file. */
    public static final int CLOUDFLARE_RULE_LIMIT = 100;

    /** Features a medical information site never needs; {@code interest-cohort} is FLoC's name, {@code browsing-topics} its successor's. */
    static final String PERMISSIONS = "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static final String POLICY = "Content-Security-Policy";
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^\\s+([A-Za-z0-9-]+)\\s*:");

    /**
     * One block of the file.
     *
     * @param path the path pattern ({@code /*}, {@code /library/*}, {@code /blog/flu/})
     * @param headers header names and values, in the order they are written
     */
    public record Rule(String path, Map<String, String> headers) {
        public Rule {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    private SecurityHeaders() {
    }

    /**
     * The headers for every path, in the order they are written.
     *
     * @param policy the Content-Security-Policy header value, if the site has one
     */
    public static Map<String, String> headers(Optional<String> policy) {
        Map<String, String> headers = new LinkedHashMap<>();
        policy.ifPresent(p -> headers.put(POLICY, p));
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", PERMISSIONS);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    /**
     * The rules of the file: the privacy headers for {@code /*}, with the site's policy when no page
     * frames another origin; otherwise the policy rules described above, in path order.
     *
     * @param outputPaths every file of the output, relative to it ({@code blog/flu/index.html})
     * @param sitePolicy the policy of the pages that frame nothing, if the site has a policy
     * @param framingPages the output path of each page that frames another origin, and its own policy
     */
    public static List<Rule> rules(Collection<String> outputPaths, Optional<String> sitePolicy,
            SortedMap<String, String> framingPages) {
        List<Rule> rules = new ArrayList<>();
        if (sitePolicy.isEmpty() || framingPages.isEmpty()) {
            rules.add(new Rule("/*", headers(sitePolicy)));
            return rules;
        }
        rules.add(new Rule("/*", headers(Optional.empty())));
        Set<String> framingFolders = new TreeSet<>();
        for (String page : framingPages.keySet()) {
            for (String folder = parent(page); folder != null; folder = parent(folder)) {
                framingFolders.add(folder);
            }
        }
        cover("", new Folder(outputPaths), sitePolicy.get(), framingPages, framingFolders, rules);
        return rules;
    }

    /** The output as folders: for each folder ({@code ""} is the root), its files and its subfolders. */
    private record Folder(SortedMap<String, Set<String>> files, SortedMap<String, Set<String>> folders) {
        Folder(Collection<String> paths) {
            this(new TreeMap<>(), new TreeMap<>());
            for (String path : paths) {
                String folder = parent(path);
                files.computeIfAbsent(folder, k -> new TreeSet<>()).add(path);
                for (String f = folder; f != null && !f.isEmpty(); f = parent(f)) {
                    folders.computeIfAbsent(parent(f), k -> new TreeSet<>()).add(f);
                }
            }
        }
    }

    private static void cover(String folder, Folder output, String sitePolicy, SortedMap<String, String> framingPages,
            Set<String> framingFolders, List<Rule> rules) {
        for (String sub : output.folders().getOrDefault(folder, Set.of())) {
            if (framingFolders.contains(sub)) {
                cover(sub, output, sitePolicy, framingPages, framingFolders, rules);
            } else {
                rules.add(new Rule("/" + sub + "/*", Map.of(POLICY, sitePolicy)));
            }
        }
        for (String file : output.files().getOrDefault(folder, Set.of())) {
            String name = file.toLowerCase(Locale.ROOT);
            // A policy governs documents: pages, and SVG images, which can carry scripts when opened on their own.
            if (framingPages.containsKey(file) || name.endsWith(".html") || name.endsWith(".svg")) {
                rules.add(new Rule(requestPath(file), Map.of(POLICY, framingPages.getOrDefault(file, sitePolicy))));
            }
        }
    }

    /** The path a file is asked for by: {@code blog/flu/index.html} is {@code /blog/flu/}. */
    private static String requestPath(String file) {
        if (file.equals("index.html")) {
            return "/";
        }
        return "/" + (file.endsWith("/index.html") ? file.substring(0, file.length() - "index.html".length()) : file);
    }

    /** The folder of a path ({@code ""} for the root's files), or null for the root itself. */
    private static String parent(String path) {
        if (path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file's text for one rule for every path, as {@link #file(List, Optional)} writes it. */
    public static byte[] file(Map<String, String> headers, Optional<String> siteFile) {
        return file(List.of(new Rule("/*", headers)), siteFile);
    }

    /**
     * The file's text: the site's own file, if any, then {@code rules}, each with the headers that the
     * site's file does not already set (compared without regard to case); a rule left with none is left out.
     */
    public static byte[] file(List<Rule> rules, Optional<String> siteFile) {
        StringBuilder text = new StringBuilder();
        Set<String> own = new TreeSet<>();
        siteFile.ifPresent(site -> {
            Matcher m = HEADER_LINE.matcher(site);
            while (m.find()) {
                own.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            text.append(site);
            if (!site.endsWith("\n")) {
                text.append('\n');
            }
            text.append("\n# Added by Medsite (see README, 'Security headers')\n");
        });
        for (Rule rule : rules) {
            StringBuilder block = new StringBuilder();
            rule.headers().forEach((name, value) -> {
                if (!own.contains(name.toLowerCase(Locale.ROOT))) {
                    block.append("  ").append(name).append(": ").append(value).append('\n');
                }
            });
            if (block.length() > 0) {
                text.append(rule.path()).append('\n').append(block);
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
