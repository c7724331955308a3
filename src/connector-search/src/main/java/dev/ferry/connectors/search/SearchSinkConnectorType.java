package dev.ferry.connectors.search;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.kafka.SinkSettings;
import dev.ferry.engine.spi.ConfigKeyDefinition;
import dev.ferry.engine.spi.ConnectorConfigException;
import dev.ferry.engine.spi.ConnectorContext;
import dev.ferry.engine.spi.ConnectorPlan;
import dev.ferry.engine.spi.ConnectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ferry's search sink: indexes topics into Elasticsearch 7/8/9 and OpenSearch 1/2/3 with one
 * flow per topic-partition, speaking {@code _bulk} itself. Takes Confluent's Elasticsearch sink
 * configs unchanged ({@code io.confluent.connect.elasticsearch.ElasticsearchSinkConnector},
 * {@code ElasticsearchSinkConnector}, {@code ElasticsearchSink}), including the keys Confluent
 * removed in 11.0 ({@code type.name}, {@code topic.index.map}), and Aiven's OpenSearch sink's class
 * name, whose keys are the same.
 */
public final class SearchSinkConnectorType implements ConnectorType {

  /** Ferry's own class name. */
  public static final String CLASS_NAME = "dev.ferry.connectors.search.SearchSinkConnector";
  /** Confluent's class name. */
  public static final String CONFLUENT_CLASS_NAME = "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector";

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public List<String> aliases() {
    return List.of(CONFLUENT_CLASS_NAME, "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector");
  }

  @Override
  public String type() {
    return "sink";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<ConfigKeyDefinition> configKeys() {
    return SearchConfigKeys.ALL;
  }

  @Override
  public ConnectorPlan plan(String name, Map<String, String> config, ConnectorContext context) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, String> effective = ConverterFallback.apply(config, warnings);
    SinkSettings sink = SinkSettings.parse(effective, context, ConnectSettings.JSON, errors);
    SearchSinkConfig search = SearchSinkConfig.parse(config, errors, warnings);
    if (!errors.isEmpty()) {
      throw new ConnectorConfigException(errors);
    }
    return new SearchSinkPlan(name, config, search, List.copyOf(warnings), context, sink);
  }
}
