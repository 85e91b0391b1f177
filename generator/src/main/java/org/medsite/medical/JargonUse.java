package org.medsite.medical;

/**
 * A jargon word a page uses without defining it.
 *
 * @param word the jargon word as the built-in list names it
 * @param written how the page wrote it, at its first use
 * @param plain the plain words to use or explain it with
 * @param line the file line of its first use
 */
public record JargonUse(String word, String written, String plain, int line) {
}
