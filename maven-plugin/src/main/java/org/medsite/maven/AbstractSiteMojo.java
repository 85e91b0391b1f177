package org.medsite.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;
import org.medsite.api.OutputInUseException;

/**
 * What the {@code build} and {@code check} goals share: the site's parameters, and the way a run is
 * turned into log lines and, when the site has problems, into a build failure.
 */
abstract class AbstractSiteMojo extends AbstractMojo {

    /**
     * The site folder: the one with {@code site.yaml}, {@code content/}, {@code data/}, {@code static/}
     * and {@code layouts/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.sourceDirectory", defaultValue = "${project.basedir}", required = true)
    private File sourceDirectory;

    /**
     * Where the site is written. Medsite replaces this folder as a whole on each build, so it refuses a
     * folder that holds files it did not write. Files whose bytes did not change keep their modification
     * time, so incremental deploys upload only what changed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.outputDirectory", defaultValue = "${project.build.directory}/site",
            required = true)
    private File outputDirectory;

    /**
     * The address the site is published at, replacing {@code baseURL} in {@code site.yaml}: for
     * example a preview deployment's address, {@code https://preview-42.example.org/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.baseUrl")
    private String baseUrl;

    /**
     * The theme, replacing {@code theme} in {@code site.yaml}. Themes are jars: add a theme's jar as a
     * dependency of this plugin, and name the theme here or in {@code site.yaml}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.theme")
    private String theme;

    /**
     * Also publish pages marked {@code draft: true}, for a preview of work in progress.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.drafts", defaultValue = "false")
    private boolean drafts;

    /**
     * Also publish pages whose {@code date} or {@code publishDate} is in the future.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.future", defaultValue = "false")
    private boolean future;

    /**
     * Also publish pages whose {@code expiryDate} has passed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.expired", defaultValue = "false")
    private boolean expired;

    /**
     * Fail the build on warnings too, not only on errors: for a site that is kept free of warnings.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Skip this goal, for example to build a multi-module project without its site.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The project folder; paths in messages are shown relative to it.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Medsite: skip is set (-Dmedsite.skip or <skip>true</skip>)");
            return;
        }
        MavenBuildLog log = new MavenBuildLog(getLog(), basedir.toPath());
        SiteParameters parameters = new SiteParameters(sourceDirectory, outputDirectory, baseUrl, theme, drafts,
                future, expired);
        // The plugin's class loader holds the theme jars added as the plugin's <dependencies>.
        Medsite medsite = parameters.medsite(getClass().getClassLoader(), log);
        BuildResult result;
        try {
            result = run(medsite);
        } catch (OutputInUseException e) {
            throw MavenFailures.outputInUse(e);
        } catch (MedsiteException e) {
            throw MavenFailures.unexpected(e);
        } catch (RuntimeException e) {
            throw MavenFailures.bug(e);
        }
        log.report(result);
        if (!result.succeeded(failOnWarning)) {
            throw MavenFailures.siteProblems(result, failOnWarning);
        }
    }

    /** Runs this goal's kind of build. */
    abstract BuildResult run(Medsite medsite) throws MedsiteException;
}
