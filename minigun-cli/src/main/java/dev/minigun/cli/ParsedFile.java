package dev.minigun.cli;

import java.io.Serializable;
import java.util.Objects;

/**
 * A file after the {@code parse} stage: its statistics, and its text for the {@code fingerprint}
 * stage. It may travel to a worker process, so it is serializable (like everything in it).
 *
 * @param stats what {@link SourceAnalyzer} counted
 * @param text the file's content
 */
public record ParsedFile(FileStats stats, String text) implements Serializable {
    /** Checks that no component is null. */
    public ParsedFile {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(text, "text");
    }

    /** Names the file without its content. */
    @Override
    public String toString() {
        return "ParsedFile[" + stats.path() + ", " + text.length() + " chars]";
    }
}
