package org.medsite.cache;

/** A piece of a site-wide file made for one page (a search index entry, a row of the editorial report). */
public record TextEntry(String text) {
}
