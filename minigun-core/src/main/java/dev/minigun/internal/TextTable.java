package dev.minigun.internal;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned plain-text columns for plans and reports: readable in a terminal and in a log. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** A table with these column headers. */
    public TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds a row; missing cells are blank. */
    public TextTable row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    /** The table, each line indented by {@code indent} and ended by a newline. */
    public String render(String indent) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                line.append(r[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
