package dev.ferry.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A connector as a file defines it, and the body of {@code POST /connectors} (Kafka Connect's
 * CreateConnectorRequest): {@code {"name","config":{...},"initial_state"?}}.
 *
 * @param name         the connector name; {@code null} when the file names none
 * @param config       the flat config
 * @param initialState RUNNING, PAUSED or STOPPED; {@code null} for the node's default (RUNNING)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorDefinition(
    String name,
    Map<String, String> config,
    @JsonProperty("initial_state") String initialState) {}
