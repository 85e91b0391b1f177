package org.medsite.output;

/**
 * What writing the site did.
 *
 * @param written files whose bytes are new or changed
 * @param unchanged files kept as they were (same bytes, same modification time)
 * @param removed files of the previous output that the new site no longer has
 */
public record WriteStats(int written, int unchanged, int removed) {
}
