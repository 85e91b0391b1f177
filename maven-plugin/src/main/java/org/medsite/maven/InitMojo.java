package org.medsite.maven;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.medsite.scaffold.ScaffoldException;
import org.medsite.scaffold.ScaffoldedSite;
import org.medsite.scaffold.SiteScaffold;

/**
 * Creates a new site in an empty folder, no POM needed: {@code site.yaml}, a home page, a first blog
 * post and health library article, an example person in {@code data/people/}, and a {@code pom.xml}
 * that builds the site with this plugin. Run it with the plugin's full name:
 * {@code mvn org.medsite:medsite-maven-plugin:init}.
 *
 * @since 0.1.0
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {

    /**
     * The folder to create the site in; made if missing. It must be empty, apart from what a new
     * repository starts with ({@code .git}, {@code README.md}, {@code LICENSE}, {@code pom.xml}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.sourceDirectory", defaultValue = "${basedir}", required = true)
    private File sourceDirectory;

    /**
     * Also create the site in a folder that holds other files. Only missing files are added; no
     * existing file is changed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.force", defaultValue = "false")
    private boolean force;

    /**
     * This plugin's version, written into the new {@code pom.xml}.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ScaffoldedSite site;
        try {
            site = new SiteScaffold(Clock.systemDefaultZone())
                    .create(sourceDirectory.toPath(), force, Optional.of(pluginVersion));
        } catch (ScaffoldException e) {
            throw MavenFailures.scaffold(e);
        } catch (IOException e) {
            throw MavenFailures.cannotWrite("the site", e);
        } catch (RuntimeException e) {
            throw MavenFailures.bug(e);
        }
        getLog().info("Created a Medsite site in " + site.dir());
        site.created().forEach(file -> getLog().info("  created " + file));
        site.kept().forEach(file -> getLog().info("  kept your " + file));
        if (site.created().contains("pom.xml")) {
            getLog().info("Build it with: mvn package (the site is written to target/site)");
        } else {
            getLog().info("Your pom.xml was kept: to build the site with it, use the medsite packaging "
                    + "(see this plugin's usage page)");
        }
    }
}
