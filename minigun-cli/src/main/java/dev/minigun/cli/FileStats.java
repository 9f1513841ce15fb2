package dev.minigun.cli;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code parse} stage learned about one source file: its size in lines and tokens and its
 * most frequent identifiers. It is the row the {@code store} stage writes to the {@code files} table,
 * with its identifiers going to the {@code identifiers} table. Serializable, to travel to a worker process.
 *
 * @param module the module the file belongs to
 * @param path the file's path inside the source tree
 * @param lines the number of lines (see {@link SourceAnalyzer#countLines})
 * @param tokens the number of tokens (see {@link JavaTokenizer})
 * @param topIdentifiers the most frequent identifiers, most frequent first, ties by name
 */
public record FileStats(String module, String path, int lines, int tokens, List<IdentifierCount> topIdentifiers)
        implements Serializable {

    /** Copies the identifier list, so that the record stays immutable. */
    public FileStats {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(path, "path");
        topIdentifiers = List.copyOf(topIdentifiers);
    }
}
