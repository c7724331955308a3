package dev.ferry.cli;

import java.io.PrintWriter;

/** Prints a ConnectorStateInfo for people: the connector's state, then a table of its tasks. */
final class StatusView {

  private StatusView() {}

  /** The connector's lines, a blank line and the task table (or a note that there are no tasks). */
  static void print(ConnectorStateInfo status, PrintWriter out) {
    Table connector = new Table()
        .row("Name:", status.name())
        .row("Type:", status.type())
        .row("State:", status.connector().state())
        .row("Worker:", status.connector().workerId());
    if (status.connector().trace() != null) {
      connector.row("Trace:", firstLine(status.connector().trace()));
    }
    out.println(connector.render());
    out.println();
    if (status.tasks().isEmpty()) {
      out.println("No tasks.");
      return;
    }
    Table tasks = new Table("ID", "STATE", "WORKER", "TRACE");
    status.tasks().forEach(task -> tasks.row(task.id(), task.state(), task.workerId(), firstLine(task.trace())));
    out.println(tasks.render());
  }

  /** The first line of a trace (its message), {@code null} for none. */
  static String firstLine(String trace) {
    if (trace == null) {
      return null;
    }
    String stripped = trace.strip();
    int newline = stripped.indexOf('\n');
    return (newline < 0 ? stripped : stripped.substring(0, newline)).stripTrailing();
  }
}
