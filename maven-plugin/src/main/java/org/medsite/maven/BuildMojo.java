package org.medsite.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;

/**
 * Builds the site: renders every page, runs every check, and writes the site to
 * {@code outputDirectory} ({@code target/site}). Problems in the site fail the build with
 * {@code file:line} messages, and nothing is written; the previous site stays as it was.
 *
 * <p>Runs in the {@code package} phase, and, with the {@code medsite} packaging, in the {@code site}
 * phase of {@code mvn site} as well. A second build with nothing changed rewrites no file.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractSiteMojo {

    @Override
    BuildResult run(Medsite medsite) throws MedsiteException {
        return medsite.build();
    }
}
