package dev.minigun.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of the census's {@code parse} stage: turns a {@link SourceFile} into {@link FileStats}
 * (lines, tokens and the most frequent identifiers, keywords excluded). It is a pure function of
 * the file, so the stage can run it on as many threads as there are cores.
 */
public final class SourceAnalyzer {
    /** How many identifiers of each file are kept (and stored). */
    public static final int TOP_IDENTIFIERS = 20;

    private SourceAnalyzer() {}

    /** The statistics of {@code file}, with its {@link #TOP_IDENTIFIERS} most frequent identifiers. */
    public static FileStats analyze(SourceFile file) {
        return analyze(file, TOP_IDENTIFIERS);
    }

    /** The statistics of {@code file}, with its {@code top} most frequent identifiers. */
    public static FileStats analyze(SourceFile file, int top) {
        String text = file.text();
        JavaTokenizer tokenizer = new JavaTokenizer(text);
        Map<String, int[]> counts = new HashMap<>();
        int tokens = 0;
        for (TokenKind kind = tokenizer.next(); kind != null; kind = tokenizer.next()) {
            tokens++;
            if (kind == TokenKind.IDENTIFIER) {
                counts.computeIfAbsent(tokenizer.text(), k -> new int[1])[0]++;
            }
        }
        return new FileStats(file.module(), file.path(), countLines(text), tokens, top(counts, top));
    }

    /**
     * The number of lines of {@code text}: its line terminators ({@code \n}, {@code \r\n} or a lone
     * {@code \r}), plus one for a last line without a terminator. An empty text has no lines.
     */
    public static int countLines(String text) {
        int lines = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines++;
            } else if (c == '\r') {
                lines++;
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        if (n > 0 && text.charAt(n - 1) != '\n' && text.charAt(n - 1) != '\r') {
            lines++;
        }
        return lines;
    }

    private static List<IdentifierCount> top(Map<String, int[]> counts, int top) {
        List<IdentifierCount> all = new ArrayList<>(counts.size());
        counts.forEach((name, count) -> all.add(new IdentifierCount(name, count[0])));
        all.sort((a, b) -> a.count() != b.count()
                ? Integer.compare(b.count(), a.count())
                : a.name().compareTo(b.name()));
        return all.size() > top ? all.subList(0, top) : all;
    }
}
