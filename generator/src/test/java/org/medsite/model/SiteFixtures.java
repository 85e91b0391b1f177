package org.medsite.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medsite.config.GlossarySettings;
import org.medsite.config.MarkdownOptions;
import org.medsite.config.MedicalSettings;
import org.medsite.config.PrivacySettings;
import org.medsite.config.ReadabilitySettings;
import org.medsite.config.SiteConfig;
import org.medsite.content.ContentSource;
import org.medsite.content.SourceKind;
import org.medsite.frontmatter.FrontMatter;
import org.medsite.markdown.RenderedMarkdown;
import org.medsite.medical.Readability;

/** The small two-language site that the tests of site assembly and of what templates read are built on. */
public final class SiteFixtures {

    private SiteFixtures() {
    }

    /** A site in English and Spanish with the default taxonomies, ten pages a list page, every setting default. */
    public static SiteConfig englishAndSpanish() {
        return new SiteConfig("Clinic", "", "/", "en", List.of("en", "es"), "clinic", Map.of(),
                MarkdownOptions.defaults(), Map.of(), Map.of(), SiteConfig.DEFAULT_TAXONOMIES, 10, Map.of(),
                MedicalSettings.defaults(), ReadabilitySettings.defaults(), GlossarySettings.defaults(),
                PrivacySettings.defaults(), Map.of());
    }

    /** A regular page at {@code path} (under content/) with an empty body and no medical metadata. */
    public static PageSource page(String path, String folder, String lang, FrontMatter frontMatter) {
        String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\..*", "");
        ContentSource source = new ContentSource(Path.of(path), path, SourceKind.PAGE, Optional.empty(), folder, base,
                List.of());
        return new PageSource(source, frontMatter, "", 1, lang, SiteAssembler.NO_MEDICAL_INFO);
    }

    /** The site of {@code sources}, each at the URL of its path without ".md", with a one-paragraph body. */
    public static Site assemble(SiteConfig config, List<PageSource> sources) {
        Map<String, String> urls = new HashMap<>();
        Map<String, RenderedMarkdown> rendered = new HashMap<>();
        for (PageSource s : sources) {
            urls.put(s.id(), "/" + s.id().replace(".md", "/"));
            rendered.put(s.id(), new RenderedMarkdown("<p>x</p>", Optional.empty(), "A first paragraph.", 3, List.of(),
                    Optional.empty(), "A first paragraph.", List.of(), Readability.of(List.of(), "en")));
        }
        return SiteAssembler.assemble(config, sources, urls, rendered, Map.of());
    }
}
