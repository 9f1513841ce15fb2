package dev.minigun.cli;

/**
 * The size of one area of the JDK in the census (see {@link CodeAreas}): a line of the "areas"
 * table, whose area comes from the enrichment service.
 *
 * @param area the area's name, like {@code core-libs/net}
 * @param files the number of files stored in it
 * @param lines their lines
 */
public record AreaTotal(String area, long files, long lines) {}
