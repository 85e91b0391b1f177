package org.medsite.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.diagnostics.Suggestions;
import org.medsite.text.SourceText;
import org.medsite.yaml.YamlException;
import org.medsite.yaml.YamlMapping;
import org.medsite.yaml.YamlReader;

/** Reads {@code site.yaml}. The file is optional: a folder of Markdown alone is a valid site. */
public final class SiteConfigLoader {

    public static final String FILE_NAME = "site.yaml";

    static final Set<String> KEYS = Set.of(
            "title", "description", "baseURL", "language", "languages", "theme", "permalinks", "markdown",
            "menus", "params", "taxonomies", "paginate", "sort", "medical", "readability", "glossary", "privacy",
            "checks", "limits", "shareCards", "images", "security", "editorialReport", "searchIndex");
    private static final Set<String> GLOSSARY_KEYS = Set.of("enabled", "jargonAudiences");
    private static final Set<String> SHARE_CARD_KEYS = Set.of("enabled", "background", "text", "accent", "logo");
    private static final Set<String> IMAGE_KEYS = Set.of("responsive", "widths", "quality", "sizes");
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");
    private static final Set<String> PRIVACY_KEYS = Set.of("allowedHosts", "bookingHosts", "hipaaCoveredEntity",
            "policyPage", "noticePage");
    private static final Set<String> SECURITY_KEYS = Set.of("policy", "headersFile", "metaElement", "sources");
    /** A source expression: a keyword, a scheme, or a host with an optional scheme, port and path. */
    private static final Pattern CSP_SOURCE = Pattern.compile(
            "'(self|none|strict-dynamic|wasm-unsafe-eval)'|'(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}'"
                    + "|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?(\\*\\.)?[A-Za-z0-9.-]+(:(\\d+|\\*))?(/[^\\s;,']*)?");
    private static final Set<String> READABILITY_KEYS = Set.of("patient", "clinician", "spanishMinimum");
    private static final Set<String> MEDICAL_KEYS = Set.of("reviewCycleMonths", "dueSoonDays", "disclaimer",
            "emergencyNotice", "editorialPolicy");
    private static final Set<String> LIMITS_KEYS = Set.of("templateSeconds");
    private static final Set<String> CHECK_LEVELS = Set.of("error", "warning", "off");
    private static final Set<String> SORT_ORDERS = Set.of("date", "weight", "title");
    private static final Set<String> MARKDOWN_KEYS = Set.of("typographer", "hardWraps");
    private static final Set<String> MENU_KEYS = Set.of("name", "url", "weight");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern THEME_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final YamlReader yaml;

    public SiteConfigLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * @param siteDir the site folder
     * @param baseUrlOverride a base URL that replaces the file's, if present
     * @param themeOverride a theme that replaces the file's, if present
     */
    public SiteConfig load(Path siteDir, Optional<String> baseUrlOverride, Optional<String> themeOverride,
            FindingCollector findings) throws IOException {
        Path file = siteDir.resolve(FILE_NAME);
        YamlMapping map = YamlMapping.empty();
        if (Files.isRegularFile(file)) {
            Optional<String> text = SourceText.read(file, FILE_NAME, findings);
            if (text.isPresent()) {
                try {
                    map = yaml.readMapping(text.get(), 1);
                } catch (YamlException e) {
                    findings.error("config.yaml", FILE_NAME, e.line(), e.getMessage());
                }
            }
        }
        return new Reader(map, findings).read(siteDir, baseUrlOverride, themeOverride);
    }

    private final class Reader {
        private final YamlMapping map;
        private final FindingCollector findings;

        Reader(YamlMapping map, FindingCollector findings) {
            this.map = map;
            this.findings = findings;
        }

        SiteConfig read(Path siteDir, Optional<String> baseUrlOverride, Optional<String> themeOverride) {
            for (String key : map.values().keySet()) {
                if (!KEYS.contains(key)) {
                    findings.warning("config.unknown-key", FILE_NAME, map.lineOf(key, 0),
                            "unknown key '" + key + "'" + Suggestions.didYouMean(key, KEYS)
                                    + "; put free settings for templates under 'params:'");
                }
            }
            Path name = siteDir.toAbsolutePath().normalize().getFileName();
            String title = text("title").orElse(name == null ? "Medsite site" : name.toString());
            String description = text("description").orElse("");
            String baseUrl = baseUrl(baseUrlOverride.or(() -> text("baseURL")).orElse("/"));
            String language = language("language", text("language").orElse("en"));
            List<String> languages = languages(language);
            String theme = themeOverride.or(() -> text("theme")).orElse(SiteConfig.DEFAULT_THEME);
            if (!THEME_NAME.matcher(theme).matches()) {
                findings.error("config.theme", FILE_NAME, map.lineOf("theme", 0),
                        "theme '" + theme + "' is not a valid theme name (lower-case letters, digits and '-')");
                theme = SiteConfig.DEFAULT_THEME;
            }
            Object paramsValue = plain("params");
            Map<String, Object> params = new LinkedHashMap<>();
            if (paramsValue instanceof Map<?, ?> m) {
                m.forEach((k, v) -> params.put(String.valueOf(k), v));
            } else if (paramsValue != null) {
                typeError("params", "a mapping of names to values");
            }
            return new SiteConfig(title, description, baseUrl, language, languages, theme, permalinks(),
                    markdown(), menus(), params, taxonomies(), paginate(), sort(), medical(language, languages), readability(),
                    glossary(), privacy(), checks(), limits(), shareCards(), images(), security(), onUnlessOff("editorialReport"),
                    onUnlessOff("searchIndex"));
        }

        /**
         * A switch that is on unless the site turns it off: the editorial report (a site built only to be
         * published, or timed, may not want it), the search index (a theme without a search page loads none).
         */
        private boolean onUnlessOff(String key) {
            Object v = plain(key);
            if (v == null || v instanceof Boolean) {
                return !Boolean.FALSE.equals(v);
            }
            typeError(key, "true or false");
            return true;
        }

        private BuildLimits limits() {
            Object value = plain("limits");
            if (value == null) {
                return BuildLimits.DEFAULTS;
            }
            int line = map.lineOf("limits", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("limits", "a mapping, e.g. 'templateSeconds: 10'");
                return BuildLimits.DEFAULTS;
            }
            for (Object key : m.keySet()) {
                if (!LIMITS_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'limits." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), LIMITS_KEYS));
                }
            }
            Object seconds = m.get("templateSeconds");
            if (seconds == null) {
                return BuildLimits.DEFAULTS;
            }
            if (!(seconds instanceof Integer n) || n < 1 || n > 3600) {
                findings.error("config.type", FILE_NAME, line, "'limits.templateSeconds' must be a whole number of "
                        + "seconds from 1 to 3600");
                return BuildLimits.DEFAULTS;
            }
            return new BuildLimits(java.time.Duration.ofSeconds(n));
        }

        private ShareCardSettings shareCards() {
            Object value = plain("shareCards");
            ShareCardSettings d = ShareCardSettings.defaults();
            if (value == null) {
                return d;
            }
            if (Boolean.FALSE.equals(value) || Boolean.TRUE.equals(value)) {
                return new ShareCardSettings((Boolean) value, d.background(), d.text(), d.accent(), d.logo());
            }
            int line = map.lineOf("shareCards", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("shareCards", "a mapping, e.g. 'background: \"#0b5563\"', or false");
                return d;
            }
            unknownKeys("shareCards", m, SHARE_CARD_KEYS, line);
            boolean enabled = m.get("enabled") == null ? d.enabled() : bool(m, "shareCards", "enabled", d.enabled(), line);
            String background = colour(m, "background", d.background(), line);
            String text = colour(m, "text", d.text(), line);
            String accent = colour(m, "accent", d.accent(), line);
            Optional<String> logo = optionalText(m, "logo");
            if (logo.isPresent() && !logo.get().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g)")) {
                findings.error("config.share-cards", FILE_NAME, line, "'shareCards.logo' must be a PNG or JPEG file "
                        + "such as /images/logo.png (an SVG cannot be drawn without a native renderer)");
                logo = Optional.empty();
            }
            // WCAG 2.1 success criterion 1.4.3: text needs 4.5:1 against its background (AA).
            for (String[] pair : new String[][] {{"text", text}, {"accent", accent}}) {
                double ratio = org.medsite.image.Contrast.ratio(pair[1], background);
                if (ratio < org.medsite.image.Contrast.AA_TEXT) {
                    findings.warning("config.share-cards", FILE_NAME, line, String.format(java.util.Locale.ROOT,
                            "'shareCards.%s' %s on background %s has a contrast of %.2f:1, below the 4.5:1 of WCAG AA; "
                                    + "choose a lighter or darker colour", pair[0], pair[1], background, ratio));
                }
            }
            return new ShareCardSettings(enabled, background, text, accent, logo);
        }

        private String colour(Map<?, ?> m, String key, String fallback, int line) {
            Object v = m.get(key);
            if (v == null) {
                return fallback;
            }
            String c = String.valueOf(v).strip();
            if (!HEX_COLOUR.matcher(c).matches()) {
                findings.error("config.share-cards", FILE_NAME, line, "'shareCards." + key + "' value '" + c
                        + "' is not a colour; write it as \"#rrggbb\", quoted (YAML reads # as a comment)");
                return fallback;
            }
            return c.length() == 4 ? ("#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3)
                    + c.charAt(3)).toLowerCase(java.util.Locale.ROOT) : c.toLowerCase(java.util.Locale.ROOT);
        }

        private ImageSettings images() {
            Object value = plain("images");
            ImageSettings d = ImageSettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("images", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("images", "a mapping, e.g. 'widths: [480, 800, 1200]'");
                return d;
            }
            unknownKeys("images", m, IMAGE_KEYS, line);
            boolean responsive = m.get("responsive") == null ? d.responsive()
                    : bool(m, "images", "responsive", d.responsive(), line);
            List<Integer> widths = d.widths();
            if (m.get("widths") != null) {
                java.util.TreeSet<Integer> sorted = new java.util.TreeSet<>();
                if (m.get("widths") instanceof List<?> list && !list.isEmpty()) {
                    for (Object w : list) {
                        if (w instanceof Integer i && i >= 16 && i <= 8192) {
                            sorted.add(i);
                        } else {
                            sorted.clear();
                            break;
                        }
                    }
                }
                if (sorted.isEmpty()) {
                    findings.error("config.images", FILE_NAME, line, "'images.widths' must be a list of widths in "
                            + "pixels from 16 to 8192, e.g. [480, 800, 1200]");
                } else {
                    widths = List.copyOf(sorted);
                }
            }
            double quality = d.quality();
            if (m.get("quality") != null) {
                if (m.get("quality") instanceof Number n && n.doubleValue() >= 0.1 && n.doubleValue() <= 1) {
                    quality = n.doubleValue();
                } else {
                    findings.error("config.images", FILE_NAME, line, "'images.quality' must be a number from 0.1 "
                            + "to 1 (JPEG quality; 0.85 by default)");
                }
            }
            String sizes = optionalText(m, "sizes").orElse(d.sizes());
            return new ImageSettings(responsive, widths, quality, sizes);
        }

        /** A plain text value of a block, if given and not blank. */
        private Optional<String> optionalText(Map<?, ?> m, String key) {
            Object v = m.get(key);
            return v == null || v instanceof Map || v instanceof List ? Optional.empty()
                    : Optional.of(String.valueOf(v).strip()).filter(s -> !s.isEmpty());
        }

        private boolean bool(Map<?, ?> m, String block, String key, boolean fallback, int line) {
            if (m.get(key) instanceof Boolean b) {
                return b;
            }
            findings.error("config.type", FILE_NAME, line, "'" + block + "." + key + "' must be true or false");
            return fallback;
        }

        private void unknownKeys(String block, Map<?, ?> m, Set<String> known, int line) {
            for (Object key : m.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key '" + block + "." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), known));
                }
            }
        }

        private PrivacySettings privacy() {
            Object value = plain("privacy");
            PrivacySettings d = PrivacySettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("privacy", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("privacy", "a mapping, e.g. 'allowedHosts: [{host: player.vimeo.com, reason: ...}]'");
                return d;
            }
            for (Object key : m.keySet()) {
                if (!PRIVACY_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'privacy." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), PRIVACY_KEYS));
                }
            }
            List<PrivacySettings.AllowedHost> allowed = new ArrayList<>();
            if (m.get("allowedHosts") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> h && h.get("host") != null && h.get("reason") != null
                            && !String.valueOf(h.get("reason")).isBlank()) {
                        allowed.add(new PrivacySettings.AllowedHost(String.valueOf(h.get("host")).strip(),
                                String.valueOf(h.get("reason")).strip()));
                    } else {
                        findings.error("config.privacy", FILE_NAME, line, "each of 'privacy.allowedHosts' needs a 'host' "
                                + "and a 'reason' (why the practice accepts requests to it)");
                    }
                }
            }
            List<String> booking = new ArrayList<>();
            if (m.get("bookingHosts") instanceof List<?> list) {
                list.forEach(h -> booking.add(String.valueOf(h).strip()));
            }
            return new PrivacySettings(allowed, booking, Boolean.TRUE.equals(m.get("hipaaCoveredEntity")),
                    m.get("policyPage") == null ? d.policyPage() : String.valueOf(m.get("policyPage")),
                    m.get("noticePage") == null ? d.noticePage() : String.valueOf(m.get("noticePage")));
        }

        private GlossarySettings glossary() {
            Object value = plain("glossary");
            GlossarySettings d = GlossarySettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("glossary", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("glossary", "a mapping, e.g. 'enabled: false' or 'jargonAudiences: [patient]'");
                return d;
            }
            for (Object key : m.keySet()) {
                if (!GLOSSARY_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'glossary." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), GLOSSARY_KEYS));
                }
            }
            Object enabled = m.get("enabled");
            if (enabled != null && !(enabled instanceof Boolean)) {
                findings.error("config.type", FILE_NAME, line, "'glossary.enabled' must be true or false");
            }
            List<String> audiences = d.jargonAudiences();
            Object given = m.get("jargonAudiences");
            if (given instanceof List<?> list) {
                audiences = list.stream().map(String::valueOf).map(String::strip).toList();
            } else if (given != null) {
                findings.error("config.type", FILE_NAME, line, "'glossary.jargonAudiences' must be a list of audiences, "
                        + "e.g. [patient], or [] to check no page");
            }
            for (String audience : audiences) {
                if (!audience.equals("patient") && !audience.equals("clinician")) {
                    findings.error("config.type", FILE_NAME, line, "'glossary.jargonAudiences' lists '" + audience
                            + "'; the audiences are patient and clinician");
                }
            }
            return new GlossarySettings(!Boolean.FALSE.equals(enabled), audiences);
        }

        /**
         * {@code security: {policy: true, headersFile: true, metaElement: true, sources: {img-src: [...]}}}.
         * Sources that would undo the policy ({@code 'unsafe-inline'}, {@code 'unsafe-eval'}, {@code *}) are
         * refused: a page that needs them has inline code to move into a file.
         */
        private SecuritySettings security() {
            Object value = plain("security");
            SecuritySettings d = SecuritySettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("security", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("security", "a mapping, e.g. 'headersFile: false' or 'sources: {img-src: [https://...]}'");
                return d;
            }
            for (Object key : m.keySet()) {
                if (!SECURITY_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'security." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), SECURITY_KEYS));
                }
            }
            Map<String, List<String>> sources = new TreeMap<>();
            Object extra = m.get("sources");
            if (extra instanceof Map<?, ?> byDirective) {
                byDirective.forEach((directive, list) -> {
                    String name = String.valueOf(directive);
                    if (!SecuritySettings.SOURCE_DIRECTIVES.contains(name)) {
                        findings.error("config.security", FILE_NAME, line, "'security.sources." + name
                                + "' is not a directive that takes sources" + Suggestions.didYouMean(name,
                                        SecuritySettings.SOURCE_DIRECTIVES));
                        return;
                    }
                    List<?> items = list instanceof List<?> l ? l : list == null ? List.of() : List.of(list);
                    List<String> accepted = new ArrayList<>();
                    for (Object item : items) {
                        String source = String.valueOf(item).strip();
                        if (source.equals("*") || source.contains("unsafe-") || !CSP_SOURCE.matcher(source).matches()) {
                            findings.error("config.security", FILE_NAME, line, "'security.sources." + name
                                    + "' cannot take " + source + ": give hosts such as https://images.example.org "
                                    + "('unsafe-inline', 'unsafe-eval' and * would switch the policy off)");
                        } else {
                            accepted.add(source);
                        }
                    }
                    sources.put(name, accepted);
                });
            } else if (extra != null) {
                findings.error("config.security", FILE_NAME, line,
                        "'security.sources' must be a mapping of directives to lists, e.g. {img-src: [https://...]}");
            }
            return new SecuritySettings(securityFlag(m, "policy", line), securityFlag(m, "headersFile", line),
                    securityFlag(m, "metaElement", line), sources);
        }

        /** A yes/no setting, on unless switched off ("off" reads as false in YAML 1.1). */
        private boolean securityFlag(Map<?, ?> m, String key, int line) {
            Object v = m.get(key);
            if (v == null || Boolean.TRUE.equals(v) || "on".equals(v)) {
                return true;
            }
            if (Boolean.FALSE.equals(v) || "off".equals(v)) {
                return false;
            }
            findings.error("config.security", FILE_NAME, line, "'security." + key + "' must be true or false");
            return true;
        }

        private ReadabilitySettings readability() {
            Object value = plain("readability");
            ReadabilitySettings d = ReadabilitySettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("readability", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("readability", "a mapping, e.g. 'patient: 8'");
                return d;
            }
            for (Object key : m.keySet()) {
                if (!READABILITY_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'readability." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), READABILITY_KEYS));
                }
            }
            return new ReadabilitySettings(grade(m, "patient", d.patientGrade(), line),
                    grade(m, "clinician", d.clinicianGrade(), line),
                    m.get("spanishMinimum") instanceof Number n ? n.doubleValue() : d.spanishMinimum());
        }

        /** A grade, or "off" (which YAML 1.1 reads as false) to not check that audience. */
        private java.util.OptionalDouble grade(Map<?, ?> m, String key, java.util.OptionalDouble fallback, int line) {
            Object v = m.get(key);
            if (v == null) {
                return fallback;
            }
            if (Boolean.FALSE.equals(v) || "off".equals(v)) {
                return java.util.OptionalDouble.empty();
            }
            if (v instanceof Number n && n.doubleValue() > 0) {
                return java.util.OptionalDouble.of(n.doubleValue());
            }
            findings.error("config.type", FILE_NAME, line, "'readability." + key + "' must be a grade such as 8, or off");
            return fallback;
        }

        private MedicalSettings medical(String mainLanguage, List<String> languages) {
            Object value = plain("medical");
            MedicalSettings d = MedicalSettings.defaults();
            if (value == null) {
                return d;
            }
            int line = map.lineOf("medical", 0);
            if (!(value instanceof Map<?, ?> m)) {
                typeError("medical", "a mapping, e.g. 'reviewCycleMonths: 24'");
                return d;
            }
            for (Object key : m.keySet()) {
                if (!MEDICAL_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, line, "unknown key 'medical." + key + "'"
                            + Suggestions.didYouMean(String.valueOf(key), MEDICAL_KEYS));
                }
            }
            return new MedicalSettings(positive(m, "reviewCycleMonths", d.reviewCycleMonths(), line),
                    positive(m, "dueSoonDays", d.dueSoonDays(), line),
                    localizedText(m, "disclaimer", mainLanguage, languages, line),
                    localizedText(m, "emergencyNotice", mainLanguage, languages, line), editorialPolicy(m, line));
        }

        /** A text, or a mapping of language codes to texts; a plain text is the main language's. */
        private LocalizedText localizedText(Map<?, ?> m, String key, String mainLanguage, List<String> languages,
                int line) {
            Object v = m.get(key);
            Map<String, String> texts = new TreeMap<>();
            if (v == null) {
                return LocalizedText.none();
            }
            if (v instanceof Map<?, ?> perLanguage) {
                perLanguage.forEach((lang, text) -> {
                    String code = String.valueOf(lang);
                    if (!languages.contains(code)) {
                        findings.error("config.language", FILE_NAME, line, "'medical." + key + "." + code
                                + "' is for a language the site does not have (languages: " + languages + ")"
                                + Suggestions.didYouMean(code, languages));
                    } else if (text instanceof Map || text instanceof List || text == null) {
                        findings.error("config.type", FILE_NAME, line, "'medical." + key + "." + code
                                + "' must be a text");
                    } else if (!String.valueOf(text).isBlank()) {
                        texts.put(code, String.valueOf(text).strip());
                    }
                });
            } else if (v instanceof List) {
                findings.error("config.type", FILE_NAME, line, "'medical." + key + "' must be a text, or one text "
                        + "per language such as {en: \"...\", es: \"...\"}");
            } else if (!String.valueOf(v).isBlank()) {
                texts.put(mainLanguage, String.valueOf(v).strip());
            }
            return new LocalizedText(texts);
        }

        /** The editorial policy's site path: it must be a path inside the site, such as /editorial-policy/. */
        private Optional<String> editorialPolicy(Map<?, ?> m, int line) {
            Object v = m.get("editorialPolicy");
            if (v == null) {
                return Optional.empty();
            }
            String path = v instanceof Map || v instanceof List ? "" : String.valueOf(v).strip();
            if (!path.startsWith("/") || path.startsWith("//") || path.contains("..") || path.contains("\\")) {
                findings.error("config.type", FILE_NAME, line, "'medical.editorialPolicy' must be a path inside the "
                        + "site such as /editorial-policy/");
                return Optional.empty();
            }
            return Optional.of(path);
        }

        private int positive(Map<?, ?> m, String key, int fallback, int line) {
            Object v = m.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Integer i && i > 0) {
                return i;
            }
            findings.error("config.type", FILE_NAME, line, "'medical." + key + "' must be a whole number above 0");
            return fallback;
        }


        /** Severity changes for checks; which rule ids exist is checked by the check stage. */
        private Map<String, String> checks() {
            Object value = plain("checks");
            Map<String, String> result = new TreeMap<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> m)) {
                typeError("checks", "a mapping of rule ids to error, warning or off");
                return result;
            }
            m.forEach((rule, level) -> {
                // YAML 1.1 reads an unquoted "off" as false.
                String l = Boolean.FALSE.equals(level) ? "off" : String.valueOf(level);
                if (CHECK_LEVELS.contains(l)) {
                    result.put(String.valueOf(rule), l);
                } else {
                    findings.error("config.checks", FILE_NAME, map.lineOf("checks", 0), "level '" + l + "' of check '"
                            + rule + "' must be error, warning or off");
                }
            });
            return result;
        }

        private List<String> taxonomies() {
            Object value = plain("taxonomies");
            if (value == null) {
                return SiteConfig.DEFAULT_TAXONOMIES;
            }
            if (!(value instanceof List<?> list)) {
                typeError("taxonomies", "a list of front matter keys, e.g. [tags, categories, conditions]");
                return SiteConfig.DEFAULT_TAXONOMIES;
            }
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                String name = String.valueOf(item);
                if (!THEME_NAME.matcher(name).matches()) {
                    findings.error("config.taxonomy", FILE_NAME, map.lineOf("taxonomies", 0), "taxonomy '" + name
                            + "' must be a plural front matter key in lower case, e.g. 'conditions'");
                } else if (org.medsite.frontmatter.FrontMatterKeys.ALL.contains(name)
                        && !SiteConfig.DEFAULT_TAXONOMIES.contains(name)) {
                    findings.error("config.taxonomy", FILE_NAME, map.lineOf("taxonomies", 0), "taxonomy '" + name
                            + "' is already a front matter key with another meaning; choose another name");
                } else if (!result.contains(name)) {
                    result.add(name);
                }
            }
            return result;
        }

        private int paginate() {
            JsonNode node = map.values().get("paginate");
            if (node == null || node.isNull()) {
                return SiteConfig.DEFAULT_PAGINATE;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
                typeError("paginate", "a whole number of at least 1");
                return SiteConfig.DEFAULT_PAGINATE;
            }
            return node.intValue();
        }

        private Map<String, String> sort() {
            Object value = plain("sort");
            Map<String, String> result = new TreeMap<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> m)) {
                typeError("sort", "a mapping of section names to date, weight or title");
                return result;
            }
            m.forEach((section, order) -> {
                String o = String.valueOf(order);
                if (SORT_ORDERS.contains(o)) {
                    result.put(String.valueOf(section), o);
                } else {
                    findings.error("config.sort", FILE_NAME, map.lineOf("sort", 0), "sort order '" + o
                            + "' of section '" + section + "' must be date, weight or title"
                            + Suggestions.didYouMean(o, SORT_ORDERS));
                }
            });
            return result;
        }

        private Optional<String> text(String key) {
            JsonNode node = map.values().get(key);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isValueNode()) {
                typeError(key, "text");
                return Optional.empty();
            }
            return Optional.of(node.asText().strip());
        }

        private Object plain(String key) {
            JsonNode node = map.values().get(key);
            return node == null || node.isNull() ? null : yaml.toPlain(node);
        }

        private void typeError(String key, String expected) {
            findings.error("config.type", FILE_NAME, map.lineOf(key, 0), "'" + key + "' must be " + expected);
        }

        private String baseUrl(String raw) {
            String value = raw.isEmpty() ? "/" : raw;
            try {
                URI uri = new URI(value);
                boolean absolute = uri.getScheme() != null;
                if (absolute && !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                        || absolute && uri.getHost() == null
                        || !absolute && !value.startsWith("/")
                        || uri.getQuery() != null || uri.getFragment() != null) {
                    throw new URISyntaxException(value, "not a web address");
                }
            } catch (URISyntaxException e) {
                findings.error("config.base-url", FILE_NAME, map.lineOf("baseURL", 0),
                        "baseURL '" + value + "' is not a web address; write it like "
                                + "'https://www.example.org/' or '/practice/'");
                return "/";
            }
            return value.endsWith("/") ? value : value + "/";
        }

        private String language(String key, String value) {
            if (!LANGUAGE.matcher(value).matches()) {
                findings.error("config.language", FILE_NAME, map.lineOf(key, 0),
                        "'" + value + "' is not a language code; use a BCP 47 code such as 'en' or 'es'");
                return "en";
            }
            return value;
        }

        private List<String> languages(String main) {
            List<String> result = new ArrayList<>();
            result.add(main);
            Object value = plain("languages");
            if (value == null) {
                return result;
            }
            if (!(value instanceof List<?> list)) {
                typeError("languages", "a list of language codes, e.g. [en, es]");
                return result;
            }
            for (Object item : list) {
                String code = language("languages", String.valueOf(item));
                if (!result.contains(code)) {
                    result.add(code);
                }
            }
            return result;
        }

        private Map<String, String> permalinks() {
            Object value = plain("permalinks");
            Map<String, String> result = new TreeMap<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> m)) {
                typeError("permalinks", "a mapping of section names to URL patterns");
                return result;
            }
            m.forEach((section, pattern) -> {
                String p = String.valueOf(pattern);
                if (!p.startsWith("/") || !p.endsWith("/")) {
                    findings.error("config.permalink", FILE_NAME, map.lineOf("permalinks", 0),
                            "permalink pattern '" + p + "' for section '" + section
                                    + "' must start and end with '/', e.g. '/:section/:slug/'");
                } else {
                    result.put(String.valueOf(section), p);
                }
            });
            return result;
        }

        private MarkdownOptions markdown() {
            Object value = plain("markdown");
            MarkdownOptions defaults = MarkdownOptions.defaults();
            if (value == null) {
                return defaults;
            }
            if (!(value instanceof Map<?, ?> m)) {
                typeError("markdown", "a mapping, e.g. 'typographer: false'");
                return defaults;
            }
            for (Object key : m.keySet()) {
                if (!MARKDOWN_KEYS.contains(String.valueOf(key))) {
                    findings.warning("config.unknown-key", FILE_NAME, map.lineOf("markdown", 0),
                            "unknown key 'markdown." + key + "'" + Suggestions.didYouMean(String.valueOf(key),
                                    MARKDOWN_KEYS));
                }
            }
            return new MarkdownOptions(flag(m, "typographer", defaults.typographer()),
                    flag(m, "hardWraps", defaults.hardWraps()));
        }

        private boolean flag(Map<?, ?> m, String key, boolean fallback) {
            Object v = m.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            findings.error("config.type", FILE_NAME, map.lineOf("markdown", 0),
                    "'markdown." + key + "' must be true or false");
            return fallback;
        }

        private Map<String, List<MenuEntry>> menus() {
            Object value = plain("menus");
            Map<String, List<MenuEntry>> result = new TreeMap<>();
            if (value == null) {
                return result;
            }
            if (!(value instanceof Map<?, ?> m)) {
                typeError("menus", "a mapping of menu names to lists of {name, url, weight}");
                return result;
            }
            int line = map.lineOf("menus", 0);
            m.forEach((menuName, entries) -> {
                List<MenuEntry> menu = new ArrayList<>();
                if (!(entries instanceof List<?> list)) {
                    findings.error("config.type", FILE_NAME, line, "menu '" + menuName + "' must be a list");
                    return;
                }
                int position = 0;
                for (Object entry : list) {
                    position++;
                    if (!(entry instanceof Map<?, ?> e) || e.get("name") == null || e.get("url") == null) {
                        findings.error("config.menu", FILE_NAME, line, "menu '" + menuName + "' entry "
                                + position + " needs both 'name' and 'url'");
                        continue;
                    }
                    for (Object key : e.keySet()) {
                        if (!MENU_KEYS.contains(String.valueOf(key))) {
                            findings.warning("config.unknown-key", FILE_NAME, line, "unknown key '" + key
                                    + "' in menu '" + menuName + "'" + Suggestions.didYouMean(String.valueOf(key),
                                            MENU_KEYS));
                        }
                    }
                    int weight = e.get("weight") instanceof Number n ? n.intValue() : position;
                    menu.add(new MenuEntry(String.valueOf(e.get("name")), String.valueOf(e.get("url")), weight));
                }
                menu.sort(Comparator.comparingInt(MenuEntry::weight).thenComparing(MenuEntry::name));
                result.put(String.valueOf(menuName), List.copyOf(menu));
            });
            return result;
        }
    }
}
