/**
 * Scaffolding: a new page from an archetype ({@code new}) and a new site ({@code init}). Shared by the
 * Maven plugin and the command line, so neither holds any of this logic. Never overwrites a file.
 */
package org.medsite.scaffold;
