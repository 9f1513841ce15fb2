package dev.minigun.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned plain-text columns for the demo's result tables: text left-aligned, numbers
 * right-aligned with thousands separators, so that a terminal shows readable columns and a test can
 * still match a row with a simple pattern.
 */
public final class TextColumns {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] numeric;

    /** A table with these headers; a header starting with {@code >} marks a right-aligned (number) column. */
    public TextColumns(String... headers) {
        numeric = new boolean[headers.length];
        String[] head = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            numeric[i] = headers[i].startsWith(">");
            head[i] = numeric[i] ? headers[i].substring(1) : headers[i];
        }
        rows.add(head);
    }

    /** Adds a row; {@code Number}s are formatted with thousands separators, missing cells are blank. */
    public TextColumns row(Object... cells) {
        String[] r = new String[numeric.length];
        for (int i = 0; i < r.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            r[i] = cell == null ? "" : cell instanceof Number n ? number(n.longValue()) : cell.toString();
        }
        rows.add(r);
        return this;
    }

    /** {@code n} with thousands separators, as in {@code 1,234,567}. */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The table, each line indented by {@code indent} and ended by a newline. */
    public String render(String indent) {
        int[] width = new int[numeric.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(numeric[i] ? pad + r[i] : r[i] + pad);
                if (i < r.length - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
