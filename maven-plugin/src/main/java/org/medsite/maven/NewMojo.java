package org.medsite.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.medsite.scaffold.PageScaffold;
import org.medsite.scaffold.PageType;
import org.medsite.scaffold.ScaffoldException;

/**
 * Creates a page from an archetype, with the front matter and section headings of its type:
 * {@code mvn medsite:new -Dtype=condition -Dtitle="High blood pressure"} writes
 * {@code content/library/high-blood-pressure/index.md}. The page is a draft until you set
 * {@code draft: false}; an existing file is never replaced.
 *
 * @since 0.1.0
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends AbstractMojo {

    /**
     * The site folder to add the page to.
     *
     * @since 0.1.0
     */
    @Parameter(property = "medsite.sourceDirectory", defaultValue = "${basedir}", required = true)
    private File sourceDirectory;

    /**
     * The kind of page: {@code condition}, {@code treatment}, {@code test} and {@code medication} go to
     * the health library (<code>content/library/&lt;slug&gt;/index.md</code>), {@code blog} to
     * <code>content/blog/&lt;slug&gt;.md</code>, and {@code page} to <code>content/&lt;slug&gt;.md</code>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "type", required = true)
    private String type;

    /**
     * The page's title; its file name is made from it ({@code High blood pressure} becomes
     * {@code high-blood-pressure}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "title", required = true)
    private String title;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path site = sourceDirectory.toPath().toAbsolutePath().normalize();
        try {
            Path page = new PageScaffold(Clock.systemDefaultZone()).create(site, PageType.fromId(type), title);
            getLog().info("Created " + site.relativize(page).toString().replace('\\', '/')
                    + " as a draft; set draft: false in it when it has been reviewed.");
        } catch (ScaffoldException e) {
            throw MavenFailures.scaffold(e);
        } catch (IOException e) {
            throw MavenFailures.cannotWrite("the page", e);
        } catch (RuntimeException e) {
            throw MavenFailures.bug(e);
        }
    }
}
