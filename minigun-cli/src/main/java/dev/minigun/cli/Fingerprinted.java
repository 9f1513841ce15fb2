package dev.minigun.cli;

import java.io.Serializable;
import java.util.Objects;

/**
 * A file after the {@code fingerprint} stage: its statistics and its {@link Fingerprint}, without
 * the text, which stays behind (in the worker process, when the stage runs in one).
 *
 * @param stats what {@link SourceAnalyzer} counted
 * @param fingerprint the file's {@link Fingerprint#of fingerprint}, 64 hex digits
 */
public record Fingerprinted(FileStats stats, String fingerprint) implements Serializable {
    /** Checks that no component is null. */
    public Fingerprinted {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The stored row: this file with the area the enrichment service gave. */
    public CensusRow withArea(String area) {
        return new CensusRow(stats, fingerprint, area);
    }
}
