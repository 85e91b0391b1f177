package org.medsite.api;

import java.time.Duration;

/**
 * How long one stage of the pipeline took.
 *
 * @param stage the stage's name ({@code discover}, {@code parse}, {@code markdown}, ...)
 * @param took its wall-clock time
 */
public record StageTiming(String stage, Duration took) {
}
