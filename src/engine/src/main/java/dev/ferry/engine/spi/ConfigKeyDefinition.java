package dev.ferry.engine.spi;

/**
 * One config key a connector type understands, as Kafka Connect's ConfigKeyInfo shows it under
 * {@code GET /connector-plugins/{plugin}/config} and in validation answers.
 *
 * @param name          the key
 * @param type          Kafka's ConfigDef type name: STRING, LIST, BOOLEAN, INT, LONG, CLASS, PASSWORD...
 * @param required      true when the key has no default
 * @param defaultValue  the default as a string, or null (none, or a null default)
 * @param importance    HIGH, MEDIUM or LOW
 * @param documentation what the key does
 * @param group         the group it is shown in
 * @param orderInGroup  its position in the group, from 1
 */
public record ConfigKeyDefinition(String name, String type, boolean required, String defaultValue, String importance,
                                  String documentation, String group, int orderInGroup) {

  /** A required key (no default). */
  public static ConfigKeyDefinition required(String name, String type, String importance, String documentation,
                                             String group, int orderInGroup) {
    return new ConfigKeyDefinition(name, type, true, null, importance, documentation, group, orderInGroup);
  }

  /** An optional key with a default ({@code null}: no value unless set). */
  public static ConfigKeyDefinition optional(String name, String type, String defaultValue, String importance,
                                             String documentation, String group, int orderInGroup) {
    return new ConfigKeyDefinition(name, type, false, defaultValue, importance, documentation, group, orderInGroup);
  }
}
