package org.medsite.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.medsite.api.BuildResult;
import org.medsite.api.Medsite;
import org.medsite.api.MedsiteException;

/**
 * Checks the site without writing anything: renders every page and runs every check (links, front
 * matter, configuration, templates). Meant for pull requests: {@code mvn medsite:check}. Problems fail
 * the build with {@code file:line} messages.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractSiteMojo {

    @Override
    BuildResult run(Medsite medsite) throws MedsiteException {
        return medsite.check();
    }
}
