package dev.minigun.cli;

/**
 * One identifier's total over the census: the sum of its counts in the files where it is among the
 * top identifiers, and in how many such files. A line of the "top identifiers" table.
 *
 * @param name the identifier
 * @param occurrences the sum of its stored per-file counts
 * @param files the number of files that list it among their top identifiers
 */
public record IdentifierTotal(String name, long occurrences, long files) {}
