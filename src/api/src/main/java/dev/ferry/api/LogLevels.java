package dev.ferry.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The node's logback levels as Kafka Connect's {@code /admin/loggers} sees them: names as logback
 * has them except the root logger, which is {@code root}; a logger's level is its own or else the
 * one it inherits. Changes apply to this JVM at once and are not persisted: a restarted node starts
 * from its logback.xml again, as a Connect worker does from its log4j config.
 */
final class LogLevels {

  /** Connect's name of the root logger. */
  static final String ROOT = "root";

  /**
   * A logger's level and when the API last changed it.
   *
   * @param level        its level (own or inherited)
   * @param lastModified ms since the epoch of the last change through the API, or null
   */
  record LoggerLevel(String level, Long lastModified) {}

  private static final Map<String, Long> LAST_MODIFIED = new ConcurrentHashMap<>();

  private LogLevels() {}

  /** Every logger with a level of its own, and the root logger, by name. */
  static Map<String, LoggerLevel> all() {
    Map<String, LoggerLevel> out = new TreeMap<>();
    for (Logger logger : context().getLoggerList()) {
      if (logger.getLevel() != null) {
        out.put(nameOf(logger), levelOf(logger));
      }
    }
    return out;
  }

  /** One logger's level; empty if no logger has that name. */
  static Optional<LoggerLevel> of(String name) {
    Logger logger = ROOT.equalsIgnoreCase(name) ? rootLogger() : context().exists(name);
    return Optional.ofNullable(logger).map(LogLevels::levelOf);
  }

  /** The level a text names (case-insensitive), or empty. */
  static Optional<Level> parse(String level) {
    return Optional.ofNullable(Level.toLevel(level.trim().toUpperCase(Locale.ROOT), null));
  }

  /**
   * Sets a logger and every logger below it (all loggers for {@code root}) to {@code level}, as
   * Connect does, creating the named logger if needed.
   *
   * @return the names of the loggers now at that level, sorted
   */
  static List<String> set(String namespace, Level level) {
    List<Logger> affected = new ArrayList<>();
    if (ROOT.equalsIgnoreCase(namespace)) {
      affected.addAll(context().getLoggerList());
    } else {
      affected.add(context().getLogger(namespace));
      for (Logger logger : context().getLoggerList()) {
        if (logger.getName().startsWith(namespace + ".")) {
          affected.add(logger);
        }
      }
    }
    long now = System.currentTimeMillis();
    List<String> names = new ArrayList<>();
    for (Logger logger : affected) {
      if (!level.equals(logger.getEffectiveLevel())) { // as Connect: an unchanged logger keeps its last_modified
        logger.setLevel(level);
        LAST_MODIFIED.put(nameOf(logger), now);
      }
      names.add(nameOf(logger));
    }
    return names.stream().distinct().sorted().toList();
  }

  private static LoggerLevel levelOf(Logger logger) {
    return new LoggerLevel(logger.getEffectiveLevel().toString(), LAST_MODIFIED.get(nameOf(logger)));
  }

  private static String nameOf(Logger logger) {
    return Logger.ROOT_LOGGER_NAME.equals(logger.getName()) ? ROOT : logger.getName();
  }

  private static Logger rootLogger() {
    return context().getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static LoggerContext context() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      return context;
    }
    throw new IllegalStateException("Log levels can only be changed with logback as the SLF4J backend, but it is "
        + LoggerFactory.getILoggerFactory().getClass().getName());
  }
}
