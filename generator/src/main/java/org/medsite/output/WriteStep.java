package org.medsite.output;

/**
 * The points of the write stage at which a crash leaves something different on disk; each is reported
 * to the build's listener as it is reached, so a test can stop a build at exactly that point.
 */
public enum WriteStep {
    /** The staging folder and its folders exist, its files are about to be written: a crash leaves it partial. */
    STAGING,
    /** Every file is staged; the previous site is still in place. */
    STAGED,
    /**
     * The previous site has been moved aside and the new one not yet moved in: no output folder. Or, when
     * the folder is patched in place, the journal of its changes is written and none is applied yet.
     */
    SWAPPING,
    /** The new site is in place; the previous one (or the journal) is not yet deleted, the manifest not yet written. */
    SWAPPED
}
