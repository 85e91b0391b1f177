package org.medsite.content;

import java.nio.file.Path;

/**
 * A file copied to the output as it is.
 *
 * @param source where it is read from
 * @param target where it goes, relative to the output folder, with forward slashes
 * @param origin the name used in findings (relative to the site folder)
 */
public record StaticFile(Path source, String target, String origin) {
}
