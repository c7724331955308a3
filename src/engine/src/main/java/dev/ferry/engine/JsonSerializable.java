package dev.ferry.engine;

/**
 * Marker for every message, event and state that crosses a node boundary or is persisted.
 * Bound to Pekko's Jackson JSON serializer in {@code hocon/serialization.conf}, so journal rows
 * stay readable and records serialize through their canonical constructors.
 */
public interface JsonSerializable {}
