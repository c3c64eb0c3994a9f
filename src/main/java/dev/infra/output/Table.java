package dev.infra.output;

import java.util.ArrayList;
import java.util.List;

/** Rows under upper-case headers, printed in aligned columns like kubectl's. */
public record Table(List<String> headers, List<List<String>> rows) {

    public static Table of(String... headers) {
        return new Table(List.of(headers), new ArrayList<>());
    }

    public Table row(Object... cells) {
        var row = new ArrayList<String>();
        for (Object cell : cells) row.add(cell == null ? "" : cell.toString());
        rows.add(row);
        return this;
    }

    String render(Colors colors) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (var row : rows) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        var out = new StringBuilder();
        out.append(colors.bold(line(headers, widths))).append('\n');
        for (var row : rows) out.append(line(row, widths)).append('\n');
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i == cells.size() - 1) {
                line.append(cells.get(i));
            } else {
                line.append(String.format("%-" + (widths[i] + 3) + "s", cells.get(i)));
            }
        }
        return line.toString().stripTrailing();
    }
}
