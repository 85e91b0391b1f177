package org.medsite.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.diagnostics.Finding;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

/** Theme inheritance and the template lookup chain: site layouts/ > theme > parent theme > built-in. */
class ThemeTest {

    @TempDir
    Path tmp;

    private final ClassLoader loader = ThemeTest.class.getClassLoader();

    private Theme load(String name, FindingCollector findings) throws Exception {
        return new ThemeLoader(loader, new YamlReader()).load(name, findings).orElse(null);
    }

    @Test
    void aThemeInheritsFromTheThemeItExtends() throws Exception {
        Theme theme = load("testchild", new FindingCollector());
        assertThat(theme.chain()).containsExactly("testchild", "clinic");
    }

    @Test
    void missingThemesAndCyclesAreErrors() throws Exception {
        FindingCollector findings = new FindingCollector();
        assertThat(load("nosuch", findings)).isNull();
        assertThat(load("loopa", findings)).isNull();
        assertThat(findings.sorted()).extracting(Finding::rule).containsExactlyInAnyOrder("theme.missing", "theme.cycle");
    }

    @Test
    void siteLayoutsComeFirstThenTheChildThenItsParentThenBuiltIns() throws Exception {
        Path layouts = Files.createDirectories(tmp.resolve("layouts"));
        Files.writeString(layouts.resolve("list.ftlh"), "site list");
        TemplateEngine engine = new TemplateEngine(Optional.of(layouts), load("testchild", new FindingCollector()), loader);

        assertThat(engine.origin("list.ftlh")).isEqualTo("layouts/list.ftlh");
        assertThat(engine.origin("single.ftlh")).isEqualTo("theme testchild: layouts/single.ftlh");
        assertThat(engine.firstExisting(List.of("nope.ftlh", "base.ftlh"))).contains("base.ftlh");
        assertThat(engine.origin("base.ftlh")).startsWith("built-in template");
        assertThat(engine.firstExisting(List.of("nope.ftlh"))).isEmpty();
    }

    @Test
    void themeStaticFilesMergeWithTheChildWinning() throws Exception {
        var files = new ThemeAssets(loader).read(load("testchild", new FindingCollector()));
        assertThat(files).containsKey("css/child.css");
    }

    @Test
    void freemarkerMessagesAreCutToTheirSubstance() {
        String message = """
                The following has evaluated to null or missing:
                ==> page.nosuch  [in template "single.ftlh" at line 3, column 3]

                ----
                Tip: If the failing expression is known to legally refer to something...
                """;
        assertThat(TemplateEngine.oneLine(message))
                .isEqualTo("The following has evaluated to null or missing: page.nosuch");
    }
}
