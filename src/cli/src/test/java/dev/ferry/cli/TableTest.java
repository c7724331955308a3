package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Aligned columns, no trailing spaces, and the helpers that feed tables single-line cells. */
class TableTest {

  @Test
  void columnsAreAlignedToTheWidestCellWithTwoSpacesBetween() {
    String rendered = new Table("NAME", "STATE", "TASKS")
        .row("orders-replicator", "RUNNING", "3/3")
        .row("x", "FAILED", "0/1")
        .render();

    assertEquals(String.join("\n",
        "NAME               STATE    TASKS",
        "orders-replicator  RUNNING  3/3",
        "x                  FAILED   0/1"), rendered, "aligned table");
  }

  @Test
  void linesHaveNoTrailingSpacesAndNullCellsPrintAsNothing() {
    String rendered = new Table("ID", "STATE", "TRACE").row(0, "RUNNING", null).row(1, "FAILED", "boom").render();

    for (String line : rendered.split("\n")) {
      assertEquals(line.stripTrailing(), line, "no trailing spaces in '" + line + "'");
    }
    assertTrue(rendered.contains("\n0   RUNNING\n"), "a null trace leaves the cell empty: " + rendered);
  }

  @Test
  void tableWithoutHeadersPrintsOnlyItsRows() {
    String rendered = new Table().row("Name:", "x").row("Worker:", "127.0.0.1:8083").render();

    assertEquals("Name:    x\nWorker:  127.0.0.1:8083", rendered, "label/value lines aligned");
  }

  @Test
  void emptyTableIsEmptyAndRendersItsHeaderOnly() {
    Table table = new Table("ID", "PARTITION");

    assertTrue(table.isEmpty(), "no rows added");
    assertEquals("ID  PARTITION", table.render(), "header only");
    assertFalse(table.row("0", "orders-0").isEmpty(), "not empty after a row");
  }

  @Test
  void firstLineOfATraceIsItsMessage() {
    assertEquals("org.apache.kafka.common.errors.TimeoutException: timed out",
        StatusView.firstLine("org.apache.kafka.common.errors.TimeoutException: timed out\n\tat a.b.C.d(C.java:1)\n"),
        "only the first line of a multi-line trace");
    assertEquals("one line", StatusView.firstLine("one line"), "a one-line trace is kept");
    assertEquals(null, StatusView.firstLine(null), "no trace, nothing");
  }
}
