package dev.minigun.cli;

import java.util.Objects;

/**
 * One row of the census's {@code files} table, as the {@code store} stage writes it: the file's
 * statistics, its fingerprint (from the {@code fingerprint} stage) and its area (from the
 * {@code enrich} stage's call to the {@link EnrichmentService}).
 *
 * @param stats what {@link SourceAnalyzer} counted, with the file's top identifiers
 * @param fingerprint the file's {@link Fingerprint#of fingerprint}
 * @param area the file's {@link CodeAreas area}
 */
public record CensusRow(FileStats stats, String fingerprint, String area) {

    /** Checks that no component is null. */
    public CensusRow {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(area, "area");
    }
}
