package dev.minigun.cli;

import java.io.Serializable;

/**
 * How many times one identifier occurs in one source file: an entry of a file's top identifiers,
 * stored as a row of the {@code identifiers} table. Serializable, to travel to a worker process.
 *
 * @param name the identifier, as written
 * @param count its occurrences in the file, outside comments and literals
 */
public record IdentifierCount(String name, int count) implements Serializable {}
