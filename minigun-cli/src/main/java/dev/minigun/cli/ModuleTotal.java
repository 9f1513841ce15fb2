package dev.minigun.cli;

/**
 * The size of one module of the census (or of all of them): files, lines and tokens. A line of the
 * "modules" table.
 *
 * @param module the module's name ({@code all} for the whole census)
 * @param files the number of files stored
 * @param lines their lines
 * @param tokens their tokens
 */
public record ModuleTotal(String module, long files, long lines, long tokens) {}
