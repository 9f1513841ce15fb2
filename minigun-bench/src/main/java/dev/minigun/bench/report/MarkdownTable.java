package dev.minigun.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row: plain-string cells, the first columns left-aligned (one by default), the rest right-aligned for numbers. */
public final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private int leftColumns = 1;

    /** A table with these column headings. */
    public MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Left-aligns the first {@code n} columns (text), right-aligns the others (numbers). */
    public MarkdownTable leftColumns(int n) {
        this.leftColumns = n;
        return this;
    }

    /** Adds a row; it must have one cell per column. */
    public MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table as Markdown, ending with a newline. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) {
            sb.append(i < leftColumns ? " --- |" : " ---: |");
        }
        sb.append('\n');
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        sb.append('\n');
    }
}
