package org.medsite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsite.config.SiteConfig;
import org.medsite.config.SiteConfigLoader;
import org.medsite.diagnostics.FindingCollector;
import org.medsite.yaml.YamlReader;

/** Which checks a build runs: a site check all of whose rules the site turned off is left out. */
class ChecksTest {

    @TempDir
    Path site;

    private SiteConfig config(String yaml) throws Exception {
        Files.writeString(site.resolve("site.yaml"), yaml);
        return new SiteConfigLoader(new YamlReader()).load(site, Optional.empty(), Optional.empty(), new FindingCollector());
    }

    private static String allOff(Set<String> rules) {
        StringBuilder sb = new StringBuilder("checks:\n");
        rules.stream().sorted().forEach(rule -> sb.append("  ").append(rule).append(": off\n"));
        return sb.toString();
    }

    @Test
    void aSiteWithoutSettingsRunsEverySiteCheck() throws Exception {
        assertThat(Checks.standard(config("title: Clinic\n")).site()).extracting(Object::getClass).containsExactly(
                MedicalPageCheck.class, ReadabilityCheck.class, JargonCheck.class, PrivacyContentCheck.class);
    }

    @Test
    void aCheckWhoseEveryRuleIsOffIsNotRun() throws Exception {
        String yaml = allOff(ReadabilityCheck.RULES) + allOff(PrivacyContentCheck.RULES).substring("checks:\n".length());
        assertThat(Checks.standard(config(yaml)).site()).extracting(Object::getClass)
                .containsExactly(MedicalPageCheck.class, JargonCheck.class);
    }

    @Test
    void oneRuleLeftOnKeepsItsCheck() throws Exception {
        // "off" unquoted is YAML 1.1's false, quoted it is the word: both turn a rule off.
        String yaml = allOff(JargonCheck.RULES) + "  readability.above-target: 'off'\n  readability.not-measured: off\n"
                + "  plain.no-summary: off\n  plain.no-actions: warning\n";
        assertThat(Checks.standard(config(yaml)).site()).extracting(Object::getClass)
                .containsExactly(MedicalPageCheck.class, ReadabilityCheck.class, PrivacyContentCheck.class);
    }

    @Test
    void aRuleOffIsOnlyOneTheChecksSettingTurnsOff() throws Exception {
        SiteConfig config = config("checks:\n  plain.jargon: off\n  plain.no-summary: warning\n");
        assertThat(config.ruleOff("plain.jargon")).isTrue();
        assertThat(config.ruleOff("plain.no-summary")).isFalse();
        assertThat(config.ruleOff("readability.above-target")).isFalse();
    }
}
