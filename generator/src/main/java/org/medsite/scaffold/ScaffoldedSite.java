package org.medsite.scaffold;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code init} did.
 *
 * @param dir the site folder
 * @param created the files written, relative to {@code dir} with forward slashes
 * @param kept the files of the scaffold that were already there and were left as they were
 */
public record ScaffoldedSite(Path dir, List<String> created, List<String> kept) {

    public ScaffoldedSite {
        created = List.copyOf(created);
        kept = List.copyOf(kept);
    }
}
