package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: reads the sections and tables of a Markdown report back, cells without code backticks. */
final class MarkdownTables {

    private MarkdownTables() {
    }

    /** The lines from the one equal to {@code heading} up to the next heading of the same or a higher level. */
    static String section(String md, String heading) {
        int level = heading.indexOf(' ');
        StringBuilder out = null;
        for (String line : md.split("\n", -1)) {
            if (out == null) {
                out = line.equals(heading) ? new StringBuilder() : null;
            } else if (line.startsWith("#") && line.indexOf(' ') <= level) {
                break;
            } else {
                out.append(line).append('\n');
            }
        }
        if (out == null) {
            throw new AssertionError("no heading '" + heading + "' in the report");
        }
        return out.toString();
    }

    /** The rows (header excluded) of the first table in {@code text} whose header starts with {@code firstColumns}. */
    static List<List<String>> table(String text, String... firstColumns) {
        List<List<String>> block = new ArrayList<>();
        for (String line : (text + "\n").split("\n", -1)) {
            if (line.startsWith("|")) {
                block.add(cells(line));
                continue;
            }
            if (!block.isEmpty() && block.get(0).subList(0, firstColumns.length).equals(Arrays.asList(firstColumns))) {
                return block.subList(2, block.size());
            }
            block = new ArrayList<>();
        }
        throw new AssertionError("no table with header " + Arrays.toString(firstColumns) + " in:\n" + text);
    }

    /** The row of a table whose first cell is {@code first}. */
    static List<String> row(List<List<String>> table, String... first) {
        return table.stream().filter(r -> r.subList(0, first.length).equals(Arrays.asList(first))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + Arrays.toString(first) + " in " + table));
    }

    /** A number as the report prints it ("80,000", "71.4 %", "1.08", "3.2e-05") as a double. */
    static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace("%", "").trim());
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split(" \\| ", -1)).map(c -> c.trim().replace("`", "")).toList();
    }
}
