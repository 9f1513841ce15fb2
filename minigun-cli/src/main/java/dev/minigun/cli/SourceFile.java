package dev.minigun.cli;

import java.util.Objects;

/**
 * One Java source file as the census producer reads it: the module it belongs to, its path inside
 * the source tree, and its whole text. It is the item that travels from the {@code read} stage to
 * the {@code parse} pool, so it is an immutable record.
 *
 * @param module the first path segment of a {@code src.zip} entry (such as {@code java.base}), the
 *     first directory level of a source directory, or {@code unnamed} for a file at the root
 * @param path the path inside the zip or directory, with {@code /} separators
 * @param text the file's content, decoded as UTF-8
 */
public record SourceFile(String module, String path, String text) {

    /** Checks that no component is null. */
    public SourceFile {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** Names the file without its content, which can be hundreds of kilobytes. */
    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + text.length() + " chars]";
    }
}
