package dev.ferry.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: two spaces between columns, no trailing spaces, a
 * header line when headers are given. A {@code null} cell prints as nothing. Cells are printed as
 * they are, so callers pass single-line values.
 */
public final class Table {

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headers; none for a header-less table (e.g. "Label: value" lines). */
  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; cells are shown with {@link String#valueOf(Object)}, {@code null} as nothing. */
  public Table row(Object... cells) {
    rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : String.valueOf(cell)).toList());
    return this;
  }

  /** Whether no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The lines of the table joined by {@code \n}, without a final newline. */
  public String render() {
    List<List<String>> lines = new ArrayList<>();
    if (!headers.isEmpty()) {
      lines.add(headers);
    }
    lines.addAll(rows);
    int[] widths = widths(lines);
    StringBuilder out = new StringBuilder();
    for (List<String> line : lines) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(format(line, widths));
    }
    return out.toString();
  }

  private static int[] widths(List<List<String>> lines) {
    int columns = lines.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    return widths;
  }

  private static String format(List<String> line, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.size(); i++) {
      String cell = line.get(i);
      out.append(cell);
      if (i < line.size() - 1) {
        out.append(" ".repeat(widths[i] - cell.length())).append(GAP);
      }
    }
    return out.toString().stripTrailing();
  }
}
