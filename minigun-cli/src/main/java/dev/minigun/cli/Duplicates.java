package dev.minigun.cli;

/**
 * Files of the census that share their {@link Fingerprint} with another: the same tokens, whatever
 * their comments and layout.
 *
 * @param groups the number of fingerprints held by more than one file
 * @param files the number of files in those groups
 */
public record Duplicates(long groups, long files) {}
